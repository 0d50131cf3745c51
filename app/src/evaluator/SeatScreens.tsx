import { useState } from "react";
import { useTranslation } from "react-i18next";

import type { PledgeLanguage } from "../../../core/pledge.ts";
import { qualitativeCriteria } from "../chain/round.ts";
import {
  chainNow,
  type RoundWatcher,
  type WatchState,
} from "../chain/watch.ts";
import { formatKst } from "../lib/format.ts";
import { resultsHash, seatKey } from "../lib/route.ts";
import type {
  Draft,
  Submissions,
  TabletSession,
} from "../storage/tablet-store.ts";
import { ResultTable } from "../ui/ResultTable.tsx";
import { ProblemMessage } from "../ui/ProblemMessage.tsx";
import { Screen } from "../ui/Screen.tsx";
import { PledgeScreen } from "./PledgeScreen.tsx";
import { sealSheet } from "./protocol.ts";
import { RecuseScreen } from "./RecuseScreen.tsx";
import { ReviewScreen } from "./ReviewScreen.tsx";
import { chooseScreen, type TabletView } from "./screen-choice.ts";
import type { SeatContext } from "./SeatFlow.tsx";
import { SendLine } from "./SendLine.tsx";
import { SheetScreen } from "./SheetScreen.tsx";
import { useDraft } from "./useDraft.ts";
import { useSender } from "./useSender.ts";
import { WaitingScreen } from "./WaitingScreen.tsx";

/** Chooses and renders the tablet's screen, and runs the sender. */
export function SeatScreens(
  props: SeatContext & {
    session: TabletSession;
    draft: Draft;
    submissions: Submissions;
    watch: WatchState;
    watcher: RoundWatcher;
    onPledge: (language: PledgeLanguage, text: string) => Promise<void>;
    onRecuse: (reason: string) => Promise<void>;
  },
) {
  const { t, i18n } = useTranslation();
  const { store, round, locator, session, watch, watcher } = props;
  const key = seatKey(locator);
  const criteria = qualitativeCriteria(round);
  const [submissions, setSubmissions] = useState(props.submissions);
  const submitted = !!(submissions.pending || submissions.confirmed);
  const [view, setView] = useState<TabletView>(submitted ? "status" : "sheet");
  const { draft, setScore, setComment, savedAt, saveError } = useDraft(
    store,
    key,
    props.draft,
  );
  const sender = useSender({
    client: props.client,
    locator,
    store,
    session,
    submissions,
    onSubmissions: setSubmissions,
    watch,
    watcher,
    scoringDeadline: round.scoringDeadline,
    ready: watch.checkedAt !== undefined,
  });

  const nowSeconds = chainNow(watch);
  const screen = chooseScreen({
    known: watch.checkedAt !== undefined,
    online: watch.online,
    progress: watch.progress,
    seat: locator.seat,
    session,
    submitted,
    view,
    nowSeconds,
    scoringDeadline: round.scoringDeadline,
  });
  const seat = watch.progress.seats[locator.seat];
  const canEdit =
    watch.progress.phase === "scoring" && nowSeconds < round.scoringDeadline;
  const status = <SendLine status={sender.status} online={watch.online} />;

  async function submit(scores: number[]) {
    const sheet = await sealSheet(
      session.devicePrivateKey,
      locator,
      round.escrowPublicKey,
      scores,
      draft.comments,
    );
    await store.savePending(key, sheet);
    setSubmissions(await store.loadSubmissions(key));
    setView("status");
  }

  const problem = (name: string, values: Record<string, string> = {}) => (
    <ProblemMessage name={name} values={values} />
  );

  switch (screen) {
    case "loading":
      return <p className="loading">{t("app.loading")}</p>;
    case "seat-missing":
      return problem("invalidLink");
    case "invite-used":
      return problem("inviteUsed");
    case "invite-replaced":
      return problem("inviteReplaced");
    case "invite-mismatch":
      return problem("inviteMismatch");
    case "cancelled":
      return problem("cancelled", {
        reason: watch.progress.cancelled?.reason ?? "",
      });
    case "closed":
      return problem("closed");
    case "recused":
      return problem("recused");
    case "deadline":
      return problem("deadline", {
        deadline: formatKst(round.scoringDeadline, i18n.language),
      });
    case "pledge":
      return (
        <>
          {status}
          <PledgeScreen
            round={round}
            seat={locator.seat}
            onSign={props.onPledge}
          />
        </>
      );
    case "result":
      return (
        <Screen title={t("result.title")}>
          <p className="round-line">{round.title}</p>
          <ResultTable round={round} finalized={watch.progress.finalized!} />
          <p>
            <a href={resultsHash(locator)}>{t("result.publicPage")}</a>
          </p>
        </Screen>
      );
    case "waiting":
      return (
        <>
          {!watch.online && status}
          <WaitingScreen
            progress={watch.progress}
            seat={seat}
            submissions={submissions}
            status={sender.status}
            known={watch.checkedAt !== undefined}
            online={watch.online}
            onEdit={canEdit ? () => setView("sheet") : undefined}
            onRetry={sender.retry}
          />
        </>
      );
    case "recuse":
      return (
        <RecuseScreen
          onRecuse={props.onRecuse}
          onBack={() => setView("sheet")}
        />
      );
    case "review":
      return (
        <ReviewScreen
          round={round}
          criteria={criteria}
          draft={draft}
          status={status}
          onBack={() => setView("sheet")}
          onSubmit={submit}
        />
      );
    case "sheet":
      return (
        <SheetScreen
          round={round}
          criteria={criteria}
          seat={locator.seat}
          draft={draft}
          savedAt={savedAt}
          saveError={saveError}
          editingSubmitted={submitted}
          status={status}
          onScore={setScore}
          onComment={setComment}
          onReview={() => setView("review")}
          onRecuse={
            !submitted && seat?.state === "claimed"
              ? () => setView("recuse")
              : undefined
          }
          onCancelEdit={submitted ? () => setView("status") : undefined}
        />
      );
  }
}
