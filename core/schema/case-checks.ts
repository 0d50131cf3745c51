import { toHundredths } from "../units.ts";
import { pointsSchema } from "./fields.ts";
import { fileIssue, type FileIssue } from "./issues.ts";
import { field, list, outlineCriteria, quoteNames, valid } from "./read.ts";
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
    issues.push(
      fileIssue(`${path}.scores`, "sheet_rows_count", {
        rows: rows.length,
        bidders: bidderCount,
      }),
    );
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
      issues.push(
        fileIssue(rowPath, "sheet_row_scores_count", {
          count: row.length,
          expected: qualitative.length,
          criteria: quoteNames(qualitative),
        }),
      );
      return;
    }
    row.forEach((score, position) => {
      const points = valid(pointsSchema, score);
      const criterion = qualitative[position];
      const maximum = criterion.maxPoints;
      if (points === undefined || maximum === undefined) return;
      if (toHundredths(points) > toHundredths(maximum)) {
        issues.push(
          fileIssue(`${rowPath}[${position}]`, "score_above_max", {
            points,
            criterion: criterion.name,
            maximum,
          }),
        );
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
    issues.push(
      fileIssue("sheets", "sheets_count", {
        sheets: sheets.length,
        evaluators,
      }),
    );
  }

  const bidders = field(raw, "bidders");
  if (!Array.isArray(bidders)) return issues;
  const bidderCount = list(bidders).length;

  sheets.forEach((sheet, index) => {
    const path = `sheets[${index}]`;
    checkSheetScores(sheet, path, bidderCount, raw, issues);

    const comments = field(sheet, "comments");
    if (Array.isArray(comments) && comments.length !== bidderCount) {
      issues.push(
        fileIssue(`${path}.comments`, "comments_count", {
          comments: comments.length,
          bidders: bidderCount,
        }),
      );
    }
  });
  return issues;
}
