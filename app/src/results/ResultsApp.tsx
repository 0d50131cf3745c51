import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Address, PublicClient } from "viem";

import { createChainClient } from "../chain/client.ts";
import type { RoundProgress } from "../chain/progress.ts";
import { RoundNotFoundError, type RoundInfo } from "../chain/round.ts";
import { addStrings } from "../i18n/index.ts";
import { formatKst } from "../lib/format.ts";
import { roundsHash } from "../lib/route.ts";
import { ResultTable } from "../ui/ResultTable.tsx";
import { MessageScreen, Screen } from "../ui/Screen.tsx";
import { resultsStrings } from "./strings.ts";
import "./results.css";
import { useChainPoll } from "./chain-poll.ts";
import { linkProblemScreen } from "./link-problem.tsx";
import { Downloads } from "./Downloads.tsx";
import {
  describeReadFailure,
  FailureMessage,
  useFailureReason,
  type ReadFailure,
} from "./read-failure.tsx";
import { readRecord, type EvaluationRecord } from "./record.ts";
import { RoundViewReader, type RoundView } from "./round-view.ts";
import { SeatScores } from "./SeatScores.tsx";
import { SourceNote } from "./SourceNote.tsx";
import {
  StaleNotice,
  useStaleReason,
  type StaleState,
} from "./StaleNotice.tsx";
import { Timeline } from "./Timeline.tsx";
import { VerifyPanel } from "./VerifyPanel.tsx";

addStrings(resultsStrings);

/** Milliseconds between reads of the round; also how soon a source switch shows. */
const POLL_MS = 1_000;

/**
 * Reads the round every POLL_MS while mounted, from the indexer or the
 * chain as RoundViewReader chooses, once the server's chain id matches
 * the link's. Keeps the last view when a read fails and reports since
 * when the reads have failed.
 */
function useRoundView(
  client: PublicClient,
  chainId: number,
  registry: Address,
  roundId: bigint,
) {
  const [view, setView] = useState<RoundView>();
  const [missing, setMissing] = useState(false);
  const read = useMemo(() => {
    const reader = new RoundViewReader(client, chainId, registry, roundId);
    return () => reader.read();
  }, [client, chainId, registry, roundId]);
  const { wrongChain, registryProblem, stale } = useChainPoll({
    client,
    chainId,
    registry,
    intervalMs: POLL_MS,
    read,
    onValue: setView,
    onError: (error) => {
      if (!(error instanceof RoundNotFoundError)) return false;
      setMissing(true);
      return true;
    },
  });
  return { view, missing, wrongChain, registryProblem, stale };
}

/**
 * The public results page of one round: read from the indexer while it
 * keeps up with the chain, from the chain otherwise, with the counts and
 * result always checked against the registry. Verify and the downloads
 * read raw chain events only.
 *
 * Each chain, registry and round gets its own page instance. So when only
 * the hash changes, nothing read for the previous round (the view, the
 * evaluation record, a Verify report) can show under the next one, and
 * reads still under way for it are dropped.
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
  return (
    <RoundPage
      key={`${chainId}:${registry.toLowerCase()}:${roundId}`}
      chainId={chainId}
      registry={registry}
      roundId={roundId}
    />
  );
}

function RoundPage({
  chainId,
  registry,
  roundId,
}: {
  chainId: number;
  registry: Address;
  roundId: bigint;
}) {
  const { t } = useTranslation();
  const staleReason = useStaleReason();
  const [client] = useState(() => createChainClient(chainId));
  const { view, missing, wrongChain, registryProblem, stale } = useRoundView(
    client,
    chainId,
    registry,
    roundId,
  );

  const problem = linkProblemScreen(
    chainId,
    registry,
    wrongChain,
    registryProblem,
  );
  if (problem) return problem;
  if (missing) {
    return (
      <MessageScreen
        title={t("results.notInRegistryTitle")}
        body={t("results.notInRegistryBody", {
          roundId: roundId.toString(),
          registry,
        })}
        tone="warning"
        action={
          <p>
            <a className="button" href={roundsHash(chainId, registry)}>
              {t("rounds.all")}
            </a>
          </p>
        }
      />
    );
  }
  if (!view) {
    if (stale?.failure) {
      return (
        <FailureMessage
          text={`${t("results.readFailed")} ${staleReason(stale)}`}
          failure={stale.failure}
        />
      );
    }
    return (
      <>
        <p className="loading">{t("app.loading")}</p>
        {stale && <p className="hint">{staleReason(stale)}</p>}
      </>
    );
  }
  return (
    <RoundResult
      chainId={chainId}
      client={client}
      registry={registry}
      view={view}
      stale={stale}
    />
  );
}

/** The evaluation record of one round, or why it could not be read. */
interface RecordRead {
  /** The `registry:roundId` it was read for. */
  key: string;
  record?: EvaluationRecord;
  failure?: ReadFailure;
}

/**
 * Reads the round's evaluation record from raw chain events once the
 * round is final and no longer changes, whichever source the rest of the
 * page uses. Returns nothing for another round than the one it was read
 * for, and drops a read that returns after the round changed.
 */
function useRecord(
  client: PublicClient,
  registry: Address,
  roundId: bigint,
  done: boolean,
): RecordRead | undefined {
  const key = `${registry.toLowerCase()}:${roundId}`;
  const [read, setRead] = useState<RecordRead>();
  useEffect(() => {
    if (!done) return;
    let current = true;
    readRecord(client, registry, roundId).then(
      (record) => {
        if (current) setRead({ key, record });
      },
      (error: unknown) => {
        if (current) setRead({ key, failure: describeReadFailure(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [client, registry, roundId, done, key]);
  return read?.key === key ? read : undefined;
}

export function RoundResult({
  chainId,
  client,
  registry,
  view,
  stale,
}: {
  chainId: number;
  client: PublicClient;
  registry: Address;
  view: RoundView;
  /** Set while refreshes fail; the view is then the last one read. */
  stale?: StaleState;
}) {
  const { t } = useTranslation();
  const reason = useFailureReason();
  const { round, progress, counts } = view;
  const done =
    progress.finalized !== undefined || progress.cancelled !== undefined;
  const finalized = progress.finalized;
  const recordRead = useRecord(client, registry, round.roundId, done);
  const record = recordRead?.record;
  // Remounts the panels that keep their own state when the round changes.
  const roundKey = `${registry.toLowerCase()}:${round.roundId}`;

  return (
    <Screen title={t("results.title")} className="results">
      <p className="round-line">
        {t("rounds.number", { id: round.roundId.toString() })} ·{" "}
        <strong>{round.title}</strong> ({round.referenceNumber}) ·{" "}
        {t("results.rules", {
          rules: round.rulesVersion,
          tally: round.tallyVersion,
        })}{" "}
        · <span data-chain-id={chainId}>{t("results.chain", { chainId })}</span>
      </p>
      {stale && <StaleNotice stale={stale} block={view.block} />}
      <SourceNote
        source={view.source}
        reason={view.reason}
        block={view.block}
        time={view.time}
        countsDiffered={view.countsDiffered.length > 0}
        resultDiffered={view.resultDiffered}
        stale={stale !== undefined}
      />
      <h2>{t("results.attendance")}</h2>
      <ul
        className={
          stale ? "inline-list attendance stale" : "inline-list attendance"
        }
        data-stale={stale !== undefined}
      >
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
      {recordRead?.failure && (
        <FailureMessage
          text={`${t("results.recordFailed")} ${reason(recordRead.failure)}`}
          failure={recordRead.failure}
        />
      )}
      {done && (
        <Downloads
          key={`downloads:${roundKey}`}
          client={client}
          registry={registry}
          roundId={round.roundId}
        />
      )}
      {done && (
        <VerifyPanel
          key={`verify:${roundKey}`}
          client={client}
          registry={registry}
          roundId={round.roundId}
        />
      )}
      <p>
        <a href={roundsHash(chainId, registry)}>{t("rounds.all")}</a>
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
