import { z } from "zod";
import { countDecimals } from "../units.ts";
import type { IssueCode, IssueParams } from "./issue-codes.ts";
import { customIssue } from "./issues.ts";

// Leaf schemas of the round and case files. Each one rejects a wrong value
// with a message that states the expected form, with an example.

/** Largest criterion maximum: a score is a uint16 of hundredths. */
export const MAX_CRITERION_POINTS = 655.35;
/** Largest weight: a weight is a uint32 of hundredths. */
export const MAX_WEIGHT_POINTS = 42_949_672.95;
/** Largest amount of money: money is a uint128 of minor units. */
export const MAX_MONEY = 2n ** 128n - 1n;
/** Largest seat count: seats are numbered with a uint16. */
export const MAX_EVALUATORS = 65_535;

type NumberRule = readonly [
  (value: number) => boolean,
  IssueCode,
  IssueParams?,
];

function numberWithRules(rules: readonly NumberRule[]) {
  return z.number().superRefine((value, context) => {
    const broken = rules.find(([holds]) => !holds(value));
    if (broken !== undefined) {
      context.addIssue(customIssue(broken[1], broken[2]));
    }
  });
}

function hasAtMostDecimals(decimals: number): NumberRule {
  return [
    (value) => (countDecimals(value) ?? Infinity) <= decimals,
    "too_many_decimals",
    { decimals },
  ];
}

const notNegative: NumberRule = [(value) => value >= 0, "negative"];
const positive: NumberRule = [(value) => value > 0, "not_positive"];

/** A score or quantitative score in points, at most two decimals. */
export const pointsSchema = numberWithRules([
  notNegative,
  hasAtMostDecimals(2),
]);

/** A criterion maximum in points: above 0, at most 655.35. */
export const maxPointsSchema = numberWithRules([
  positive,
  hasAtMostDecimals(2),
  [
    (value) => value <= MAX_CRITERION_POINTS,
    "above_max_points",
    { maximum: MAX_CRITERION_POINTS },
  ],
]);

/** Builds the schema of a weight in points, with at most two decimals. */
export function weightSchema(minimum: "zero" | "positive") {
  return numberWithRules([
    minimum === "zero" ? notNegative : positive,
    hasAtMostDecimals(2),
    [
      (value) => value <= MAX_WEIGHT_POINTS,
      "too_big",
      { maximum: MAX_WEIGHT_POINTS },
    ],
  ]);
}

/** A given price score in points, at most four decimals. */
export const priceScoreSchema = numberWithRules([
  notNegative,
  hasAtMostDecimals(4),
]);

/** Builds the schema of a whole number from `minimum` to `maximum`. */
export function integerSchema(minimum: number, maximum: number) {
  return numberWithRules([
    [Number.isInteger, "not_integer"],
    [(value) => value >= minimum, "too_small", { minimum }],
    [(value) => value <= maximum, "too_big", { maximum }],
  ]);
}

/**
 * Money as a decimal string of whole minor units, above 0. Any other
 * value, a number included, gets the one message that shows the form.
 */
export const moneySchema = z.custom<string>().superRefine((value, context) => {
  if (typeof value !== "string" || !/^\d+$/.test(value)) {
    context.addIssue(customIssue("money_format"));
  } else if (BigInt(value) === 0n) {
    context.addIssue(customIssue("not_positive"));
  } else if (BigInt(value) > MAX_MONEY) {
    context.addIssue(customIssue("too_big", { maximum: String(MAX_MONEY) }));
  }
});

/** A name or title: text that is not blank. */
export const nameSchema = z.string().superRefine((value, context) => {
  if (value.trim() === "") context.addIssue(customIssue("empty_text"));
});

/**
 * Maximum length of a round title, in characters: room for a long
 * procurement notice title that still reads as one heading.
 */
export const MAX_TITLE_LENGTH = 200;
/** Maximum length of a round reference number, in characters. */
export const MAX_REFERENCE_LENGTH = 100;

/**
 * Builds a check that text is at most `maximum` characters long. It counts
 * Unicode code points, so a precomposed Hangul syllable is one character
 * whatever its UTF-8 length.
 */
function atMostCharacters(maximum: number) {
  return (value: string, context: z.RefinementCtx) => {
    const length = Array.from(value).length;
    if (length > maximum) {
      context.addIssue(customIssue("text_too_long", { maximum, length }));
    }
  };
}

/** A round title: not blank, at most `MAX_TITLE_LENGTH` characters. */
export const titleSchema = nameSchema.superRefine(
  atMostCharacters(MAX_TITLE_LENGTH),
);

/** A round reference number: may be empty, at most `MAX_REFERENCE_LENGTH` characters. */
export const referenceSchema = z
  .string()
  .superRefine(atMostCharacters(MAX_REFERENCE_LENGTH));

/** Builds the schema of one name out of a fixed list. */
export function choiceSchema<const T extends readonly [string, ...string[]]>(
  choices: T,
) {
  return z.enum(choices);
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * Converts an ISO 8601 date-time with a UTC offset ("Z" or "+09:00") to
 * UTC seconds. Returns undefined for any other text, including impossible
 * dates such as February 30.
 */
export function parseDateTime(text: string): number | undefined {
  const match = DATE_TIME.exec(text);
  if (match === null) return undefined;
  const [year, month, day, hour, minute, second = 0] = match
    .slice(1, 7)
    .map((part) => Number(part ?? 0));
  const offsetSign = match[8] === "-" ? -1 : 1;
  const offsetHours = Number(match[9] ?? 0);
  const offsetMinutes = Number(match[10] ?? 0);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  if (offsetHours > 23 || offsetMinutes > 59) return undefined;

  const utcMilliseconds = Date.UTC(year, month - 1, day, hour, minute, second);
  const date = new Date(utcMilliseconds);
  // Date.UTC rolls February 30 over to March 2 and maps years 0-99 to
  // 1900-1999: reject any field that moved.
  const moved =
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day;
  if (moved) return undefined;
  const offsetSeconds = offsetSign * (offsetHours * 3600 + offsetMinutes * 60);
  return utcMilliseconds / 1000 - offsetSeconds;
}

/** A date-time with a UTC offset, such as "2026-12-04T17:00:00+09:00". */
export const dateTimeSchema = z
  .custom<string>()
  .superRefine((value, context) => {
    if (value === undefined) {
      context.addIssue(customIssue("missing", { expected: "date_time" }));
    } else if (
      typeof value !== "string" ||
      parseDateTime(value) === undefined
    ) {
      context.addIssue(customIssue("date_time_format"));
    }
  });
