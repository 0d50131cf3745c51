import { PRICE_FORMULA, TECHNICAL_SCORING, TRIM } from "./enums.ts";
import {
  ZERO,
  add,
  compare,
  divide,
  fraction,
  max,
  multiply,
  roundHalfUp,
  subtract,
} from "./fraction.ts";
import type { Fraction } from "./fraction.ts";
import { assertTallyInput } from "./tally-input.ts";
import type { BidderResult, TallyInput } from "./tally-input.ts";
import { rankBidders } from "./tally-rank.ts";

export type { BidderResult, TallyInput } from "./tally-input.ts";

// The reference tally. Every intermediate value is an exact fraction. Each
// published component is rounded half up to ten-thousandths once, and the
// total is the sum of the rounded components.

/** Points in hundredths times this factor give ten-thousandths. */
const HUNDREDTHS_TO_TEN_THOUSANDTHS = 100n;
/** The 2-point bonus of the kr-negotiated formula, in ten-thousandths. */
const KR_BONUS = 20_000n;

/** Splits one opened sheet into [bidder][qualitative criterion] rows. */
export function sheetMatrix(input: TallyInput, seat: number): number[][] {
  const qualitativeCount = input.quantitative.filter((q) => !q).length;
  const sheet = input.sheets[seat];
  return input.bidPrices.map((_, bidder) =>
    sheet.slice(bidder * qualitativeCount, (bidder + 1) * qualitativeCount),
  );
}

function sumOf(values: readonly number[]): bigint {
  return values.reduce((sum, value) => sum + BigInt(value), 0n);
}

/** Sum of `values` without one highest and one lowest copy. */
function sumWithoutHighAndLow(values: readonly bigint[]): bigint {
  let total = 0n;
  let highest = values[0];
  let lowest = values[0];
  for (const value of values) {
    total += value;
    if (value > highest) highest = value;
    if (value < lowest) lowest = value;
  }
  return total - highest - lowest;
}

/** Trimmed qualitative score `T[b]` of each bidder, in hundredths. */
function trimmedScores(input: TallyInput): Fraction[] {
  const opened = input.sheets.length;
  const matrices = input.sheets.map((_, seat) => sheetMatrix(input, seat));

  return input.bidPrices.map((_, bidder) => {
    const rows = matrices.map((matrix) => matrix[bidder]);
    const seatTotals = rows.map(sumOf);
    if (input.trim === TRIM.none) {
      return fraction(
        seatTotals.reduce((a, b) => a + b, 0n),
        opened,
      );
    }
    if (input.trim === TRIM.highLowTotal) {
      return fraction(sumWithoutHighAndLow(seatTotals), opened - 2);
    }
    const criterionCount = rows[0].length;
    let keptSum = 0n;
    for (let criterion = 0; criterion < criterionCount; criterion++) {
      keptSum += sumWithoutHighAndLow(
        rows.map((row) => BigInt(row[criterion])),
      );
    }
    return fraction(keptSum, opened - 2);
  });
}

/** Exact technical score of each bidder, in ten-thousandths. */
export function exactTechnicalScores(input: TallyInput): Fraction[] {
  const trimmed = trimmedScores(input);
  const raw = trimmed.map((score, bidder) =>
    add(score, fraction(sumOf(input.quantitativeScores[bidder]))),
  );
  const toTenThousandths = fraction(HUNDREDTHS_TO_TEN_THOUSANDTHS);

  if (input.technicalScoring === TECHNICAL_SCORING.absolute) {
    return raw.map((score) => multiply(score, toTenThousandths));
  }
  const best = raw.reduce(max, ZERO);
  if (compare(best, ZERO) === 0) return raw.map(() => ZERO);
  const weight = fraction(
    BigInt(input.technicalWeight) * HUNDREDTHS_TO_TEN_THOUSANDTHS,
  );
  return raw.map((score) => divide(multiply(weight, score), best));
}

function krNegotiatedPrice(
  input: TallyInput,
  weight: Fraction,
  bid: bigint,
  lowestBid: bigint,
): Fraction {
  const estimate = input.estimatedPrice;
  const floor = fraction(3n * estimate, 5n);
  const threshold = fraction(4n * estimate, 5n);
  const price = max(fraction(bid), floor);
  const lowest = max(fraction(lowestBid), floor);

  if (compare(price, threshold) >= 0) {
    return divide(multiply(weight, lowest), price);
  }
  const base = divide(multiply(weight, lowest), threshold);
  const bonus = divide(
    multiply(fraction(KR_BONUS), subtract(threshold, price)),
    fraction(estimate, 5n),
  );
  return add(base, bonus);
}

/** Exact price score of each bidder, in ten-thousandths. */
export function exactPriceScores(input: TallyInput): Fraction[] {
  if (input.priceFormula === PRICE_FORMULA.given) {
    return input.givenPriceScores.map((score) => fraction(score));
  }
  const weight = fraction(
    BigInt(input.priceWeight) * HUNDREDTHS_TO_TEN_THOUSANDTHS,
  );
  const lowestBid = input.bidPrices.reduce((a, b) => (b < a ? b : a));

  return input.bidPrices.map((bid) =>
    input.priceFormula === PRICE_FORMULA.lowestOverBid
      ? divide(multiply(weight, fraction(lowestBid)), fraction(bid))
      : krNegotiatedPrice(input, weight, bid, lowestBid),
  );
}

/**
 * Computes every bidder's published result from the round's rules and
 * the opened sheets. Throws a `TallyInputError` when the input is
 * inconsistent, e.g. trimming with fewer than 3 sheets.
 */
export function tally(input: TallyInput): BidderResult[] {
  assertTallyInput(input);
  const technical = exactTechnicalScores(input).map(roundHalfUp);
  const price = exactPriceScores(input).map(roundHalfUp);
  const total = technical.map((score, bidder) => score + price[bidder]);
  const threshold =
    BigInt(input.qualifyingPercent) * BigInt(input.technicalWeight);
  const qualified = technical.map(
    (score) => input.qualifyingPercent === 0 || score >= threshold,
  );

  const order = rankBidders(input, { technical, total });
  const results = technical.map((_, bidder) => ({
    technical: technical[bidder],
    price: price[bidder],
    total: total[bidder],
    qualified: qualified[bidder],
    rankByTotal: 0,
    negotiationOrder: 0,
  }));
  let negotiation = 0;
  order.forEach((bidder, position) => {
    results[bidder].rankByTotal = position + 1;
    if (qualified[bidder]) results[bidder].negotiationOrder = ++negotiation;
  });
  return results;
}
