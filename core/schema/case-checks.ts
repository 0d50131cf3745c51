import { toHundredths } from "../units.ts";
import { pointsSchema } from "./fields.ts";
import type { FileIssue } from "./issues.ts";
import {
  countOf,
  field,
  list,
  outlineCriteria,
  quoteNames,
  valid,
} from "./read.ts";
import { evaluatorsSchema } from "./round.ts";

// Checks of the sheets in a case file against the evaluators, the bidders
// and the qualitative criteria.

function checkSheetScores(
  sheet: unknown,
  path: string,
  bidderCount: number,
  raw: unknown,
  issues: FileIssue[],
): void {
  const rows = field(sheet, "scores");
  if (!Array.isArray(rows)) return;
  if (rows.length !== bidderCount) {
    issues.push({
      path: `${path}.scores`,
      message:
        `has ${countOf(rows.length, "row", "rows")} but the round has ` +
        `${countOf(bidderCount, "bidder", "bidders")}; ` +
        "give one row of scores per bidder, in presentation order",
    });
    return;
  }

  const criteria = outlineCriteria(raw);
  if (criteria === undefined) return;
  const qualitative = criteria.filter(
    (criterion) => criterion.kind === "qualitative",
  );

  rows.forEach((row, bidder) => {
    if (!Array.isArray(row)) return;
    const rowPath = `${path}.scores[${bidder}]`;
    if (row.length !== qualitative.length) {
      issues.push({
        path: rowPath,
        message:
          `has ${countOf(row.length, "score", "scores")} but the round has ` +
          `${countOf(qualitative.length, "qualitative criterion", "qualitative criteria")}; ` +
          "give one score for each, in order: " +
          quoteNames(qualitative),
      });
      return;
    }
    row.forEach((score, position) => {
      const points = valid(pointsSchema, score);
      const criterion = qualitative[position];
      const maximum = criterion.maxPoints;
      if (points === undefined || maximum === undefined) return;
      if (toHundredths(points) > toHundredths(maximum)) {
        issues.push({
          path: `${rowPath}[${position}]`,
          message:
            `is ${points} but criterion "${criterion.name}" allows at ` +
            `most ${maximum}`,
        });
      }
    });
  });
}

/** Runs the checks of a case file's sheets. */
export function checkSheets(raw: unknown): FileIssue[] {
  const issues: FileIssue[] = [];
  const sheets = field(raw, "sheets");
  if (!Array.isArray(sheets)) return issues;

  const evaluators = valid(evaluatorsSchema, field(raw, "evaluators"));
  if (evaluators !== undefined && sheets.length !== evaluators) {
    issues.push({
      path: "sheets",
      message:
        `has ${countOf(sheets.length, "sheet", "sheets")} but evaluators ` +
        `is ${evaluators}; ` +
        "give one sheet per evaluator",
    });
  }

  const bidders = field(raw, "bidders");
  if (!Array.isArray(bidders)) return issues;
  const bidderCount = list(bidders).length;

  sheets.forEach((sheet, index) => {
    const path = `sheets[${index}]`;
    checkSheetScores(sheet, path, bidderCount, raw, issues);

    const comments = field(sheet, "comments");
    if (Array.isArray(comments) && comments.length !== bidderCount) {
      issues.push({
        path: `${path}.comments`,
        message:
          `has ${countOf(comments.length, "comment", "comments")} but the ` +
          `round has ${countOf(bidderCount, "bidder", "bidders")}; give one ` +
          'per bidder, "" where there is none',
      });
    }
  });
  return issues;
}
