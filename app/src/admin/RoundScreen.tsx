import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

import { loadRound, type RoundInfo } from "../chain/round.ts";
import { describeError } from "../chain/errors.ts";
import { useRoundWatcher } from "../chain/watch.ts";
import { formatKst } from "../lib/format.ts";
import { resultsHash } from "../lib/route.ts";
import { ProblemMessage } from "../ui/ProblemMessage.tsx";
import { Screen } from "../ui/Screen.tsx";
import type { AdminContext } from "./AdminApp.tsx";
import type { RoundSecrets } from "./admin-store.ts";
import { RoundActions } from "./RoundActions.tsx";

/** Loads a round and its secrets kept in this browser. */
export function RoundScreen({
  context,
  roundId,
}: {
  context: AdminContext;
  roundId: bigint;
}) {
  const { t } = useTranslation();
  const { client, config, store } = context;
  const [round, setRound] = useState<RoundInfo>();
  const [secrets, setSecrets] = useState<RoundSecrets | null>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    Promise.all([
      loadRound(client, config.registry, roundId),
      store.loadSecrets(config.chainId, config.registry, roundId),
    ]).then(
      ([loaded, stored]) => {
        setRound(loaded);
        setSecrets(stored ?? null);
      },
      (cause: unknown) => setError(describeError(cause)),
    );
  }, [client, config, store, roundId]);

  if (error) {
    return (
      <ProblemMessage
        name="notFound"
        values={{ roundId: roundId.toString() }}
      />
    );
  }
  if (!round || secrets === undefined)
    return <p className="loading">{t("app.loading")}</p>;
  return (
    <RoundView
      context={context}
      round={round}
      secrets={secrets}
      onSecrets={setSecrets}
    />
  );
}

function RoundView({
  context,
  round,
  secrets,
  onSecrets,
}: {
  context: AdminContext;
  round: RoundInfo;
  secrets: RoundSecrets | null;
  onSecrets: (secrets: RoundSecrets) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { state: watch, watcher } = useRoundWatcher(
    context.client,
    context.config.registry,
    round,
  );

  return (
    <Screen
      title={t("round.title", { id: round.roundId.toString() })}
      className="round"
    >
      <p>
        <a href="#/admin">{t("admin.back")}</a>
      </p>
      <p className="round-line">
        <strong>{round.title}</strong> ({round.referenceNumber}) ·{" "}
        {round.rulesVersion}
      </p>
      <p>
        {t("round.phase")}:{" "}
        <strong data-phase={watch.progress.phase}>
          {t(`round.phase_${watch.progress.phase}`)}
        </strong>
      </p>
      <p>
        <a
          href={resultsHash({
            chainId: context.config.chainId,
            registry: context.config.registry,
            roundId: round.roundId,
          })}
        >
          {t("round.publicPage")}
        </a>
      </p>
      <p className="hint">
        {t("round.deadlines", {
          scoring: formatKst(round.scoringDeadline, language),
          reveal: formatKst(round.revealDeadline, language),
        })}
      </p>
      <RoundActions
        context={context}
        round={round}
        watch={watch}
        watcher={watcher}
        secrets={secrets}
        onSecrets={onSecrets}
      />
    </Screen>
  );
}
