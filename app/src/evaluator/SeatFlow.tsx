import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PublicClient } from "viem";

import { hashPledge, type PledgeLanguage } from "../../../core/pledge.ts";
import { sendRegistryCall } from "../chain/client.ts";
import { describeError } from "../chain/errors.ts";
import { qualitativeCriteria, type RoundInfo } from "../chain/round.ts";
import { useRoundWatcher } from "../chain/watch.ts";
import { seatKey, type SeatLocator } from "../lib/route.ts";
import type {
  Draft,
  Submissions,
  TabletSession,
  TabletStore,
} from "../storage/tablet-store.ts";
import { MessageScreen } from "../ui/Screen.tsx";
import { signPledge, signRecusal } from "./protocol.ts";
import { fitDraft } from "./useDraft.ts";
import { SeatScreens } from "./SeatScreens.tsx";

export interface SeatContext {
  client: PublicClient;
  store: TabletStore;
  round: RoundInfo;
  locator: SeatLocator;
}

/** Loads the tablet's records of the seat, then hands over to the screens. */
export function SeatFlow(props: SeatContext & { session: TabletSession }) {
  const { t } = useTranslation();
  const key = seatKey(props.locator);
  const [records, setRecords] = useState<{
    draft: Draft;
    submissions: Submissions;
  }>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    const bidders = props.round.bidders.length;
    const criteria = qualitativeCriteria(props.round).length;
    Promise.all([
      props.store.loadDraft(key),
      props.store.loadSubmissions(key),
    ]).then(
      ([draft, submissions]) =>
        setRecords({ draft: fitDraft(draft, bidders, criteria), submissions }),
      (cause: unknown) => setError(String(cause)),
    );
  }, [props.store, props.round, key]);

  if (error) {
    return (
      <MessageScreen
        title={t("problem.unexpectedTitle")}
        body={error}
        tone="error"
      />
    );
  }
  if (!records) return <p className="loading">{t("app.loading")}</p>;
  return <SeatWatch {...props} {...records} />;
}

function SeatWatch(
  props: SeatContext & {
    session: TabletSession;
    draft: Draft;
    submissions: Submissions;
  },
) {
  const { client, store, round, locator } = props;
  const key = seatKey(locator);
  const [session, setSession] = useState(props.session);
  const { state: watch, watcher } = useRoundWatcher(
    client,
    locator.registry,
    round,
  );

  async function signThePledge(language: PledgeLanguage, text: string) {
    const hash = hashPledge(text);
    const sig = await signPledge(session.devicePrivateKey, locator, hash);
    const next = { ...session, pledge: { hash, sig, language } };
    await store.saveSession(key, next);
    setSession(next);
  }

  async function recuse(reason: string) {
    const deviceSig = await signRecusal(
      session.devicePrivateKey,
      locator,
      reason,
    );
    try {
      await sendRegistryCall(
        client,
        locator.registry,
        session.devicePrivateKey,
        {
          functionName: "recuse",
          args: [locator.roundId, locator.seat, reason, deviceSig],
        },
      );
    } catch (error) {
      throw new Error(describeError(error), { cause: error });
    }
    await watcher.poll();
  }

  return (
    <SeatScreens
      {...props}
      session={session}
      watch={watch}
      watcher={watcher}
      onPledge={signThePledge}
      onRecuse={recuse}
    />
  );
}
