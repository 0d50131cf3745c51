import { z } from "zod";
import {
  CRITERION_KINDS,
  PRICE_FORMULAS,
  TECHNICAL_SCORINGS,
  TIE_BREAKS,
  TRIMS,
} from "../enums.ts";
import {
  MAX_EVALUATORS,
  choiceSchema,
  dateTimeSchema,
  integerSchema,
  maxPointsSchema,
  moneySchema,
  nameSchema,
  pointsSchema,
  priceScoreSchema,
  referenceSchema,
  titleSchema,
  weightSchema,
} from "./fields.ts";

/** Default `rules.trim` when a round file leaves it out. */
export const DEFAULT_TRIM = "high-low-total";
/** Default `rules.minEvaluators` when a round file leaves it out. */
export const DEFAULT_MIN_EVALUATORS = 5;

/**
 * An object that rejects keys outside `shape`. The message of the zod
 * issue is the list of known keys, which the issue converter turns into
 * one `unknown_field` issue per unknown key.
 */
export function strictObject<T extends z.ZodRawShape>(shape: T) {
  const known = Object.keys(shape).join(", ");
  return z.strictObject(shape, {
    error: (issue) => (issue.code === "unrecognized_keys" ? known : undefined),
  });
}

// Array lengths get their messages from the issue converter, which names
// the items after the field. Repeated steps are reported by the cross-field checks, which also run
// when another step is misspelt.
const tieBreakSchema = z.array(choiceSchema(TIE_BREAKS)).max(TIE_BREAKS.length);

export const rulesSchema = strictObject({
  version: nameSchema,
  technicalWeight: weightSchema("positive"),
  priceWeight: weightSchema("zero"),
  trim: choiceSchema(TRIMS).default(DEFAULT_TRIM),
  technicalScoring: choiceSchema(TECHNICAL_SCORINGS),
  priceFormula: choiceSchema(PRICE_FORMULAS),
  estimatedPrice: moneySchema.optional(),
  qualifyingPercent: integerSchema(0, 100),
  tieBreak: tieBreakSchema,
  minEvaluators: integerSchema(1, MAX_EVALUATORS).default(
    DEFAULT_MIN_EVALUATORS,
  ),
});

export const criterionSchema = strictObject({
  name: nameSchema,
  maxPoints: maxPointsSchema,
  kind: choiceSchema(CRITERION_KINDS),
});

export const bidderSchema = strictObject({
  name: nameSchema,
  bidPrice: moneySchema.optional(),
  priceScore: priceScoreSchema.optional(),
  quantitativeScores: z.array(pointsSchema).optional(),
});

export const evaluatorsSchema = integerSchema(1, MAX_EVALUATORS);

const scheduleSchema = strictObject({
  scoringDeadline: dateTimeSchema,
  revealDeadline: dateTimeSchema.optional(),
});

const roundShape = {
  title: titleSchema,
  reference: referenceSchema,
  rules: rulesSchema,
  criteria: z.array(criterionSchema).min(1),
  bidders: z.array(bidderSchema).min(1),
  evaluators: evaluatorsSchema,
  schedule: scheduleSchema,
};

/** The round file: everything `createRound` needs except keys. */
export const roundFileSchema = strictObject(roundShape);

const sheetSchema = strictObject({
  scores: z.array(z.array(pointsSchema)),
  comments: z.array(z.string()).optional(),
});

const expectedBidderSchema = strictObject({
  name: z.string(),
  technical: z.string(),
  price: z.string(),
  total: z.string(),
  qualified: z.boolean(),
  rankByTotal: integerSchema(1, 65_535),
  negotiationOrder: integerSchema(1, 65_535).nullable(),
});

/** A case file: a round file with the schedule optional, plus sheets. */
export const caseFileSchema = strictObject({
  ...roundShape,
  schedule: strictObject({
    scoringDeadline: dateTimeSchema.optional(),
    revealDeadline: dateTimeSchema.optional(),
  }).optional(),
  sheets: z.array(sheetSchema).min(1),
  expected: strictObject({
    bidders: z.array(expectedBidderSchema),
    winner: z.string().nullable(),
  }).optional(),
});

export type RoundFile = z.output<typeof roundFileSchema>;
export type CaseFile = z.output<typeof caseFileSchema>;
export type Rules = z.output<typeof rulesSchema>;
export type CriterionEntry = z.output<typeof criterionSchema>;
export type BidderEntry = z.output<typeof bidderSchema>;
export type CaseSheet = z.output<typeof sheetSchema>;
/** A round file or a case file: what the round-building functions take. */
export type RoundDefinition = RoundFile | CaseFile;
