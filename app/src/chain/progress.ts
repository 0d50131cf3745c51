import type { Address, Hex } from "viem";

export type SeatState =
  "invited" | "claimed" | "committed" | "revealed" | "recused";

export type RoundPhase = "scoring" | "revealing" | "finalized" | "cancelled";

/** The chain's record of one seat, without its scores. */
export interface SeatProgress {
  seat: number;
  state: SeatState;
  invite: Address;
  /** Invite addresses that a reissue replaced, oldest first. */
  replacedInvites: Address[];
  device?: Address;
  commitment?: Hex;
  escrow?: Hex;
  commits: number;
  /** UTC seconds of the latest change of each kind. */
  invitedAt?: number;
  claimedAt?: number;
  committedAt?: number;
  revealedAt?: number;
  recusedAt?: number;
}

export interface BidderResult {
  technical: bigint;
  price: bigint;
  total: bigint;
  qualified: boolean;
  rankByTotal: number;
  negotiationOrder: number;
}

export interface RoundProgress {
  phase: RoundPhase;
  seats: SeatProgress[];
  closed?: {
    committed: number;
    absent: number;
    automatic: boolean;
    at?: number;
  };
  finalized?: {
    lotterySeed: Hex;
    revealedSeats: number;
    results: BidderResult[];
    block: bigint;
    at?: number;
  };
  cancelled?: { reason: string; at?: number };
  /** The last block whose events are included. */
  block: bigint;
}

interface EventBase {
  block: bigint;
  time?: number;
}

/** A registry event of one round, decoded and reduced to what progress needs. */
export type RoundEvent = EventBase &
  (
    | { kind: "SeatClaimed"; seat: number; device: Address }
    | { kind: "SeatReissued"; seat: number; invite: Address }
    | { kind: "SeatRecused"; seat: number; reason: string }
    | { kind: "SheetCommitted"; seat: number; commitment: Hex; escrow: Hex }
    | {
        kind: "ScoringClosed";
        committed: number;
        absent: number;
        automatic: boolean;
      }
    | { kind: "SheetRevealed"; seat: number }
    | {
        kind: "RoundFinalized";
        lotterySeed: Hex;
        revealedSeats: number;
        results: readonly BidderResult[];
      }
    | { kind: "RoundCancelled"; reason: string }
  );

/** The progress of a round that was just created, before any event. */
export function initialProgress(
  invites: readonly Address[],
  createdBlock: bigint,
  createdAt?: number,
): RoundProgress {
  return {
    phase: "scoring",
    block: createdBlock,
    seats: invites.map((invite, seat) => ({
      seat,
      state: "invited",
      invite,
      replacedInvites: [],
      commits: 0,
      invitedAt: createdAt,
    })),
  };
}

function updateSeat(
  progress: RoundProgress,
  seat: number,
  change: (current: SeatProgress) => SeatProgress,
): SeatProgress[] {
  return progress.seats.map((current) =>
    current.seat === seat ? change(current) : current,
  );
}

/** Applies one event; events must arrive in chain order. */
export function applyEvent(
  progress: RoundProgress,
  event: RoundEvent,
): RoundProgress {
  const next = { ...progress, block: maxBlock(progress.block, event.block) };
  const time = event.time;
  switch (event.kind) {
    case "SeatClaimed":
      return {
        ...next,
        seats: updateSeat(progress, event.seat, (seat) => ({
          ...seat,
          state: "claimed",
          device: event.device,
          claimedAt: time,
        })),
      };
    case "SeatReissued":
      return {
        ...next,
        seats: updateSeat(progress, event.seat, (seat) => ({
          seat: seat.seat,
          state: "invited",
          invite: event.invite,
          replacedInvites: [...seat.replacedInvites, seat.invite],
          commits: 0,
          invitedAt: time,
        })),
      };
    case "SeatRecused":
      return {
        ...next,
        seats: updateSeat(progress, event.seat, (seat) => ({
          ...seat,
          state: "recused",
          recusedAt: time,
        })),
      };
    case "SheetCommitted":
      return {
        ...next,
        seats: updateSeat(progress, event.seat, (seat) => ({
          ...seat,
          state: "committed",
          commitment: event.commitment,
          escrow: event.escrow,
          commits: seat.commits + 1,
          committedAt: time,
        })),
      };
    case "SheetRevealed":
      return {
        ...next,
        seats: updateSeat(progress, event.seat, (seat) => ({
          ...seat,
          state: "revealed",
          revealedAt: time,
        })),
      };
    case "ScoringClosed":
      return {
        ...next,
        phase: "revealing",
        closed: {
          committed: event.committed,
          absent: event.absent,
          automatic: event.automatic,
          at: time,
        },
      };
    case "RoundFinalized":
      return {
        ...next,
        phase: "finalized",
        finalized: {
          lotterySeed: event.lotterySeed,
          revealedSeats: event.revealedSeats,
          results: [...event.results],
          block: event.block,
          at: time,
        },
      };
    case "RoundCancelled":
      return {
        ...next,
        phase: "cancelled",
        cancelled: { reason: event.reason, at: time },
      };
  }
}

function maxBlock(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

export interface ProgressCounts {
  seats: number;
  invited: number;
  claimed: number;
  committed: number;
  revealed: number;
  recused: number;
}

/**
 * Counts seats by state. `claimed` includes every seat a tablet holds
 * (claimed, committed or revealed) and `committed` every seat that has
 * committed (committed or revealed), matching how a committee reads them.
 */
export function countSeats(progress: RoundProgress): ProgressCounts {
  const counts: ProgressCounts = {
    seats: progress.seats.length,
    invited: 0,
    claimed: 0,
    committed: 0,
    revealed: 0,
    recused: 0,
  };
  for (const { state } of progress.seats) {
    if (state === "invited") counts.invited += 1;
    if (state === "recused") counts.recused += 1;
    if (state === "claimed" || state === "committed" || state === "revealed") {
      counts.claimed += 1;
    }
    if (state === "committed" || state === "revealed") counts.committed += 1;
    if (state === "revealed") counts.revealed += 1;
  }
  return counts;
}
