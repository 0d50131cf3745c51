import type { IssueStrings } from "./issues-ko.ts";

// English texts of core's round-file issue codes for the admin console.
// They follow the messages that the CLI prints, with the form's field names.
// Date and time texts refer to the form's date-time fields, which are read
// in Korea time, whereas the CLI's messages require a UTC offset.
export const issuesEn: IssueStrings = {
  codes: {
    invalid_json:
      "is not valid JSON ({{reason}}); fix the syntax of the file and load it again.",
    missing: "is missing; enter {{expected}}.",
    wrong_type: "must be {{expected}}, not {{actual}}.",
    unknown_field:
      "is not a known field; remove it or fix its spelling (known fields: {{known}}).",
    missing_choice: "is missing; choose one of {{choices}}.",
    invalid_choice: "must be one of {{choices}}, not {{value}}.",
    too_few_items: "must list at least one {{item}}; add one.",
    too_many_items:
      "must list at most {{maximum}} {{item}} entries; remove the rest.",
    too_many_decimals:
      "has more than {{decimals}} decimals; round it to {{decimals}} decimal places.",
    negative: "must be 0 or more.",
    not_positive: "must be greater than 0.",
    above_max_points:
      "must be at most {{maximum}}, the largest score that fits in hundredths on chain; lower it or scale every maximum down.",
    too_big: "must be at most {{maximum}}.",
    too_small: "must be at least {{minimum}}.",
    not_integer: "must be a whole number.",
    money_format:
      'must be a whole number of won in digits only (in a round file, a string such as "100111000").',
    empty_text: "must not be empty; enter a value.",
    text_too_long:
      "is {{length}} characters long; shorten it to at most {{maximum}} characters.",
    date_time_format:
      "is not a valid date and time; pick both the date and the time (Korea time).",
    no_qualitative_criterion:
      'has no qualitative criterion; add at least one criterion of kind "qualitative" for the evaluators to score.',
    max_points_sum:
      "maxima add up to {{total}} but the technical weight is {{weight}}; under absolute scoring they must be equal, so change a maximum or the weight.",
    trim_needs_evaluators:
      'is "{{trim}}", which drops the highest and the lowest score and needs at least 3 evaluators, but there are {{evaluators}} seats; add seats or choose "none".',
    trim_needs_evaluators_default:
      'defaults to "{{trim}}", which drops the highest and the lowest score and needs at least 3 evaluators, but there are {{evaluators}} seats; add seats or choose "none".',
    trim_needs_min_evaluators:
      'must be at least 3 because dropping the highest and lowest ("{{trim}}") needs 3 opened sheets; raise it or choose "none".',
    trim_needs_min_evaluators_default:
      'must be at least 3 because dropping the highest and lowest defaults to "{{trim}}", which needs 3 opened sheets; raise it or choose "none".',
    min_evaluators_above_evaluators:
      "is {{minimum}} but there are only {{evaluators}} seats; set it to {{evaluators}} or less.",
    min_evaluators_above_evaluators_default:
      "defaults to {{minimum}} but there are only {{evaluators}} seats; set it to {{evaluators}} or less.",
    deadline_passed:
      "is {{deadline, kst}}, which has already passed; set a time in the future.",
    reveal_before_scoring:
      "must be after the scoring deadline ({{scoringDeadline, kst}}); move it later, or leave it empty to get the scoring deadline plus 24 hours.",
    duplicate_name:
      "repeats the name of {{other}}; every {{item}} needs its own name.",
    duplicate_tie_break: 'repeats "{{step}}"; list each tie-break step once.',
    estimated_price_missing:
      'is missing; the "kr-negotiated" price formula needs the estimated price as a whole number of won, e.g. 400000000.',
    estimated_price_unused:
      'is only used by the "kr-negotiated" price formula, not "{{formula}}"; remove it.',
    bid_price_unused:
      'is not used when price scores are entered directly ("given"); remove it and enter the price score.',
    price_score_missing:
      'is missing; the "given" price formula needs each bidder\'s price score in points, e.g. 13.5.',
    price_score_above_weight:
      "is {{priceScore}} but the price weight is {{priceWeight}}; a price score cannot be above the price weight.",
    bid_price_missing:
      'is missing; the "{{formula}}" price formula needs each bid as a whole number of won, e.g. 100111000.',
    price_score_unused:
      'is only used by the "given" price formula, not "{{formula}}"; remove it.',
    quantitative_scores_missing:
      "is missing; give one score per quantitative criterion, in order: {{criteria}}.",
    quantitative_scores_unexpected:
      "has {{count}} scores but there is no quantitative criterion; remove them.",
    quantitative_scores_count:
      "has {{count}} scores but the round has {{expected}} quantitative criteria; give one score for each, in order: {{criteria}}.",
    score_above_max:
      'is {{points}} but criterion "{{criterion}}" allows at most {{maximum}}.',
    sheets_count:
      "has {{sheets}} sheets but there are {{evaluators}} evaluators; give one sheet per evaluator.",
    sheet_rows_count:
      "has {{rows}} rows but the round has {{bidders}} bidders; give one row of scores per bidder, in presentation order.",
    sheet_row_scores_count:
      "has {{count}} scores but the round has {{expected}} qualitative criteria; give one score for each, in order: {{criteria}}.",
    comments_count:
      'has {{comments}} comments but the round has {{bidders}} bidders; give one per bidder, "" where there is none.',
    invalid: "is invalid ({{message}}); fix the value.",
  },
  types: {
    number: "a number",
    string: "a text string",
    boolean: "true or false",
    array: "a list",
    object: "an object",
    null: "null",
    date_time: "a date and time in Korea time",
  },
  actual: {
    string: "the text {{value}}",
    number: "the number {{value}}",
    boolean: "{{value}}",
    array: "a list",
    object: "an object",
    null: "null",
    other: "{{value}}",
  },
  items: {
    criterion: "criterion",
    bidder: "bidder",
    sheet: "sheet",
    step: "tie-break step",
    item: "item",
  },
  file: "whole file",
  /** Names of one entry of a list field, followed by its number. */
  entries: {
    criteria: "Criterion",
    bidders: "Bidder",
    sheets: "Sheet",
    tieBreak: "Tie-break step",
    quantitativeScores: "quantitative score",
    scores: "row",
  },
  fields: {
    title: "Title",
    reference: "Reference number",
    rules: "Rules",
    version: "Rules version",
    technicalWeight: "Technical weight",
    priceWeight: "Price weight",
    trim: "Drop highest and lowest",
    technicalScoring: "Technical score",
    priceFormula: "Price score",
    estimatedPrice: "Estimated price",
    qualifyingPercent: "Technical threshold",
    tieBreak: "Tie-break",
    minEvaluators: "Minimum evaluators",
    criteria: "Criteria",
    name: "name",
    maxPoints: "maximum",
    kind: "kind",
    bidders: "Bidders",
    bidPrice: "bid",
    priceScore: "price score",
    quantitativeScores: "quantitative score",
    evaluators: "Evaluator seats",
    schedule: "Schedule",
    scoringDeadline: "Scoring deadline",
    revealDeadline: "Reveal deadline",
    sheets: "Sheets",
    scores: "scores",
    comments: "comments",
    expected: "Expected result",
  },
};
