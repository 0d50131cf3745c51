import { useTranslation } from "react-i18next";

import {
  countSeats,
  type RoundProgress,
  type SeatProgress,
} from "../chain/progress.ts";
import { formatCount, formatKst } from "../lib/format.ts";
import type { SheetSubmission, Submissions } from "../storage/tablet-store.ts";
import { Screen } from "../ui/Screen.tsx";
import type { SendStatus } from "./useSender.ts";

function sameCommitment(
  sheet: SheetSubmission | undefined,
  seat?: SeatProgress,
) {
  return (
    sheet !== undefined &&
    seat?.commitment !== undefined &&
    sheet.commitment.toLowerCase() === seat.commitment.toLowerCase()
  );
}

/**
 * Returns whether the chain has this tablet's submitted sheet: the newest
 * signed one while scoring is open, or any signed one after that, because a
 * sheet still queued when scoring closed can no longer be sent.
 */
export function sheetOnChain(
  progress: RoundProgress,
  seat: SeatProgress | undefined,
  submissions: Submissions,
): boolean {
  const { pending, confirmed } = submissions;
  if (progress.phase === "scoring") {
    return sameCommitment(pending ?? confirmed, seat);
  }
  return sameCommitment(pending, seat) || sameCommitment(confirmed, seat);
}

/**
 * After submitting: the state of the tablet's sheet, the committee's
 * progress as counts only, and the automatic reveal once scoring closes.
 */
export function WaitingScreen({
  progress,
  seat,
  submissions,
  status,
  known,
  online,
  onEdit,
  onRetry,
}: {
  progress: RoundProgress;
  seat?: SeatProgress;
  submissions: Submissions;
  status: SendStatus;
  /** False until the chain has been read at least once. */
  known: boolean;
  /** False while the chain cannot be reached. */
  online: boolean;
  onEdit?: () => void;
  onRetry: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const counts = countSeats(progress);
  const revealing = progress.phase === "revealing";
  const submitted = known && sheetOnChain(progress, seat, submissions);

  let line: string;
  if (status.state === "failed") {
    line =
      status.action === "reveal"
        ? t("waiting.revealFailed", { message: status.message })
        : t("waiting.failed", { message: status.message });
  } else if (
    status.state === "queued" ||
    (!online && submissions.pending !== undefined)
  ) {
    line = t("waiting.queued");
  } else if (revealing && seat?.state === "revealed") {
    line = t("waiting.revealed", {
      revealed: counts.revealed,
      committed: counts.committed,
    });
  } else if (revealing) {
    line = t("waiting.revealing");
  } else if (submissions.pending || !known) {
    line = t("waiting.sending");
  } else {
    line = t("waiting.onChain", {
      time: formatKst(seat?.committedAt, language),
    });
  }

  const rows: [string, number][] = [
    [t("waiting.committed"), counts.committed],
    [t("waiting.claimed"), counts.claimed],
    [t("waiting.recused"), counts.recused],
    [t("waiting.seats"), counts.seats],
  ];

  return (
    <Screen
      title={submitted ? t("waiting.title") : t("waiting.savedTitle")}
      className="waiting"
    >
      {!submitted && <p className="notice">{t("waiting.savedBody")}</p>}
      <p
        className={`send-state ${status.state}`}
        role="status"
        aria-live="polite"
      >
        {line}
      </p>
      {status.state === "failed" && (
        <button type="button" onClick={onRetry}>
          {t("app.retry")}
        </button>
      )}
      <h2>{t("waiting.committee")}</h2>
      <dl className="counts">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{formatCount(value, language)}</dd>
          </div>
        ))}
      </dl>
      {seat?.state !== "revealed" && (
        <p className="hint">{t("waiting.hint")}</p>
      )}
      {onEdit && (
        <div className="actions">
          <button type="button" onClick={onEdit}>
            {t("waiting.edit")}
          </button>
        </div>
      )}
    </Screen>
  );
}
