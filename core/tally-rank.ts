import { encodeAbiParameters, hexToBigInt, keccak256 } from "viem";
import { TIE_BREAK } from "./enums.ts";
import { compare, fraction } from "./fraction.ts";
import type { Fraction } from "./fraction.ts";
import type { TallyInput } from "./tally-input.ts";

/** The rounded components that the ranking reads. */
export type RankedScores = {
  /** Rounded technical score per bidder, ten-thousandths. */
  technical: readonly bigint[];
  /** Rounded total per bidder, ten-thousandths. */
  total: readonly bigint[];
};

/**
 * Index of the criterion with the largest maximum; the first one in
 * criterion order when several share it.
 */
export function largestCriterion(maxPoints: readonly number[]): number {
  let largest = 0;
  maxPoints.forEach((points, index) => {
    if (points > maxPoints[largest]) largest = index;
  });
  return largest;
}

/**
 * Returns each bidder's score on the largest criterion, in hundredths: the
 * exact, untrimmed mean over all opened sheets for a qualitative criterion,
 * or the given score for a quantitative one.
 */
export function largestCriterionScores(input: TallyInput): Fraction[] {
  const criterion = largestCriterion(input.maxPoints);
  const position = input.quantitative
    .slice(0, criterion)
    .filter(
      (quantitative) => quantitative === input.quantitative[criterion],
    ).length;
  if (input.quantitative[criterion]) {
    return input.quantitativeScores.map((scores) => fraction(scores[position]));
  }

  const qualitativeCount = input.quantitative.filter((q) => !q).length;
  return input.bidPrices.map((_, bidder) => {
    const index = bidder * qualitativeCount + position;
    const sum = input.sheets.reduce(
      (total, sheet) => total + BigInt(sheet[index]),
      0n,
    );
    return fraction(sum, input.sheets.length);
  });
}

/** `keccak256(abi.encode(seed, uint256 bidderIndex))` as a number. */
export function lotteryTicket(seed: TallyInput["lotterySeed"], bidder: number) {
  const encoded = encodeAbiParameters(
    [{ type: "bytes32" }, { type: "uint256" }],
    [seed, BigInt(bidder)],
  );
  return hexToBigInt(keccak256(encoded));
}

function compareBigints(a: bigint, b: bigint): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}

/**
 * Orders the bidders from best to worst: higher rounded total first, then
 * the round's tie-break steps in order, then presentation order. Returns
 * bidder indexes.
 */
export function rankBidders(input: TallyInput, scores: RankedScores): number[] {
  const usesLargest = input.tieBreak.includes(TIE_BREAK.largestCriterion);
  const largest = usesLargest ? largestCriterionScores(input) : [];
  const usesLottery = input.tieBreak.includes(TIE_BREAK.lottery);
  const tickets = input.bidPrices.map((_, bidder) =>
    usesLottery ? lotteryTicket(input.lotterySeed, bidder) : 0n,
  );

  const steps: ((a: number, b: number) => number)[] = input.tieBreak.map(
    (step) => {
      if (step === TIE_BREAK.technical) {
        return (a, b) =>
          compareBigints(scores.technical[b], scores.technical[a]);
      }
      if (step === TIE_BREAK.largestCriterion) {
        return (a, b) => compare(largest[b], largest[a]);
      }
      return (a, b) => compareBigints(tickets[a], tickets[b]);
    },
  );

  const bidders = input.bidPrices.map((_, bidder) => bidder);
  return bidders.sort((a, b) => {
    const byTotal = compareBigints(scores.total[b], scores.total[a]);
    if (byTotal !== 0) return byTotal;
    for (const step of steps) {
      const order = step(a, b);
      if (order !== 0) return order;
    }
    return a - b;
  });
}
