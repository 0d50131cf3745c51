import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Address } from "viem";

import { createChainClient } from "../chain/client.ts";
import { addStrings } from "../i18n/index.ts";
import { resultsHash } from "../lib/route.ts";
import { Screen } from "../ui/Screen.tsx";
import { findIndexer, type IndexerEndpoint } from "./indexer.ts";
import { useChainPoll } from "./chain-poll.ts";
import { linkProblemScreen } from "./link-problem.tsx";
import { FailureMessage } from "./read-failure.tsx";
import {
  PHASE_CANCELLED,
  PHASE_FINALIZED,
  readRoundListView,
  type RoundListEntry,
  type RoundListView,
} from "./rounds.ts";
import { SourceNote } from "./SourceNote.tsx";
import { StaleNotice, useStaleReason } from "./StaleNotice.tsx";
import { resultsStrings } from "./strings.ts";

addStrings(resultsStrings);

/**
 * The public list of a registry's rounds: rounds in progress with their
 * seat counts, final rounds with the preferred bidder, and cancelled
 * rounds. Read from the indexer while it keeps up with the chain, else
 * from chain events, with the counts always the registry's. Refreshed
 * every 3 s once the server's chain id matches the link's.
 */
export function RoundListApp({
  chainId,
  registry,
}: {
  chainId: number;
  registry: Address;
}) {
  // A new page instance per chain and registry, so that the client and the
  // list never carry over from another link.
  return (
    <RoundListPage
      key={`${chainId}:${registry.toLowerCase()}`}
      chainId={chainId}
      registry={registry}
    />
  );
}

function RoundListPage({
  chainId,
  registry,
}: {
  chainId: number;
  registry: Address;
}) {
  const { t } = useTranslation();
  const staleReason = useStaleReason();
  const [client] = useState(() => createChainClient(chainId));
  const [list, setList] = useState<RoundListView>();
  const read = useMemo(() => {
    // Looked up again until found, because `jurybox up` starts the
    // indexer after the app server.
    let endpoint: IndexerEndpoint | undefined;
    return async () => {
      endpoint ??= await findIndexer(chainId, registry);
      return readRoundListView(client, registry, endpoint);
    };
  }, [client, chainId, registry]);
  const { wrongChain, registryProblem, stale } = useChainPoll({
    client,
    chainId,
    registry,
    intervalMs: 3000,
    read,
    onValue: setList,
  });

  const open = list?.rounds.filter((round) => round.phase < PHASE_FINALIZED);
  const done = list?.rounds.filter((round) => round.phase === PHASE_FINALIZED);
  const cancelled = list?.rounds.filter(
    (round) => round.phase === PHASE_CANCELLED,
  );
  const link = (round: RoundListEntry) =>
    resultsHash({ chainId, registry, roundId: round.roundId });

  const problem = linkProblemScreen(
    chainId,
    registry,
    wrongChain,
    registryProblem,
  );
  if (problem) return problem;
  return (
    <Screen title={t("rounds.title")} className="results">
      {!list && stale?.failure && (
        <FailureMessage
          text={t("rounds.readFailed", { message: staleReason(stale) })}
          failure={stale.failure}
        />
      )}
      {!list && !stale?.failure && (
        <p className="loading">{t("app.loading")}</p>
      )}
      {!list && stale && !stale.failure && (
        <p className="hint">{staleReason(stale)}</p>
      )}
      {list && (
        <>
          {stale && <StaleNotice stale={stale} block={list.block} />}
          <SourceNote
            source={list.source}
            reason={list.reason}
            block={list.block}
            time={list.time}
            countsDiffered={list.countsDiffered}
            stale={stale !== undefined}
          />
          <RoundSection
            id="rounds-open"
            title={t("rounds.open")}
            rounds={open!}
            link={link}
            describe={(round) => t("rounds.progress", { ...round })}
          />
          <RoundSection
            id="rounds-done"
            title={t("rounds.done")}
            rounds={done!}
            link={link}
            describe={(round) =>
              round.winner
                ? t("rounds.winner", { name: round.winner })
                : t("rounds.noWinner")
            }
          />
          {cancelled!.length > 0 && (
            <RoundSection
              id="rounds-cancelled"
              title={t("rounds.cancelled")}
              rounds={cancelled!}
              link={link}
              describe={() => t("results.phase_cancelled")}
            />
          )}
        </>
      )}
    </Screen>
  );
}

/**
 * Lists one section of rounds, newest first. Each round shows its number
 * outside the link, because two rounds may share a title and reference.
 */
export function RoundSection({
  id,
  title,
  rounds,
  link,
  describe,
}: {
  id: string;
  title: string;
  rounds: RoundListEntry[];
  link: (round: RoundListEntry) => string;
  describe: (round: RoundListEntry) => string;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {rounds.length === 0 ? (
        <p className="hint">{t("rounds.none")}</p>
      ) : (
        <ul className="round-list">
          {[...rounds].reverse().map((round) => (
            <li key={round.roundId.toString()}>
              <span className="round-number" data-round={round.roundId}>
                {t("rounds.number", { id: round.roundId.toString() })}
              </span>{" "}
              <a href={link(round)}>
                {round.title} ({round.referenceNumber})
              </a>
              <br />
              <span className="hint">{describe(round)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
