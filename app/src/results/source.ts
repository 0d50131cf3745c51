import type { BidderResult } from "../chain/progress.ts";
import type { RoundCounters } from "../chain/round.ts";

// The choice between the indexer and the chain for the public pages, and
// the checks of the indexer's figures against the registry's own. Plain
// data in, plain data out, so the rules can be tested without a network.

/**
 * Largest lag, in seconds of block time, at which the pages still show
 * the indexer's data. The chain mines a block per second.
 */
export const MAX_INDEXER_LAG_SECONDS = 5;

/** A block's number and time (UTC seconds). */
export interface BlockStamp {
  number: bigint;
  timestamp: number;
}

/** Reason a page reads the chain directly instead of the indexer. */
export type ChainReason =
  /** The indexer's latest block is older than the head by `seconds`. */
  | { kind: "behind"; seconds: number }
  /** The indexer did not respond, or has indexed no block yet. */
  | { kind: "unavailable" }
  /** The app server's indexer died and is being started again. */
  | { kind: "restarting" }
  /** The app server has no indexer for this chain and registry. */
  | { kind: "notConfigured" }
  /** The indexer has no row for this round yet. */
  | { kind: "notIndexed" }
  /** The indexer's phase or result differs from the registry's. */
  | { kind: "disagreed" };

export type SourceChoice =
  | { source: "indexer"; lagSeconds: number }
  | { source: "chain"; reason: ChainReason };

/**
 * Returns how many seconds of block time the indexer trails the head: the
 * difference of the two blocks' timestamps, and 0 once it has reached the
 * head. Block numbers alone would hide a chain that mines only on demand.
 */
export function indexerLagSeconds(
  indexed: BlockStamp,
  head: BlockStamp,
): number {
  if (indexed.number >= head.number) return 0;
  return Math.max(0, head.timestamp - indexed.timestamp);
}

/**
 * Chooses the indexer while it trails the head by at most
 * MAX_INDEXER_LAG_SECONDS, and the chain otherwise. `indexed` is undefined
 * when the indexer did not respond. The head must be read after the
 * indexer, so an indexer past the head has blocks the chain no longer has.
 */
export function chooseSource(
  indexed: BlockStamp | undefined,
  head: BlockStamp,
): SourceChoice {
  if (indexed === undefined) {
    return { source: "chain", reason: { kind: "unavailable" } };
  }
  if (indexed.number > head.number) {
    return { source: "chain", reason: { kind: "disagreed" } };
  }
  const lagSeconds = indexerLagSeconds(indexed, head);
  if (lagSeconds > MAX_INDEXER_LAG_SECONDS) {
    return { source: "chain", reason: { kind: "behind", seconds: lagSeconds } };
  }
  return { source: "indexer", lagSeconds };
}

/** The attendance figures a public page shows for a round. */
export interface SeatCounts {
  /** Every seat of the round: the number of invitations. */
  invited: number;
  /** Seats bound to a device and not recused. */
  claimed: number;
  /** Seats with a sheet, revealed ones included. */
  committed: number;
  revealed: number;
  /** Seats that neither committed nor recused when scoring closed. */
  absent: number;
  recused: number;
}

/**
 * Derives the shown counts from the registry's counters. The registry
 * keeps no absent counter: a seat is absent when scoring closed while it
 * had neither committed nor recused, as ScoringClosed reports it.
 */
export function countsFromContract(counters: RoundCounters): SeatCounts {
  const absent =
    counters.closedAt === 0
      ? 0
      : counters.seats - counters.committed - counters.recused;
  return {
    invited: counters.seats,
    claimed: counters.claimed,
    committed: counters.committed,
    revealed: counters.revealed,
    absent,
    recused: counters.recused,
  };
}

/**
 * Compares the indexer's counts with the registry's and returns the
 * registry's, with the names of the counts that differed.
 */
export function reconcileCounts(
  indexed: SeatCounts,
  contract: SeatCounts,
): { counts: SeatCounts; differing: (keyof SeatCounts)[] } {
  const keys = Object.keys(contract) as (keyof SeatCounts)[];
  const differing = keys.filter((key) => indexed[key] !== contract[key]);
  return { counts: contract, differing };
}

/** True when both lists rank, score and qualify every bidder the same. */
export function resultsEqual(
  indexed: readonly BidderResult[],
  chain: readonly BidderResult[],
): boolean {
  if (indexed.length !== chain.length) return false;
  return indexed.every((line, index) => {
    const other = chain[index];
    return (
      line.technical === other.technical &&
      line.price === other.price &&
      line.total === other.total &&
      line.qualified === other.qualified &&
      line.rankByTotal === other.rankByTotal &&
      line.negotiationOrder === other.negotiationOrder
    );
  });
}

/** Returns the index of the bidder with negotiation order 1, or -1. */
export function winnerIndex(results: readonly BidderResult[]): number {
  return results.findIndex((line) => line.negotiationOrder === 1);
}
