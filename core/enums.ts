// Names used in round files and their uint8 codes on chain. The index of a
// name in each list is its code.

export const TRIMS = ["high-low-total", "high-low-criterion", "none"] as const;
export const TECHNICAL_SCORINGS = ["absolute", "relative-to-best"] as const;
export const PRICE_FORMULAS = [
  "lowest-over-bid",
  "kr-negotiated",
  "given",
] as const;
export const TIE_BREAKS = [
  "technical",
  "largest-criterion",
  "lottery",
] as const;
export const CRITERION_KINDS = ["qualitative", "quantitative"] as const;
export const ROUND_PHASES = [
  "none",
  "scoring",
  "revealing",
  "finalized",
  "cancelled",
] as const;
export const SEAT_STATES = [
  "invited",
  "claimed",
  "committed",
  "revealed",
  "recused",
] as const;

export type Trim = (typeof TRIMS)[number];
export type TechnicalScoring = (typeof TECHNICAL_SCORINGS)[number];
export type PriceFormula = (typeof PRICE_FORMULAS)[number];
export type TieBreak = (typeof TIE_BREAKS)[number];
export type CriterionKind = (typeof CRITERION_KINDS)[number];
export type RoundPhase = (typeof ROUND_PHASES)[number];
export type SeatState = (typeof SEAT_STATES)[number];

export const TRIM = {
  highLowTotal: 0,
  highLowCriterion: 1,
  none: 2,
} as const;
export const TECHNICAL_SCORING = { absolute: 0, relativeToBest: 1 } as const;
export const PRICE_FORMULA = {
  lowestOverBid: 0,
  krNegotiated: 1,
  given: 2,
} as const;
export const TIE_BREAK = {
  technical: 0,
  largestCriterion: 1,
  lottery: 2,
} as const;

/** Returns the on-chain code of a name from one of the lists above. */
export function codeOf<T extends string>(names: readonly T[], name: T): number {
  const code = names.indexOf(name);
  if (code < 0) throw new RangeError(`Unknown name ${JSON.stringify(name)}.`);
  return code;
}
