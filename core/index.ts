// Public API of core/: the round and case file schema, the reference tally,
// and the encodings shared with the contracts. Runs in Node and browsers.

export * from "./commitment.ts";
export * from "./eip712.ts";
export * from "./enums.ts";
export * from "./errors.ts";
export * from "./escrow.ts";
export * as fractions from "./fraction.ts";
export type { Fraction } from "./fraction.ts";
export * from "./params.ts";
export * from "./pledge.ts";
export * from "./result.ts";
export * from "./schema.ts";
export * from "./sheet.ts";
export * from "./tally.ts";
export {
  largestCriterion,
  largestCriterionScores,
  lotteryTicket,
  rankBidders,
} from "./tally-rank.ts";
export { assertTallyInput } from "./tally-input.ts";
export * from "./units.ts";
export * from "./vectors/json.ts";
