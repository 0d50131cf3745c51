import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Address, PublicClient } from "viem";

import { createChainClient } from "../chain/client.ts";
import type { RoundProgress } from "../chain/progress.ts";
import { RoundNotFoundError, type RoundInfo } from "../chain/round.ts";
import { addStrings } from "../i18n/index.ts";
import { formatKst } from "../lib/format.ts";
import { ProblemMessage } from "../ui/ProblemMessage.tsx";
import { ResultTable } from "../ui/ResultTable.tsx";
import { Screen } from "../ui/Screen.tsx";
import { resultsStrings } from "./strings.ts";
import "./results.css";
import { Downloads } from "./Downloads.tsx";
import { readRecord, type EvaluationRecord } from "./record.ts";
import { RoundViewReader, type RoundView } from "./round-view.ts";
import { SeatScores } from "./SeatScores.tsx";
import { SourceNote } from "./SourceNote.tsx";
import { Timeline } from "./Timeline.tsx";
import { VerifyPanel } from "./VerifyPanel.tsx";

addStrings(resultsStrings);

/** Milliseconds between reads of the round; also how soon a source switch shows. */
const POLL_MS = 2_000;

/**
 * Reads the round every POLL_MS while mounted, from the indexer or the
 * chain as RoundViewReader chooses. Keeps the last view when a read fails.
 */
function useRoundView(
  client: PublicClient,
  chainId: number,
  registry: Address,
  roundId: bigint,
) {
  const [view, setView] = useState<RoundView>();
  const [missing, setMissing] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const reader = new RoundViewReader(client, chainId, registry, roundId);
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await reader.read();
        if (stopped) return;
        setView(next);
        setFailed(false);
      } catch (error) {
        if (stopped) return;
        if (error instanceof RoundNotFoundError) setMissing(true);
        else setFailed(true);
      }
      if (!stopped) timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [client, chainId, registry, roundId]);
  return { view, missing, failed };
}

/**
 * The public results page of one round: read from the indexer while it
 * keeps up with the chain, from the chain otherwise, with the counts and
 * result always checked against the registry. Verify and the downloads
 * read raw chain events only.
 */
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
  const { view, missing, failed } = useRoundView(
    client,
    chainId,
    registry,
    roundId,
  );

  if (missing) {
    return (
      <ProblemMessage
        name="notFound"
        values={{ roundId: roundId.toString() }}
      />
    );
  }
  if (!view) {
    return failed ? (
      <p className="field-error" role="alert">
        {t("results.readFailed")}
      </p>
    ) : (
      <p className="loading">{t("app.loading")}</p>
    );
  }
  return (
    <RoundResult
      chainId={chainId}
      client={client}
      registry={registry}
      view={view}
    />
  );
}

export function RoundResult({
  chainId,
  client,
  registry,
  view,
}: {
  chainId: number;
  client: PublicClient;
  registry: Address;
  view: RoundView;
}) {
  const { t } = useTranslation();
  const { round, progress, counts } = view;
  const [record, setRecord] = useState<EvaluationRecord>();
  const [recordError, setRecordError] = useState(false);
  const done = progress.finalized !== undefined || progress.cancelled;
  const finalized = progress.finalized;

  // The record comes from raw chain events, whichever source the rest of
  // the page uses, and is read once the round is final and no longer
  // changes.
  useEffect(() => {
    if (!done) return;
    readRecord(client, registry, round.roundId).then(setRecord, () =>
      setRecordError(true),
    );
  }, [client, registry, round.roundId, done]);

  return (
    <Screen title={t("results.title")} className="results">
      <p className="round-line">
        {t("rounds.number", { id: round.roundId.toString() })} ·{" "}
        <strong>{round.title}</strong> ({round.referenceNumber}) ·{" "}
        {t("results.rules", {
          rules: round.rulesVersion,
          tally: round.tallyVersion,
        })}
      </p>
      <SourceNote
        source={view.source}
        reason={view.reason}
        block={view.block}
        time={view.time}
        countsDiffered={view.countsDiffered.length > 0}
        resultDiffered={view.resultDiffered}
      />
      <h2>{t("results.attendance")}</h2>
      <ul className="inline-list attendance">
        {(
          [
            "invited",
            "claimed",
            "committed",
            "revealed",
            "absent",
            "recused",
          ] as const
        ).map((name) => (
          <li key={name} data-count={name} data-value={counts[name]}>
            {t(`results.${name}`, { count: counts[name] })}
          </li>
        ))}
      </ul>
      {progress.cancelled && (
        <p className="notice" data-cancelled>
          {t("results.cancelledBecause", {
            reason: progress.cancelled.reason,
          })}
        </p>
      )}
      {!done && (
        <>
          <p className="notice" role="status">
            {t("results.notFinal", {
              phase: t(`results.phase_${progress.phase}`),
            })}
          </p>
          <Deadlines round={round} />
          <SeatStates seats={progress.seats} />
        </>
      )}
      {finalized && (
        <div className="results-table">
          <ResultTable round={round} finalized={finalized} />
        </div>
      )}
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
      {done && (
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

/** Shows the scoring and reveal deadlines of a round not yet final, in KST. */
function Deadlines({ round }: { round: RoundInfo }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="deadlines">
      <h2 id="deadlines">{t("results.deadlines")}</h2>
      <dl className="deadlines">
        <dt>{t("results.scoringDeadline")}</dt>
        <dd data-deadline="scoring">
          {formatKst(round.scoringDeadline, i18n.language)}
        </dd>
        <dt>{t("results.revealDeadline")}</dt>
        <dd data-deadline="reveal">
          {formatKst(round.revealDeadline, i18n.language)}
        </dd>
      </dl>
    </section>
  );
}

/** Live seat states while scoring; the chain holds no scores until reveal. */
function SeatStates({ seats }: { seats: RoundProgress["seats"] }) {
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
