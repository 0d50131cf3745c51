import type { RoundDefinition } from "./schema/round.ts";
import type { BidderResult } from "./tally-input.ts";
import { formatFixed } from "./units.ts";

/** One bidder's line of a published result, numbers as 4-decimal text. */
export type FormattedBidder = {
  name: string;
  technical: string;
  price: string;
  total: string;
  qualified: boolean;
  rankByTotal: number;
  /** null when the bidder is not qualified. */
  negotiationOrder: number | null;
};

/** A published result as `jurybox simulate --json` prints it. */
export type FormattedResult = {
  roundId: string;
  block: number;
  bidders: FormattedBidder[];
  /** The bidder with negotiation order 1, or null when none qualifies. */
  winner: string | null;
};

/** Where a result was read: the round and the block of `RoundFinalized`. */
export type ResultSource = {
  roundId: bigint | number | string;
  block: bigint | number;
};

/** Formats one bidder's result with its name, in presentation order. */
export function formatBidderResult(
  name: string,
  result: BidderResult,
): FormattedBidder {
  return {
    name,
    technical: formatFixed(result.technical, 4),
    price: formatFixed(result.price, 4),
    total: formatFixed(result.total, 4),
    qualified: result.qualified,
    rankByTotal: result.rankByTotal,
    negotiationOrder:
      result.negotiationOrder === 0 ? null : result.negotiationOrder,
  };
}

/**
 * Formats the results of a round for people and machines: every bidder in
 * presentation order, scores as "68.0000", and the winner's name.
 */
export function formatResult(
  round: Pick<RoundDefinition, "bidders">,
  results: readonly BidderResult[],
  source: ResultSource,
): FormattedResult {
  if (results.length !== round.bidders.length) {
    throw new RangeError(
      `There are ${results.length} results for ${round.bidders.length} bidders.`,
    );
  }
  const bidders = results.map((result, index) =>
    formatBidderResult(round.bidders[index].name, result),
  );
  const winner = bidders.find((bidder) => bidder.negotiationOrder === 1);
  return {
    roundId: source.roundId.toString(),
    block: Number(source.block),
    bidders,
    winner: winner?.name ?? null,
  };
}
