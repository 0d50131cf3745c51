import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Address } from "viem";

import { createChainClient } from "../chain/client.ts";
import { describeError } from "../chain/errors.ts";
import { addStrings } from "../i18n/index.ts";
import { formatKst } from "../lib/format.ts";
import { resultsHash } from "../lib/route.ts";
import { Screen } from "../ui/Screen.tsx";
import {
  PHASE_CANCELLED,
  PHASE_FINALIZED,
  readRoundList,
  type RoundListEntry,
} from "./rounds.ts";
import { resultsStrings } from "./strings.ts";

addStrings(resultsStrings);

type RoundList = Awaited<ReturnType<typeof readRoundList>>;

/**
 * The public list of a registry's rounds, read straight from chain events:
 * rounds in progress with their seat counts, final rounds with the
 * preferred bidder, and cancelled rounds. Refreshed every 5 s.
 */
export function RoundListApp({
  chainId,
  registry,
}: {
  chainId: number;
  registry: Address;
}) {
  const { t, i18n } = useTranslation();
  const [client] = useState(() => createChainClient(chainId));
  const [list, setList] = useState<RoundList>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let stopped = false;
    const read = () =>
      readRoundList(client, registry).then(
        (value) => {
          if (stopped) return;
          setList(value);
          setError(undefined);
        },
        (cause) => !stopped && setError(describeError(cause)),
      );
    void read();
    const timer = setInterval(() => void read(), 5000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [client, registry]);

  const open = list?.rounds.filter((round) => round.phase < PHASE_FINALIZED);
  const done = list?.rounds.filter((round) => round.phase === PHASE_FINALIZED);
  const cancelled = list?.rounds.filter(
    (round) => round.phase === PHASE_CANCELLED,
  );
  const link = (round: RoundListEntry) =>
    resultsHash({ chainId, registry, roundId: round.roundId });

  return (
    <Screen title={t("rounds.title")} className="results">
      {error && (
        <p className="field-error" role="alert">
          {t("rounds.readFailed", { message: error })}
        </p>
      )}
      {!list && !error && <p className="loading">{t("app.loading")}</p>}
      {list && (
        <>
          <p className="as-of">
            {t("results.asOf", {
              block: list.block.toString(),
              time: formatKst(list.time, i18n.language),
            })}
          </p>
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

function RoundSection({
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
