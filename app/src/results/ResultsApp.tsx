import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Address } from "viem";

import { createChainClient } from "../chain/client.ts";
import { countSeats } from "../chain/progress.ts";
import { loadRound, type RoundInfo } from "../chain/round.ts";
import { useRoundWatcher } from "../chain/watch.ts";
import { addStrings } from "../i18n/index.ts";
import { formatKst } from "../lib/format.ts";
import { ProblemMessage } from "../ui/ProblemMessage.tsx";
import { ResultTable } from "../ui/ResultTable.tsx";
import { Screen } from "../ui/Screen.tsx";
import { resultsStrings } from "./strings.ts";
import { Downloads } from "./Downloads.tsx";
import { readRecord, type EvaluationRecord } from "./record.ts";
import { SeatScores } from "./SeatScores.tsx";
import { Timeline } from "./Timeline.tsx";
import { VerifyPanel } from "./VerifyPanel.tsx";

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
  return (
    <RoundResult
      chainId={chainId}
      client={client}
      registry={registry}
      round={round}
    />
  );
}

function RoundResult({
  chainId,
  client,
  registry,
  round,
}: {
  chainId: number;
  client: ReturnType<typeof createChainClient>;
  registry: Address;
  round: RoundInfo;
}) {
  const { t, i18n } = useTranslation();
  const { state } = useRoundWatcher(client, registry, round);
  const { progress } = state;
  const counts = countSeats(progress);
  const [record, setRecord] = useState<EvaluationRecord>();
  const [recordError, setRecordError] = useState(false);
  const done = progress.finalized !== undefined || progress.cancelled;
  const finalized = progress.finalized;

  // The record is read once the round is final, when it no longer changes.
  useEffect(() => {
    if (!done) return;
    readRecord(client, registry, round.roundId).then(setRecord, () =>
      setRecordError(true),
    );
  }, [client, registry, round.roundId, done]);

  return (
    <Screen title={t("results.title")} className="results">
      <p className="round-line">
        <strong>{round.title}</strong> ({round.referenceNumber}) ·{" "}
        {t("results.rules", {
          rules: round.rulesVersion,
          tally: round.tallyVersion,
        })}
      </p>
      <p className="as-of">
        {t("results.asOf", {
          block: progress.block.toString(),
          time: formatKst(state.chainTime, i18n.language),
        })}
      </p>
      <h2>{t("results.attendance")}</h2>
      <ul className="inline-list">
        <li>{t("results.invited", { count: counts.seats })}</li>
        <li>{t("results.claimed", { count: counts.claimed })}</li>
        <li>
          {t("results.committed", {
            count: progress.closed?.committed ?? counts.committed,
          })}
        </li>
        <li>{t("results.revealed", { count: counts.revealed })}</li>
        <li>{t("results.absent", { count: progress.closed?.absent ?? 0 })}</li>
        <li>{t("results.recused", { count: counts.recused })}</li>
      </ul>
      {progress.cancelled && (
        <p className="notice">
          {t("round.cancelledBecause", { reason: progress.cancelled.reason })}
        </p>
      )}
      {!done && (
        <>
          <p className="notice" role="status">
            {t("results.notFinal", {
              phase: t(`results.phase_${progress.phase}`),
            })}
          </p>
          <SeatStates seats={progress.seats} />
        </>
      )}
      {finalized && <ResultTable round={round} finalized={finalized} />}
      {record && <SeatScores record={record} />}
      {record && <Timeline record={record} />}
      {recordError && (
        <p className="field-error" role="alert">
          {t("results.recordFailed")}
        </p>
      )}
      {done && (
        <Downloads
          client={client}
          registry={registry}
          roundId={round.roundId}
        />
      )}
      {finalized && (
        <VerifyPanel
          client={client}
          registry={registry}
          roundId={round.roundId}
        />
      )}
      <p>
        <a href={`#/r/${chainId}/${registry}`}>{t("rounds.all")}</a>
      </p>
    </Screen>
  );
}

/** Live seat states while scoring; the chain holds no scores until reveal. */
function SeatStates({
  seats,
}: {
  seats: ReturnType<typeof useRoundWatcher>["state"]["progress"]["seats"];
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="seat-states">
      <h2 id="seat-states">{t("results.seatStates")}</h2>
      <ul className="inline-list">
        {seats.map((seat) => (
          <li key={seat.seat} data-state={seat.state}>
            {t("results.seatNumber", { number: seat.seat + 1 })}:{" "}
            {t(`results.state_${seat.state}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
