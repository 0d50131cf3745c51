import type { RoundProgress, SeatProgress } from "../chain/progress.ts";
import type { TabletSession } from "../storage/tablet-store.ts";
import { holdsSeat } from "./next-action.ts";

/** What the evaluator asked to see; the chain may override it. */
export type TabletView = "sheet" | "review" | "recuse" | "status";

export type TabletScreen =
  | "loading"
  | "pledge"
  | "sheet"
  | "review"
  | "recuse"
  | "waiting"
  | "result"
  | "cancelled"
  | "invite-used"
  | "invite-replaced"
  | "invite-mismatch"
  | "closed"
  | "deadline"
  | "recused"
  | "seat-missing";

export interface ScreenInput {
  /** True once the chain has been read; offline before that, the tablet's own records decide. */
  known: boolean;
  online: boolean;
  progress: RoundProgress;
  seat: number;
  session: TabletSession;
  /** True when the tablet has signed a sheet. */
  submitted: boolean;
  view: TabletView;
  nowSeconds: number;
  scoringDeadline: number;
}

function same(a?: string, b?: string): boolean {
  return !!a && !!b && a.toLowerCase() === b.toLowerCase();
}

/**
 * Chooses the problem screen for a tablet that does not hold the seat,
 * from the seat's invites on chain. Returns undefined when the tablet's
 * invite is the seat's current one and the seat is still unclaimed.
 */
function inviteProblem(
  seat: SeatProgress,
  session: TabletSession,
): TabletScreen | undefined {
  if (same(seat.invite, session.inviteAddress)) {
    // Claiming keeps the seat's invite, so a seat past "invited" with this
    // invite was claimed with this QR code.
    return seat.state === "invited" ? undefined : "invite-used";
  }
  const replaced = seat.replacedInvites.some((invite) =>
    same(invite, session.inviteAddress),
  );
  return replaced ? "invite-replaced" : "invite-mismatch";
}

/** Chooses the tablet's screen from the chain's state, the tablet's records and the requested view. */
export function chooseScreen(input: ScreenInput): TabletScreen {
  const { progress, session, submitted, view } = input;
  const seat = progress.seats[input.seat];
  if (!seat) return "seat-missing";
  if (!input.known && input.online) return "loading";

  if (input.known) {
    if (progress.phase === "cancelled") return "cancelled";
    if (progress.phase === "finalized") return "result";
    const mine = holdsSeat(seat, session);
    if (mine && seat.state === "recused") return "recused";
    if (!mine) {
      const problem = inviteProblem(seat, session);
      if (problem) return problem;
      if (progress.phase !== "scoring") return "closed";
      if (input.nowSeconds >= input.scoringDeadline) return "deadline";
      if (!session.pledge) return "pledge";
    } else if (progress.phase === "revealing") {
      return seat.state === "claimed" ? "closed" : "waiting";
    }
    if (seat.state === "revealed") return "waiting";
  } else if (!session.pledge) {
    return "pledge";
  }

  const deadlinePassed = input.nowSeconds >= input.scoringDeadline;
  if (submitted && (view === "status" || deadlinePassed)) return "waiting";
  if (deadlinePassed) return "deadline";
  if (view === "recuse") return "recuse";
  if (view === "review") return "review";
  if (view === "status" && submitted) return "waiting";
  return "sheet";
}
