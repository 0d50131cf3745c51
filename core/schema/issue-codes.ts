// The kinds of problem a round or case file can have. Each issue carries a
// code and its parameters, so that an app can show it in its own language,
// and the English text below, which the CLI prints.

/** Parameters of one issue: numbers, and text that needs no translation. */
export type IssueParams = Readonly<Record<string, string | number>>;

const EXPECTED_NAMES: Record<string, string> = {
  number: "a number",
  string: "a text string",
  boolean: "true or false",
  array: "a list",
  object: "an object",
  null: "null",
  date_time:
    'a date and time with a UTC offset, e.g. "2026-12-04T17:00:00+09:00"',
};

const ITEM_PLURALS: Record<string, string> = {
  criterion: "criteria",
  "qualitative criterion": "qualitative criteria",
  "quantitative criterion": "quantitative criteria",
  bidder: "bidders",
  sheet: "sheets",
  step: "steps",
  item: "items",
};

const MONEY_EXAMPLE =
  'a whole number of won as a decimal string, e.g. "100111000"';

function expectedName(params: IssueParams): string {
  const expected = String(params.expected);
  return EXPECTED_NAMES[expected] ?? expected;
}

function describeActual(params: IssueParams): string {
  switch (params.actualKind) {
    case "null":
      return "null";
    case "array":
      return "a list";
    case "object":
      return "an object";
    case "string":
      return `the text ${params.actualValue}`;
    default:
      return `${params.actualKind} ${params.actualValue}`;
  }
}

function countOf(count: string | number | undefined, item: string): string {
  const noun = count === 1 ? item : (ITEM_PLURALS[item] ?? `${item}s`);
  return `${count} ${noun}`;
}

function trimText(params: IssueParams): string {
  return params.context === "default"
    ? `defaults to "${params.trim}"`
    : `is "${params.trim}"`;
}

/** English text of each issue code, given the issue's parameters. */
export const ISSUE_ENGLISH = {
  invalid_json: (p: IssueParams) =>
    `is not valid JSON (${p.reason}); fix the syntax of the ${p.kind} file`,
  missing: (p: IssueParams) => `is missing; add ${expectedName(p)}`,
  wrong_type: (p: IssueParams) =>
    `must be ${expectedName(p)}, not ${describeActual(p)}`,
  unknown_field: (p: IssueParams) =>
    "is not a known field; remove it or fix its spelling " +
    `(known fields: ${p.known})`,
  missing_choice: (p: IssueParams) => `is missing; add one of ${p.choices}`,
  invalid_choice: (p: IssueParams) =>
    `must be one of ${p.choices}, not ${p.value}`,
  too_few_items: (p: IssueParams) =>
    p.item === "sheet"
      ? "must hold at least one sheet"
      : `must list at least one ${p.item}`,
  too_many_items: (p: IssueParams) =>
    `must list at most ${countOf(p.maximum, String(p.item))}`,
  too_many_decimals: (p: IssueParams) =>
    `has more than ${p.decimals} decimals; round it to ` +
    (p.decimals === 2 ? "hundredths" : "ten-thousandths"),
  negative: () => "must be 0 or more",
  not_positive: () => "must be greater than 0",
  above_max_points: (p: IssueParams) =>
    `must be at most ${p.maximum}, the largest score that fits ` +
    "in hundredths on chain; lower it or scale every maximum down",
  too_big: (p: IssueParams) => `must be at most ${p.maximum}`,
  too_small: (p: IssueParams) => `must be at least ${p.minimum}`,
  not_integer: () => "must be a whole number",
  money_format: () => `must be ${MONEY_EXAMPLE}`,
  empty_text: () => "must not be empty",
  text_too_long: (p: IssueParams) =>
    `is ${p.length} characters long; shorten it to at most ${p.maximum} ` +
    "characters",
  date_time_format: () => `must be ${EXPECTED_NAMES.date_time}`,
  no_qualitative_criterion: () =>
    "has no qualitative criterion; add at least one criterion with " +
    '"kind": "qualitative" for the evaluators to score',
  max_points_sum: (p: IssueParams) =>
    `maxPoints add up to ${p.total} but rules.technicalWeight is ` +
    `${p.weight}; under absolute scoring they must be equal, so change a ` +
    "maximum or the weight",
  trim_needs_evaluators: (p: IssueParams) =>
    `${trimText(p)}, which drops the highest and the lowest score and ` +
    `needs at least 3 evaluators, but evaluators is ${p.evaluators}; ` +
    'add evaluators or set "trim": "none"',
  trim_needs_min_evaluators: (p: IssueParams) =>
    `must be at least 3 because rules.trim ${trimText(p)} and ` +
    'trimming needs 3 opened sheets; raise it or set "trim": "none"',
  min_evaluators_above_evaluators: (p: IssueParams) =>
    (p.context === "default" ? `defaults to ${p.minimum}` : `is ${p.minimum}`) +
    ` but evaluators is only ${p.evaluators}; set it to ` +
    `${p.evaluators} or less`,
  deadline_passed: (p: IssueParams) =>
    `is ${p.deadline}, which has already passed; set a time in the future`,
  reveal_before_scoring: (p: IssueParams) =>
    `must be after schedule.scoringDeadline (${p.scoringDeadline}); move ` +
    "it later, or leave it out to get the scoring deadline plus 24 hours",
  duplicate_name: (p: IssueParams) =>
    `repeats the name of ${p.other}; every ${p.item} needs its own name`,
  duplicate_tie_break: (p: IssueParams) =>
    `repeats "${p.step}"; list each tie-break step once`,
  estimated_price_missing: () =>
    'is missing; priceFormula "kr-negotiated" needs the estimated ' +
    'price as a whole number of won as a decimal string, e.g. "400000000"',
  estimated_price_unused: (p: IssueParams) =>
    `is only used by priceFormula "kr-negotiated", not "${p.formula}"; ` +
    "remove it",
  bid_price_unused: () =>
    'is not used when priceFormula is "given"; remove it and give ' +
    "priceScore instead",
  price_score_missing: () =>
    'is missing; priceFormula "given" needs each bidder\'s price ' +
    "score in points, e.g. 13.5",
  price_score_above_weight: (p: IssueParams) =>
    `is ${p.priceScore} but rules.priceWeight is ${p.priceWeight}; a ` +
    "price score cannot be above the price weight",
  bid_price_missing: (p: IssueParams) =>
    `is missing; priceFormula "${p.formula}" needs each bid as ` +
    MONEY_EXAMPLE,
  price_score_unused: (p: IssueParams) =>
    `is only used by priceFormula "given", not "${p.formula}"; remove it`,
  quantitative_scores_missing: (p: IssueParams) =>
    "is missing; give one score per quantitative criterion, in " +
    `order: ${p.criteria}`,
  quantitative_scores_unexpected: (p: IssueParams) =>
    `has ${countOf(p.count, "score")} but there is no quantitative ` +
    "criterion; remove it",
  quantitative_scores_count: (p: IssueParams) =>
    `has ${countOf(p.count, "score")} but the round has ` +
    `${countOf(p.expected, "quantitative criterion")}; give one score ` +
    `for each, in order: ${p.criteria}`,
  score_above_max: (p: IssueParams) =>
    `is ${p.points} but criterion "${p.criterion}" allows at most ` +
    `${p.maximum}`,
  sheets_count: (p: IssueParams) =>
    `has ${countOf(p.sheets, "sheet")} but evaluators is ` +
    `${p.evaluators}; give one sheet per evaluator`,
  sheet_rows_count: (p: IssueParams) =>
    `has ${countOf(p.rows, "row")} but the round has ` +
    `${countOf(p.bidders, "bidder")}; give one row of scores per bidder, ` +
    "in presentation order",
  sheet_row_scores_count: (p: IssueParams) =>
    `has ${countOf(p.count, "score")} but the round has ` +
    `${countOf(p.expected, "qualitative criterion")}; give one score for ` +
    `each, in order: ${p.criteria}`,
  comments_count: (p: IssueParams) =>
    `has ${countOf(p.comments, "comment")} but the round has ` +
    `${countOf(p.bidders, "bidder")}; give one per bidder, "" where ` +
    "there is none",
  invalid: (p: IssueParams) => String(p.message),
} satisfies Record<string, (params: IssueParams) => string>;

/** Code of one kind of problem, e.g. `too_many_decimals`. */
export type IssueCode = keyof typeof ISSUE_ENGLISH;

/** Every issue code, for tests that check a translation of each. */
export const ISSUE_CODES = Object.keys(ISSUE_ENGLISH) as IssueCode[];
