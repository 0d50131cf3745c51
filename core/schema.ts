import type { z } from "zod";
import { checkSheets } from "./schema/case-checks.ts";
import { checkRound } from "./schema/checks.ts";
import { RoundFileError, fileIssue, fromZodIssues } from "./schema/issues.ts";
import type { FileIssue } from "./schema/issues.ts";
import { parseDateTime } from "./schema/fields.ts";
import { caseFileSchema, roundFileSchema } from "./schema/round.ts";
import type { CaseFile, RoundFile } from "./schema/round.ts";

export { ISSUE_CODES, ISSUE_ENGLISH } from "./schema/issue-codes.ts";
export type { IssueCode, IssueParams } from "./schema/issue-codes.ts";
export {
  RoundFileError,
  formatIssue,
  formatPath,
  formatRoundFileError,
} from "./schema/issues.ts";
export type { FileIssue } from "./schema/issues.ts";
export {
  DEFAULT_MIN_EVALUATORS,
  DEFAULT_TRIM,
  caseFileSchema,
  roundFileSchema,
} from "./schema/round.ts";
export type {
  BidderEntry,
  CaseFile,
  CaseSheet,
  CriterionEntry,
  RoundDefinition,
  RoundFile,
  Rules,
} from "./schema/round.ts";
export {
  MAX_CRITERION_POINTS,
  MAX_EVALUATORS,
  MAX_MONEY,
  MAX_WEIGHT_POINTS,
  parseDateTime,
} from "./schema/fields.ts";

function readJson(
  input: unknown,
  kind: "round" | "case",
): { value: unknown; issues: FileIssue[] } {
  if (typeof input !== "string") return { value: input, issues: [] };
  try {
    return { value: JSON.parse(input), issues: [] };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      value: undefined,
      issues: [fileIssue("", "invalid_json", { reason, kind })],
    };
  }
}

function parseWith<T extends z.ZodType>(
  schema: T,
  input: unknown,
  kind: "round" | "case",
  check: (raw: unknown) => FileIssue[],
): z.output<T> {
  const json = readJson(input, kind);
  if (json.issues.length > 0) throw new RoundFileError(kind, json.issues);

  const result = schema.safeParse(json.value, { reportInput: true });
  const issues = [
    ...(result.success ? [] : fromZodIssues(result.error.issues)),
    ...check(json.value),
  ];
  if (issues.length > 0 || !result.success) {
    throw new RoundFileError(kind, issues);
  }
  return result.data;
}

/**
 * Parses and checks a round file, given as JSON text or as a parsed value.
 * Throws a `RoundFileError` that lists every problem found.
 */
export function parseRoundFile(input: unknown): RoundFile {
  return parseWith(roundFileSchema, input, "round", checkRound);
}

/**
 * Parses and checks a case file (a round file with sheets), given as JSON
 * text or as a parsed value. Throws a `RoundFileError` that lists every
 * problem found.
 */
export function parseCaseFile(input: unknown): CaseFile {
  return parseWith(caseFileSchema, input, "case", (raw) => [
    ...checkRound(raw),
    ...checkSheets(raw),
  ]);
}

/**
 * Lists the deadlines of a valid round that are not after `nowMs`, as
 * issues at their fields. Parsing cannot check this because a file is
 * valid whenever it is written; a round must be created before its
 * scoring deadline.
 */
export function passedDeadlineIssues(
  round: RoundFile,
  nowMs: number,
): FileIssue[] {
  const deadline = round.schedule.scoringDeadline;
  const seconds = parseDateTime(deadline);
  if (seconds === undefined || seconds * 1000 > nowMs) return [];
  return [
    fileIssue("schedule.scoringDeadline", "deadline_passed", { deadline }),
  ];
}
