import { fromFixed, toHundredths } from "../units.ts";
import { checkPrices, checkQuantitativeScores } from "./bidder-checks.ts";
import { dateTimeSchema, parseDateTime, weightSchema } from "./fields.ts";
import type { IssueParams } from "./issue-codes.ts";
import { fileIssue, type FileIssue } from "./issues.ts";
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
    issues.push(fileIssue("criteria", "no_qualitative_criterion"));
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
    issues.push(
      fileIssue("criteria", "max_points_sum", {
        total: fromFixed(totalHundredths, 2),
        weight,
      }),
    );
  }
}

function checkEvaluators(raw: unknown, issues: FileIssue[]): void {
  const trimRaw = ruleField(raw, "trim");
  const trim = valid(ruleFields.trim, trimRaw);
  const evaluators = valid(evaluatorsSchema, field(raw, "evaluators"));
  const minimumRaw = ruleField(raw, "minEvaluators");
  const minimum = valid(ruleFields.minEvaluators, minimumRaw);

  if (trim !== undefined && trim !== "none") {
    // The "default" context marks a trim that the file left out.
    const trimParams: IssueParams =
      trimRaw === undefined
        ? { trim: DEFAULT_TRIM, context: "default" }
        : { trim };
    if (evaluators !== undefined && evaluators < 3) {
      issues.push(
        fileIssue("rules.trim", "trim_needs_evaluators", {
          ...trimParams,
          evaluators,
        }),
      );
    }
    if (minimum !== undefined && minimum < 3) {
      issues.push(
        fileIssue(
          "rules.minEvaluators",
          "trim_needs_min_evaluators",
          trimParams,
        ),
      );
    }
  }

  if (
    minimum !== undefined &&
    evaluators !== undefined &&
    minimum > evaluators
  ) {
    const minimumParams: IssueParams =
      minimumRaw === undefined
        ? { minimum: DEFAULT_MIN_EVALUATORS, context: "default" }
        : { minimum };
    issues.push(
      fileIssue("rules.minEvaluators", "min_evaluators_above_evaluators", {
        ...minimumParams,
        evaluators,
      }),
    );
  }
}

function checkSchedule(raw: unknown, issues: FileIssue[]): void {
  const schedule = field(raw, "schedule");
  const scoring = valid(dateTimeSchema, field(schedule, "scoringDeadline"));
  const reveal = valid(dateTimeSchema, field(schedule, "revealDeadline"));
  if (scoring === undefined || reveal === undefined) return;

  if (parseDateTime(reveal)! <= parseDateTime(scoring)!) {
    issues.push(
      fileIssue("schedule.revealDeadline", "reveal_before_scoring", {
        scoringDeadline: scoring,
      }),
    );
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
    issues.push(
      fileIssue(`${key}[${index}].name`, "duplicate_name", {
        other: `${key}[${first}]`,
        item: key === "bidders" ? "bidder" : "criterion",
      }),
    );
  });
}

function checkTieBreak(raw: unknown, issues: FileIssue[]): void {
  const steps = list(ruleField(raw, "tieBreak"));
  steps.forEach((step, index) => {
    if (typeof step !== "string" || steps.indexOf(step) === index) return;
    issues.push(
      fileIssue(`rules.tieBreak[${index}]`, "duplicate_tie_break", { step }),
    );
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
