import type { z } from "zod";
import { JuryboxError } from "../errors.ts";

/** One problem in a round or case file. */
export type FileIssue = {
  /** Location of the problem, e.g. `bidders[2].bidPrice`, or "" for the file. */
  path: string;
  /** Description of the problem and its fix, e.g. "must be 0 or more". */
  message: string;
};

/** Formats a path such as ["bidders", 2, "bidPrice"] as bidders[2].bidPrice. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const key of path) {
    if (typeof key === "number") text += `[${key}]`;
    else text += text === "" ? String(key) : `.${String(key)}`;
  }
  return text;
}

/** Formats one issue as a line: `path: message`. */
export function formatIssue(issue: FileIssue): string {
  return issue.path === ""
    ? `file: ${issue.message}`
    : `${issue.path}: ${issue.message}`;
}

/**
 * Thrown when a round or case file is invalid. `issues` lists every
 * problem found, not only the first.
 */
export class RoundFileError extends JuryboxError {
  override name = "RoundFileError";
  readonly issues: readonly FileIssue[];

  constructor(kind: "round" | "case", issues: readonly FileIssue[]) {
    const count =
      issues.length === 1 ? "1 problem" : `${issues.length} problems`;
    super(`The ${kind} file has ${count}.`, {
      hint: "Fix each field listed and load the file again.",
      details: issues.map(formatIssue),
    });
    this.issues = issues;
  }
}

/**
 * Formats the issues of a `RoundFileError` for a terminal or a page: a
 * heading line, then one `path: message` line per issue.
 */
export function formatRoundFileError(error: RoundFileError): string {
  return [error.shortMessage, ...error.details.map((line) => `  ${line}`)].join(
    "\n",
  );
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return `the text ${JSON.stringify(value)}`;
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}

const EXPECTED_NAMES: Record<string, string> = {
  number: "a number",
  string: "a text string",
  boolean: "true or false",
  array: "a list",
  object: "an object",
  null: "null",
};

/** Error map for messages that no schema sets itself. */
export function defaultMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code !== "invalid_type") return undefined;
  const expected = EXPECTED_NAMES[issue.expected] ?? issue.expected;
  if (issue.input === undefined) return `is missing; add ${expected}`;
  return `must be ${expected}, not ${describeValue(issue.input)}`;
}

/** Converts zod issues to file issues, one per unknown key. */
export function fromZodIssues(
  issues: readonly z.core.$ZodIssue[],
): FileIssue[] {
  const converted: FileIssue[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        converted.push({
          path: formatPath([...issue.path, key]),
          message:
            "is not a known field; remove it or fix its spelling " +
            `(${issue.message})`,
        });
      }
    } else {
      converted.push({ path: formatPath(issue.path), message: issue.message });
    }
  }
  return converted;
}
