import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { encodeAbiParameters, keccak256, type Address, type Hex } from "viem";

import { createChainClient } from "../chain/client.ts";
import { countSeats } from "../chain/progress.ts";
import {
  loadRound,
  qualitativeCriteria,
  type RoundInfo,
} from "../chain/round.ts";
import { useRoundWatcher } from "../chain/watch.ts";
import { addStrings } from "../i18n/index.ts";
import { formatPoints } from "../lib/format.ts";
import { ProblemMessage } from "../ui/ProblemMessage.tsx";
import { ResultTable } from "../ui/ResultTable.tsx";
import { Screen } from "../ui/Screen.tsx";
import { resultsStrings } from "./strings.ts";
import { VerifyPanel } from "./VerifyPanel.tsx";
import { revealedSheets } from "./verify.ts";

addStrings(resultsStrings);

/** The public results page of one round, read straight from the chain. */
export function ResultsApp({
  chainId,
  registry,
  roundId,
}: {
  chainId: number;
  registry: Address;
  roundId: bigint;
}) {
  const { t } = useTranslation();
  const [client] = useState(() => createChainClient(chainId));
  const [round, setRound] = useState<RoundInfo>();
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    loadRound(client, registry, roundId).then(setRound, () => setMissing(true));
  }, [client, registry, roundId]);

  if (missing) {
    return (
      <ProblemMessage
        name="notFound"
        values={{ roundId: roundId.toString() }}
      />
    );
  }
  if (!round) return <p className="loading">{t("app.loading")}</p>;
  return <RoundResult client={client} registry={registry} round={round} />;
}

/** Orders seats by keccak256(abi.encode(seed, seat)), so no one chooses the column order. */
function shuffledSeats(seats: number[], seed: Hex): number[] {
  const key = (seat: number) =>
    keccak256(
      encodeAbiParameters(
        [{ type: "bytes32" }, { type: "uint256" }],
        [seed, BigInt(seat)],
      ),
    );
  return [...seats].sort((a, b) => (key(a) < key(b) ? -1 : 1));
}

function RoundResult({
  client,
  registry,
  round,
}: {
  client: ReturnType<typeof createChainClient>;
  registry: Address;
  round: RoundInfo;
}) {
  const { t, i18n } = useTranslation();
  const { state } = useRoundWatcher(client, registry, round);
  const { progress } = state;
  const counts = countSeats(progress);
  const [sheets, setSheets] = useState<{ seat: number; scores: number[] }[]>();
  const finalized = progress.finalized;

  useEffect(() => {
    if (!finalized) return;
    revealedSheets(client, registry, round.roundId).then(setSheets, () =>
      setSheets([]),
    );
  }, [client, registry, round.roundId, finalized]);

  const criteria = qualitativeCriteria(round).length;
  const order =
    finalized && sheets
      ? shuffledSeats(
          sheets.map((sheet) => sheet.seat),
          finalized.lotterySeed,
        )
      : [];
  const pledges = progress.seats.filter(
    (seat) => seat.state !== "invited",
  ).length;

  return (
    <Screen title={t("results.title")} className="results">
      <p className="round-line">
        <strong>{round.title}</strong> ({round.referenceNumber}) ·{" "}
        {t("results.rules", {
          rules: round.rulesVersion,
          tally: round.tallyVersion,
        })}
      </p>
      <h2>{t("results.attendance")}</h2>
      <ul className="inline-list">
        <li>
          {t("results.committed", {
            count: progress.closed?.committed ?? counts.committed,
          })}
        </li>
        <li>{t("results.absent", { count: progress.closed?.absent ?? 0 })}</li>
        <li>{t("results.recused", { count: counts.recused })}</li>
        <li>{t("results.pledges", { count: pledges })}</li>
      </ul>
      {progress.cancelled && (
        <p className="notice">
          {t("round.cancelledBecause", { reason: progress.cancelled.reason })}
        </p>
      )}
      {!finalized && !progress.cancelled && (
        <p className="notice" role="status">
          {t("results.notFinal", {
            phase: t(`results.phase_${progress.phase}`),
          })}
        </p>
      )}
      {finalized && (
        <>
          <ResultTable round={round} finalized={finalized} />
          {sheets && sheets.length > 0 && (
            <section aria-labelledby="seat-scores">
              <h2 id="seat-scores">{t("results.seatScores")}</h2>
              <p className="hint">{t("results.seatScoresNote")}</p>
              <div
                className="table-scroll"
                tabIndex={0}
                role="region"
                aria-labelledby="seat-scores"
              >
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t("result.bidder")}</th>
                      {order.map((seat, index) => (
                        <th scope="col" key={seat}>
                          {t("results.evaluator", {
                            label: String.fromCharCode(65 + index),
                          })}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {round.bidders.map((bidder, b) => (
                      <tr key={bidder.name}>
                        <th scope="row">{bidder.name}</th>
                        {order.map((seat) => {
                          const sheet = sheets.find(
                            (entry) => entry.seat === seat,
                          )!;
                          const total = sheet.scores
                            .slice(b * criteria, (b + 1) * criteria)
                            .reduce((sum, score) => sum + score, 0);
                          return (
                            <td key={seat} className="number">
                              {formatPoints(total, i18n.language)}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          )}
          <VerifyPanel
            client={client}
            registry={registry}
            roundId={round.roundId}
          />
        </>
      )}
    </Screen>
  );
}
