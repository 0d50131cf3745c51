import { isHex, size } from "viem";
import type { Hex } from "viem";
import { PRICE_FORMULA, TIE_BREAKS, TRIM, TRIMS } from "./enums.ts";
import { TallyInputError } from "./errors.ts";

/**
 * Everything the tally reads, in on-chain units. It mirrors the Solidity
 * `TallyInput` struct so that both sides can be fed the same vectors.
 */
export type TallyInput = {
  /** 0 high-low-total, 1 high-low-criterion, 2 none. */
  trim: number;
  /** 0 absolute, 1 relative-to-best. */
  technicalScoring: number;
  /** 0 lowest-over-bid, 1 kr-negotiated, 2 given. */
  priceFormula: number;
  /** 0..100; 0 disables the qualification threshold. */
  qualifyingPercent: number;
  /** Hundredths of a point. */
  technicalWeight: number;
  /** Hundredths of a point. */
  priceWeight: number;
  /** Whole minor units; 0 unless the formula is kr-negotiated. */
  estimatedPrice: bigint;
  /** Tie-break steps in order: 0 technical, 1 largest-criterion, 2 lottery. */
  tieBreak: number[];
  /** Per criterion, hundredths of a point. */
  maxPoints: number[];
  /** Per criterion: true when the administrator enters the score. */
  quantitative: boolean[];
  /** Per bidder, whole minor units; 0 when the formula is given. */
  bidPrices: bigint[];
  /** Per bidder, ten-thousandths of a point; 0 unless the formula is given. */
  givenPriceScores: bigint[];
  /** Per bidder, one score per quantitative criterion, hundredths. */
  quantitativeScores: number[][];
  /**
   * One flat sheet per opened seat, in seat order: bidder-major over the
   * qualitative criteria, `sheet[b * Q + q]`, hundredths.
   */
  sheets: number[][];
  /** keccak256 over the salts of the opened seats, in seat order. */
  lotterySeed: Hex;
};

/** One bidder's published result, as in the `RoundFinalized` event. */
export type BidderResult = {
  /** Ten-thousandths of a point, rounded half up. */
  technical: bigint;
  /** Ten-thousandths of a point, rounded half up. */
  price: bigint;
  /** technical + price, ten-thousandths of a point. */
  total: bigint;
  qualified: boolean;
  /** 1 is the best total. */
  rankByTotal: number;
  /** 1 is the winner; 0 when the bidder is not qualified. */
  negotiationOrder: number;
};

function fail(message: string, hint: string): never {
  throw new TallyInputError(message, { hint });
}

function isWholeNumber(value: unknown, maximum: number): boolean {
  return (
    Number.isInteger(value) &&
    (value as number) >= 0 &&
    (value as number) <= maximum
  );
}

function checkCodes(input: TallyInput): void {
  if (!isWholeNumber(input.trim, 2)) {
    fail(
      `Trim code ${input.trim} is not 0, 1 or 2.`,
      "Use 0 high-low-total, 1 high-low-criterion or 2 none.",
    );
  }
  if (!isWholeNumber(input.technicalScoring, 1)) {
    fail(
      `Technical scoring code ${input.technicalScoring} is not 0 or 1.`,
      "Use 0 absolute or 1 relative-to-best.",
    );
  }
  if (!isWholeNumber(input.priceFormula, 2)) {
    fail(
      `Price formula code ${input.priceFormula} is not 0, 1 or 2.`,
      "Use 0 lowest-over-bid, 1 kr-negotiated or 2 given.",
    );
  }
  if (!isWholeNumber(input.qualifyingPercent, 100)) {
    fail(
      `Qualifying percent ${input.qualifyingPercent} is not a whole number from 0 to 100.`,
      "Use 0 to disable the threshold.",
    );
  }
  for (const step of input.tieBreak) {
    if (!isWholeNumber(step, TIE_BREAKS.length - 1)) {
      fail(
        `Tie-break step ${step} is not 0, 1 or 2.`,
        "Use 0 technical, 1 largest-criterion or 2 lottery.",
      );
    }
  }
  if (!isHex(input.lotterySeed) || size(input.lotterySeed) !== 32) {
    fail(
      `Lottery seed ${input.lotterySeed} is not 32 bytes of hex.`,
      "Compute it with lotterySeed() over the opened salts.",
    );
  }
}

function checkShapes(input: TallyInput): void {
  const bidders = input.bidPrices.length;
  const criteria = input.maxPoints.length;
  if (bidders === 0) {
    fail("The tally has no bidder.", "Give at least one bidder.");
  }
  if (bidders > 65_535) {
    fail(
      `The tally has ${bidders} bidders, more than a uint16 rank can number.`,
      "Split the round into rounds of at most 65535 bidders.",
    );
  }
  if (criteria === 0 || input.quantitative.length !== criteria) {
    fail(
      `maxPoints has ${criteria} entries and quantitative has ${input.quantitative.length}.`,
      "Give both one entry per criterion, at least one.",
    );
  }
  if (
    input.givenPriceScores.length !== bidders ||
    input.quantitativeScores.length !== bidders
  ) {
    fail(
      `bidPrices, givenPriceScores and quantitativeScores have ${bidders}, ${input.givenPriceScores.length} and ${input.quantitativeScores.length} entries.`,
      "Give each of them one entry per bidder.",
    );
  }
  const quantitativeCount = input.quantitative.filter(Boolean).length;
  input.quantitativeScores.forEach((scores, bidder) => {
    if (scores.length !== quantitativeCount) {
      fail(
        `Bidder ${bidder} has ${scores.length} quantitative scores but there are ${quantitativeCount} quantitative criteria.`,
        "Give one score per quantitative criterion.",
      );
    }
  });

  const sheetLength = bidders * (criteria - quantitativeCount);
  input.sheets.forEach((sheet, seat) => {
    if (sheet.length !== sheetLength) {
      fail(
        `Sheet ${seat} has length ${sheet.length}, not ${bidders} bidders × ${criteria - quantitativeCount} qualitative criteria = ${sheetLength}.`,
        "Flatten each sheet bidder-major over the qualitative criteria.",
      );
    }
    if (!sheet.every((score) => isWholeNumber(score, 65_535))) {
      fail(
        `Sheet ${seat} has a score that is not a whole number of hundredths from 0 to 65535.`,
        "Convert scores with toHundredths().",
      );
    }
  });
}

function checkCounts(input: TallyInput): void {
  const opened = input.sheets.length;
  if (opened === 0)
    fail(
      "The tally has no opened sheet.",
      "Open at least one sheet before the tally.",
    );
  if (input.trim !== TRIM.none && opened < 3) {
    fail(
      `Trim "${TRIMS[input.trim]}" needs at least 3 opened sheets but there are ${opened}.`,
      'Open more sheets or use trim "none".',
    );
  }
  const needsBids = input.priceFormula !== PRICE_FORMULA.given;
  if (needsBids && input.bidPrices.some((price) => price <= 0n)) {
    fail(
      "A bid price is 0 or less, so the price formula would divide by zero.",
      "Give every bidder a bid price above 0.",
    );
  }
  if (
    input.priceFormula === PRICE_FORMULA.krNegotiated &&
    input.estimatedPrice <= 0n
  ) {
    fail(
      "The estimated price is 0 but the kr-negotiated formula divides by it.",
      "Give an estimated price above 0.",
    );
  }
}

/** Throws a `TallyInputError` when the tally cannot run on `input`. */
export function assertTallyInput(input: TallyInput): void {
  checkCodes(input);
  checkShapes(input);
  checkCounts(input);
}
