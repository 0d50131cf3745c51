import type { Address, Hex } from "viem";

import {
  ROUND_PHASES,
  SEAT_STATES,
  type RoundPhase,
  type SeatState,
} from "../../core/enums.ts";
import type { BidderResult } from "../../core/index.ts";
import type { RoundEvent } from "./round-events.ts";

/** `getRound` as viem decodes it. */
export interface RoundView {
  admin: Address;
  phase: number;
  seats: number;
  claimed: number;
  committed: number;
  revealed: number;
  recused: number;
  minEvaluators: number;
  scoringDeadline: bigint;
  revealDeadline: bigint;
  createdAt: bigint;
  closedAt: bigint;
  finalizedAt: bigint;
}

/** `getSeat` as viem decodes it. */
export interface SeatView {
  state: number;
  device: Address;
  invite: Address;
  claimedAt: bigint;
  committedAt: bigint;
  revealedAt: bigint;
}

/** One seat as `round status` shows it; never its scores. */
export interface SeatStatus {
  seat: number;
  state: SeatState;
  device: Address | null;
  invite: Address;
  claimedAt: bigint | null;
  committedAt: bigint | null;
  revealedAt: bigint | null;
  recusalReason: string | null;
}

/** Everything `round status` shows about a round. */
export interface RoundStatus {
  roundId: bigint;
  admin: Address;
  title: string;
  referenceNumber: string;
  rulesVersion: string;
  bidderNames: string[];
  phase: RoundPhase;
  minEvaluators: number;
  scoringDeadline: bigint;
  revealDeadline: bigint;
  createdAt: bigint;
  closedAt: bigint | null;
  finalizedAt: bigint | null;
  counts: {
    seats: number;
    invited: number;
    claimed: number;
    committed: number;
    revealed: number;
    recused: number;
    /** Seats that neither committed nor recused by the close; null before. */
    absent: number | null;
  };
  seats: SeatStatus[];
  closedAutomatically: boolean | null;
  cancelReason: string | null;
  result: {
    blockNumber: bigint;
    transactionHash: Hex;
    lotterySeed: Hex;
    revealedSeats: number;
    bidders: readonly BidderResult[];
  } | null;
}

interface CreatedParams {
  title: string;
  referenceNumber: string;
  rules: { version: string };
  bidders: readonly { name: string }[];
}

const orNull = (seconds: bigint) => (seconds === 0n ? null : seconds);

/**
 * Combines the registry's views (phase, counts, seat states and times)
 * with the round's events (title, bidder names, recusal reasons, how
 * scoring closed, and the block of the result).
 */
export function buildRoundStatus(
  roundId: bigint,
  round: RoundView,
  seats: readonly SeatView[],
  events: readonly RoundEvent[],
): RoundStatus {
  const byName = (name: string) =>
    events.filter((event) => event.eventName === name);
  const created = byName("RoundCreated")[0];
  const params = created.args.params as CreatedParams;
  const closed = byName("ScoringClosed")[0];
  const cancelled = byName("RoundCancelled")[0];
  const finalized = byName("RoundFinalized")[0];

  const reasons = new Map<number, string>();
  for (const event of byName("SeatRecused")) {
    reasons.set(Number(event.args.seat), event.args.reason as string);
  }

  return {
    roundId,
    admin: round.admin,
    title: params.title,
    referenceNumber: params.referenceNumber,
    rulesVersion: params.rules.version,
    bidderNames: params.bidders.map((bidder) => bidder.name),
    phase: ROUND_PHASES[round.phase] ?? "none",
    minEvaluators: round.minEvaluators,
    scoringDeadline: round.scoringDeadline,
    revealDeadline: round.revealDeadline,
    createdAt: round.createdAt,
    closedAt: orNull(round.closedAt),
    finalizedAt: orNull(round.finalizedAt),
    counts: {
      seats: round.seats,
      invited: round.seats - round.claimed - round.recused,
      claimed: round.claimed,
      committed: round.committed,
      revealed: round.revealed,
      recused: round.recused,
      absent: closed ? Number(closed.args.absent) : null,
    },
    seats: seats.map((seat, index) => toSeatStatus(index, seat, reasons)),
    closedAutomatically: closed ? Boolean(closed.args.automatic) : null,
    cancelReason: cancelled ? (cancelled.args.reason as string) : null,
    result: finalized
      ? {
          blockNumber: finalized.blockNumber,
          transactionHash: finalized.transactionHash,
          lotterySeed: finalized.args.lotterySeed as Hex,
          revealedSeats: Number(finalized.args.revealedSeats),
          bidders: finalized.args.results as BidderResult[],
        }
      : null,
  };
}

function toSeatStatus(
  seat: number,
  view: SeatView,
  reasons: Map<number, string>,
): SeatStatus {
  const hasDevice = !/^0x0{40}$/.test(view.device);
  return {
    seat,
    state: SEAT_STATES[view.state] ?? "invited",
    device: hasDevice ? view.device : null,
    invite: view.invite,
    claimedAt: orNull(view.claimedAt),
    committedAt: orNull(view.committedAt),
    revealedAt: orNull(view.revealedAt),
    recusalReason: reasons.get(seat) ?? null,
  };
}
