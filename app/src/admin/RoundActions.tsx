import { useState } from "react";
import { useTranslation } from "react-i18next";

import { countSeats, type SeatProgress } from "../chain/progress.ts";
import type { RoundInfo } from "../chain/round.ts";
import { describeError } from "../chain/errors.ts";
import {
  chainNow,
  type RoundWatcher,
  type WatchState,
} from "../chain/watch.ts";
import { ConfirmDialog } from "../ui/ConfirmDialog.tsx";
import { ResultTable } from "../ui/ResultTable.tsx";
import type { AdminContext } from "./AdminApp.tsx";
import type { RoundSecrets } from "./admin-store.ts";
import {
  cancelRound,
  closeScoring,
  finalizeRound,
  reissueSeat,
  revealFromEscrow,
} from "./actions.ts";
import { EscrowKeyNotice } from "./EscrowKeyNotice.tsx";
import { cliInvitesPath, hasCurrentKey } from "./import-keys.ts";
import { KeyImport } from "./KeyImport.tsx";
import { SeatTable } from "./SeatTable.tsx";

/**
 * Maximum length of a cancellation reason, in characters (code points). The
 * contract only rejects an empty reason, but the console keeps the reason
 * short because it is stored on chain and shown on every tablet and public
 * page.
 */
export const MAX_CANCEL_REASON = 500;

type Pending =
  | { kind: "reissue"; seat: SeatProgress }
  | { kind: "escrow"; seat: SeatProgress }
  | { kind: "close" }
  | { kind: "finalize" }
  | { kind: "cancel" };

/** Live progress, the round's actions, and the result once finalised. */
export function RoundActions({
  context,
  round,
  watch,
  watcher,
  secrets,
  onSecrets,
}: {
  context: AdminContext;
  round: RoundInfo;
  watch: WatchState;
  watcher: RoundWatcher;
  secrets: RoundSecrets | null;
  onSecrets: (secrets: RoundSecrets) => void;
}) {
  const { t } = useTranslation();
  const { config, store } = context;
  const { progress } = watch;
  const [pending, setPending] = useState<Pending>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{
    ok: boolean;
    text: string;
    /** Set after a reissue: the seat whose new QR code awaits printing. */
    reissued?: number;
  }>();
  const [reason, setReason] = useState("");
  const roundId = round.roundId;
  const now = chainNow(watch);
  const counts = countSeats(progress);
  const open = progress.phase === "scoring" || progress.phase === "revealing";
  // Seats whose current QR code cannot be printed here: this browser has no
  // key for their invite on chain (neither created nor reissued here).
  const unprintable =
    progress.phase === "scoring"
      ? progress.seats.filter(
          (seat) => seat.state === "invited" && !hasCurrentKey(secrets, seat),
        )
      : [];
  const printable =
    progress.phase === "scoring" &&
    progress.seats.some(
      (seat) => seat.state === "invited" && hasCurrentKey(secrets, seat),
    );
  const reasonLength = [...reason.trim()].length;

  async function run() {
    if (!pending) return;
    setBusy(true);
    setOutcome(undefined);
    try {
      if (pending.kind === "reissue") {
        onSecrets(
          await reissueSeat(
            context,
            roundId,
            pending.seat.seat,
            secrets ?? undefined,
          ),
        );
      } else if (pending.kind === "escrow" && secrets?.escrowPrivateKey) {
        await revealFromEscrow(
          context,
          roundId,
          pending.seat,
          secrets.escrowPrivateKey,
        );
      } else if (pending.kind === "close") {
        await closeScoring(context, roundId);
      } else if (pending.kind === "finalize") {
        await finalizeRound(context, roundId);
      } else if (pending.kind === "cancel") {
        await cancelRound(context, roundId, reason.trim());
      }
      await watcher.poll();
      setOutcome(
        pending.kind === "reissue"
          ? {
              ok: true,
              text: t("round.reissued", { seat: pending.seat.seat + 1 }),
              reissued: pending.seat.seat,
            }
          : { ok: true, text: t("round.done") },
      );
    } catch (error) {
      setOutcome({
        ok: false,
        text: t("round.failed", { message: describeError(error) }),
      });
    } finally {
      setBusy(false);
      setPending(undefined);
    }
  }

  const dialogText: Record<Pending["kind"], string> = {
    reissue: t("round.confirmReissue", {
      seat: pending && "seat" in pending ? pending.seat.seat + 1 : "",
    }),
    escrow: t("round.confirmEscrow", {
      seat: pending && "seat" in pending ? pending.seat.seat + 1 : "",
    }),
    close: t("round.confirmClose"),
    finalize: t("round.finalize"),
    cancel: t("round.cancelConfirm"),
  };

  return (
    <>
      {secrets?.escrowPrivateKey && !secrets.escrowSaved && (
        <EscrowKeyNotice
          chainId={config.chainId}
          registry={config.registry}
          roundId={roundId}
          escrowPrivateKey={secrets.escrowPrivateKey}
          onSaved={() => {
            const next = { ...secrets, escrowSaved: true };
            void store.saveSecrets(
              config.chainId,
              config.registry,
              roundId,
              next,
            );
            onSecrets(next);
          }}
        />
      )}
      {open && (!secrets?.escrowPrivateKey || unprintable.length > 0) && (
        <KeyImport
          round={round}
          seats={progress.seats}
          showInvites={unprintable.length > 0}
          secrets={secrets}
          onSecrets={onSecrets}
          context={context}
        />
      )}
      <p className="progress-note" aria-live="polite">
        {t("round.progressNote", { block: progress.block.toString() })}
      </p>
      <SeatTable
        progress={progress}
        onReissue={(seat) => setPending({ kind: "reissue", seat })}
        onEscrowReveal={
          secrets ? (seat) => setPending({ kind: "escrow", seat }) : undefined
        }
      />
      {unprintable.length > 0 && (
        <p className="hint">
          {t("round.originalsNeedInvites", {
            seats: unprintable.map((seat) => seat.seat + 1).join(", "),
            path: cliInvitesPath(config.chainId, config.registry, roundId),
          })}
        </p>
      )}
      <p
        role="status"
        className={outcome?.ok === false ? "field-error" : "hint"}
      >
        {outcome?.text ?? ""}
        {outcome?.reissued !== undefined && (
          <>
            {" "}
            <a href={`#/admin/round/${roundId}/labels`}>
              {t("round.printReissued", { seat: outcome.reissued + 1 })}
            </a>
          </>
        )}
      </p>
      <div className="actions">
        {printable && (
          <a className="button" href={`#/admin/round/${roundId}/labels`}>
            {t("round.labels")}
          </a>
        )}
        {progress.phase === "scoring" && (
          <button
            type="button"
            disabled={
              now < round.scoringDeadline ||
              counts.committed < round.minEvaluators
            }
            onClick={() => setPending({ kind: "close" })}
          >
            {t("round.close")}
          </button>
        )}
        {progress.phase === "revealing" && now >= round.revealDeadline && (
          <button
            type="button"
            onClick={() => setPending({ kind: "finalize" })}
          >
            {t("round.finalize")}
          </button>
        )}
        {open && (
          <button
            type="button"
            className="danger"
            onClick={() => setPending({ kind: "cancel" })}
          >
            {t("round.cancel")}
          </button>
        )}
      </div>
      {progress.phase === "scoring" && (
        <p className="hint">{t("round.closeHint")}</p>
      )}
      {progress.closed && (
        <p>
          {t("round.attendance", {
            committed: progress.closed.committed,
            absent: progress.closed.absent,
          })}
        </p>
      )}
      {progress.cancelled && (
        <p className="notice">
          {t("round.cancelledBecause", { reason: progress.cancelled.reason })}
        </p>
      )}
      {progress.finalized && (
        <section aria-labelledby="result-title">
          <h2 id="result-title">{t("round.result")}</h2>
          <ResultTable round={round} finalized={progress.finalized} />
        </section>
      )}
      {pending && (
        <ConfirmDialog
          title={t("round.confirm")}
          confirmLabel={busy ? t("round.working") : t("round.confirm")}
          cancelLabel={t("round.cancelAction")}
          busy={busy}
          confirmDisabled={
            pending.kind === "cancel" &&
            (reasonLength === 0 || reasonLength > MAX_CANCEL_REASON)
          }
          onConfirm={() => void run()}
          onCancel={() => setPending(undefined)}
        >
          <p>{dialogText[pending.kind]}</p>
          {pending.kind === "cancel" && (
            <div className="form-field">
              <label htmlFor="cancel-reason">{t("round.cancelReason")}</label>
              <input
                id="cancel-reason"
                type="text"
                value={reason}
                aria-describedby="cancel-reason-count"
                aria-invalid={reasonLength > MAX_CANCEL_REASON}
                onChange={(event) => setReason(event.target.value)}
              />
              <p
                id="cancel-reason-count"
                className={
                  reasonLength > MAX_CANCEL_REASON ? "field-error" : "hint"
                }
                aria-live="polite"
              >
                {reasonLength > MAX_CANCEL_REASON
                  ? t("round.cancelReasonTooLong", {
                      count: reasonLength,
                      max: MAX_CANCEL_REASON,
                    })
                  : t("round.cancelReasonCount", {
                      count: reasonLength,
                      max: MAX_CANCEL_REASON,
                    })}
              </p>
            </div>
          )}
        </ConfirmDialog>
      )}
    </>
  );
}
