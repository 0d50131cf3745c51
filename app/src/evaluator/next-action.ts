import type { RoundProgress, SeatProgress } from "../chain/progress.ts";
import type {
  SheetSubmission,
  Submissions,
  TabletSession,
} from "../storage/tablet-store.ts";

/** The transaction the tablet still owes the chain, if any. */
export type ChainAction =
  | { kind: "claim" }
  | { kind: "commit"; sheet: SheetSubmission }
  | { kind: "confirm"; sheet: SheetSubmission }
  | { kind: "reveal"; sheet: SheetSubmission };

function same(a: string | undefined, b: string | undefined): boolean {
  return (
    a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase()
  );
}

/** True when the seat is bound to this tablet's device key. */
export function holdsSeat(
  seat: SeatProgress | undefined,
  session: TabletSession,
): boolean {
  return (
    seat !== undefined &&
    seat.state !== "invited" &&
    same(seat.device, session.device)
  );
}

/**
 * Decides the next transaction from the chain's view of the round and the
 * tablet's own records: claim the seat once the pledge is signed, commit
 * the newest signed sheet until the chain holds it (again if a restarted
 * chain lost it), and reveal the sheet the chain holds once scoring has
 * closed.
 */
export function nextChainAction(
  progress: RoundProgress,
  seatNumber: number,
  session: TabletSession,
  submissions: Submissions,
  nowSeconds: number,
  scoringDeadline: number,
): ChainAction | undefined {
  const seat = progress.seats[seatNumber];
  if (!seat) return undefined;
  const { pending, confirmed } = submissions;

  if (progress.phase === "scoring" && seat.state === "invited") {
    const ownInvite = same(seat.invite, session.inviteAddress);
    return ownInvite && session.pledge ? { kind: "claim" } : undefined;
  }
  if (!holdsSeat(seat, session)) return undefined;

  if (pending && same(seat.commitment, pending.commitment)) {
    return { kind: "confirm", sheet: pending };
  }
  if (progress.phase === "scoring") {
    // The newest signed sheet, also when the chain lost it in a restart.
    const wanted = pending ?? confirmed;
    const open = seat.state === "claimed" || seat.state === "committed";
    const missing = wanted && !same(seat.commitment, wanted.commitment);
    if (wanted && missing && open && nowSeconds < scoringDeadline) {
      return { kind: "commit", sheet: wanted };
    }
    return undefined;
  }
  if (progress.phase === "revealing" && seat.state === "committed") {
    const sheet = [pending, confirmed].find((candidate) =>
      same(candidate?.commitment, seat.commitment),
    );
    return sheet ? { kind: "reveal", sheet } : undefined;
  }
  return undefined;
}
