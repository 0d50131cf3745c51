import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

import { listRounds, type RoundSummary } from "../chain/round.ts";
import { Screen } from "../ui/Screen.tsx";
import type { AdminContext } from "./AdminApp.tsx";

/** Every round on the registry, newest first. */
export function RoundList({ context }: { context: AdminContext }) {
  const { t } = useTranslation();
  const { client, config } = context;
  const [rounds, setRounds] = useState<RoundSummary[]>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    listRounds(client, config.registry).then(
      (list) => setRounds(list.reverse()),
      (cause: unknown) => setError((cause as Error).message),
    );
  }, [client, config.registry]);

  return (
    <Screen title={t("admin.rounds")}>
      <div className="actions">
        <a className="button primary" href="#/admin/new">
          {t("admin.newRound")}
        </a>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {rounds === undefined && !error && (
        <p className="loading">{t("app.loading")}</p>
      )}
      {rounds?.length === 0 && <p>{t("admin.noRounds")}</p>}
      {rounds && rounds.length > 0 && (
        <ul className="round-list">
          {rounds.map((round) => (
            <li key={round.roundId.toString()}>
              <a href={`#/admin/round/${round.roundId}`}>
                {t("admin.roundLink", {
                  id: round.roundId.toString(),
                  title: round.title,
                })}
              </a>
            </li>
          ))}
        </ul>
      )}
    </Screen>
  );
}
