import { fromFixed, toHundredths } from "../units.ts";
import { checkPrices, checkQuantitativeScores } from "./bidder-checks.ts";
import { dateTimeSchema, parseDateTime, weightSchema } from "./fields.ts";
import type { FileIssue } from "./issues.ts";
import { field, list, outlineCriteria, ruleField, valid } from "./read.ts";
import {
  DEFAULT_MIN_EVALUATORS,
  DEFAULT_TRIM,
  evaluatorsSchema,
  rulesSchema,
} from "./round.ts";

// Checks that relate several fields of a round file. They run on the raw
// input even when other fields are invalid, so that one load reports every
// problem. Each check reads only fields that are valid on their own.

const ruleFields = rulesSchema.shape;

function checkCriteria(raw: unknown, issues: FileIssue[]): void {
  const criteria = outlineCriteria(raw);
  if (criteria === undefined) return;

  if (criteria.every((criterion) => criterion.kind === "quantitative")) {
    issues.push({
      path: "criteria",
      message:
        "has no qualitative criterion; add at least one criterion with " +
        '"kind": "qualitative" for the evaluators to score',
    });
  }

  const scoring = valid(
    ruleFields.technicalScoring,
    ruleField(raw, "technicalScoring"),
  );
  const weight = valid(
    weightSchema("positive"),
    ruleField(raw, "technicalWeight"),
  );
  const maxima = criteria.map((criterion) => criterion.maxPoints);
  if (scoring !== "absolute" || weight === undefined) return;
  if (maxima.includes(undefined)) return;

  const totalHundredths = maxima.reduce(
    (sum: number, maxPoints) => sum + toHundredths(maxPoints!),
    0,
  );
  if (totalHundredths !== toHundredths(weight)) {
    issues.push({
      path: "criteria",
      message:
        `maxPoints add up to ${fromFixed(totalHundredths, 2)} but ` +
        `rules.technicalWeight is ${weight}; under absolute scoring they ` +
        "must be equal, so change a maximum or the weight",
    });
  }
}

function checkEvaluators(raw: unknown, issues: FileIssue[]): void {
  const trimRaw = ruleField(raw, "trim");
  const trim = valid(ruleFields.trim, trimRaw);
  const evaluators = valid(evaluatorsSchema, field(raw, "evaluators"));
  const minimumRaw = ruleField(raw, "minEvaluators");
  const minimum = valid(ruleFields.minEvaluators, minimumRaw);

  if (trim !== undefined && trim !== "none") {
    const trimText =
      trimRaw === undefined ? `defaults to "${DEFAULT_TRIM}"` : `is "${trim}"`;
    if (evaluators !== undefined && evaluators < 3) {
      issues.push({
        path: "rules.trim",
        message:
          `${trimText}, which drops the highest and the lowest score and ` +
          `needs at least 3 evaluators, but evaluators is ${evaluators}; ` +
          'add evaluators or set "trim": "none"',
      });
    }
    if (minimum !== undefined && minimum < 3) {
      issues.push({
        path: "rules.minEvaluators",
        message:
          `must be at least 3 because rules.trim ${trimText} and ` +
          'trimming needs 3 opened sheets; raise it or set "trim": "none"',
      });
    }
  }

  if (
    minimum !== undefined &&
    evaluators !== undefined &&
    minimum > evaluators
  ) {
    const minimumText =
      minimumRaw === undefined
        ? `defaults to ${DEFAULT_MIN_EVALUATORS}`
        : `is ${minimum}`;
    issues.push({
      path: "rules.minEvaluators",
      message:
        `${minimumText} but evaluators is only ${evaluators}; set it to ` +
        `${evaluators} or less`,
    });
  }
}

function checkSchedule(raw: unknown, issues: FileIssue[]): void {
  const schedule = field(raw, "schedule");
  const scoring = valid(dateTimeSchema, field(schedule, "scoringDeadline"));
  const reveal = valid(dateTimeSchema, field(schedule, "revealDeadline"));
  if (scoring === undefined || reveal === undefined) return;

  if (parseDateTime(reveal)! <= parseDateTime(scoring)!) {
    issues.push({
      path: "schedule.revealDeadline",
      message:
        `must be after schedule.scoringDeadline (${scoring}); move it ` +
        "later, or leave it out to get the scoring deadline plus 24 hours",
    });
  }
}

function checkUniqueNames(
  raw: unknown,
  key: "bidders" | "criteria",
  issues: FileIssue[],
): void {
  const firstIndexByName = new Map<string, number>();
  list(field(raw, key)).forEach((entry, index) => {
    const name = field(entry, "name");
    if (typeof name !== "string" || name.trim() === "") return;

    const first = firstIndexByName.get(name.trim());
    if (first === undefined) {
      firstIndexByName.set(name.trim(), index);
      return;
    }
    const noun = key === "bidders" ? "bidder" : "criterion";
    issues.push({
      path: `${key}[${index}].name`,
      message:
        `repeats the name of ${key}[${first}]; every ${noun} needs its ` +
        "own name",
    });
  });
}

function checkTieBreak(raw: unknown, issues: FileIssue[]): void {
  const steps = list(ruleField(raw, "tieBreak"));
  steps.forEach((step, index) => {
    if (typeof step !== "string" || steps.indexOf(step) === index) return;
    issues.push({
      path: `rules.tieBreak[${index}]`,
      message: `repeats "${step}"; list each tie-break step once`,
    });
  });
}

/** Runs the checks that relate fields of a round file to each other. */
export function checkRound(raw: unknown): FileIssue[] {
  const issues: FileIssue[] = [];
  checkCriteria(raw, issues);
  checkEvaluators(raw, issues);
  checkTieBreak(raw, issues);
  checkPrices(raw, issues);
  checkQuantitativeScores(raw, issues);
  checkUniqueNames(raw, "criteria", issues);
  checkUniqueNames(raw, "bidders", issues);
  checkSchedule(raw, issues);
  return issues;
}
