import type { RoundSpec } from "../params.ts";
import type { BidderResult } from "../tally-input.ts";
import type { RecordBidderResult, RecordParams } from "./record.ts";

// Conversions from the record's JSON values back to the on-chain types
// that core's tally and formatting take.

/** Converts the rules, criteria and bidders of a record to `RoundSpec`. */
export function specOfRecord(params: RecordParams): RoundSpec {
  return {
    rules: {
      ...params.rules,
      estimatedPrice: BigInt(params.rules.estimatedPrice),
      tieBreak: [...params.rules.tieBreak],
    },
    criteria: params.criteria.map((criterion) => ({ ...criterion })),
    bidders: params.bidders.map((bidder) => ({
      ...bidder,
      bidPrice: BigInt(bidder.bidPrice),
      quantitativeScores: [...bidder.quantitativeScores],
    })),
  };
}

/** Converts a bidder's published result in the record to `BidderResult`. */
export function bidderResultOfRecord(result: RecordBidderResult): BidderResult {
  return {
    ...result,
    technical: BigInt(result.technical),
    price: BigInt(result.price),
    total: BigInt(result.total),
  };
}

/** Counts the criteria that evaluators score. */
export function qualitativeCount(params: RecordParams): number {
  return params.criteria.filter((criterion) => !criterion.quantitative).length;
}

/** Converts the rules, criteria and bidders of a `RoundSpec` to record JSON. */
export function recordOfSpec(
  spec: RoundSpec,
): Pick<RecordParams, "rules" | "criteria" | "bidders"> {
  return {
    rules: {
      ...spec.rules,
      estimatedPrice: spec.rules.estimatedPrice.toString(),
      tieBreak: [...spec.rules.tieBreak],
    },
    criteria: spec.criteria.map((criterion) => ({ ...criterion })),
    bidders: spec.bidders.map((bidder) => ({
      ...bidder,
      bidPrice: bidder.bidPrice.toString(),
      quantitativeScores: [...bidder.quantitativeScores],
    })),
  };
}
