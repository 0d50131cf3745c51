import type { z } from "zod";
import { JuryboxError } from "../errors.ts";
import {
  ISSUE_ENGLISH,
  type IssueCode,
  type IssueParams,
} from "./issue-codes.ts";

/** One problem in a round or case file. */
export type FileIssue = {
  /** Location of the problem, e.g. `bidders[2].bidPrice`, or "" for the file. */
  path: string;
  /** Kind of problem, which an app translates with `params`. */
  code: IssueCode;
  /** Values that the description of the problem names. */
  params: IssueParams;
  /** English description of the problem and its fix, e.g. "must be 0 or more". */
  message: string;
};

/** Builds an issue with its English message. */
export function fileIssue(
  path: string,
  code: IssueCode,
  params: IssueParams = {},
): FileIssue {
  return { path, code, params, message: ISSUE_ENGLISH[code](params) };
}

/**
 * Builds the zod issue that a schema's check adds; `fromZodIssues` reads
 * the code and parameters back from `params`.
 */
export function customIssue(code: IssueCode, params: IssueParams = {}) {
  return {
    code: "custom" as const,
    message: ISSUE_ENGLISH[code](params),
    params: { ...params, issueCode: code },
  };
}

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

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

function valueText(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

const ITEM_NOUNS: Record<string, string> = {
  criteria: "criterion",
  bidders: "bidder",
  sheets: "sheet",
  tieBreak: "step",
};

function itemNoun(path: readonly PropertyKey[]): string {
  return ITEM_NOUNS[String(path.at(-1))] ?? "item";
}

function quoteChoices(values: readonly unknown[]): string {
  return values.map((value) => `"${String(value)}"`).join(", ");
}

/**
 * Classifies one zod issue. The schemas' own checks carry their code in
 * `params.issueCode`; zod's built-in issues are read from their fields.
 * Parsing must set `reportInput` so that a wrong value can be named.
 */
function classify(issue: z.core.$ZodIssue): [IssueCode, IssueParams] {
  switch (issue.code) {
    case "custom": {
      const { issueCode, ...params } = (issue.params ?? {}) as Record<
        string,
        string | number
      >;
      if (issueCode !== undefined && issueCode in ISSUE_ENGLISH) {
        return [issueCode as IssueCode, params];
      }
      break;
    }
    case "invalid_type":
      if (issue.input === undefined) {
        return ["missing", { expected: issue.expected }];
      }
      return [
        "wrong_type",
        {
          expected: issue.expected,
          actualKind: kindOf(issue.input),
          actualValue: valueText(issue.input),
        },
      ];
    case "invalid_value": {
      const choices = quoteChoices(issue.values);
      if (issue.input === undefined) return ["missing_choice", { choices }];
      return [
        "invalid_choice",
        { choices, value: JSON.stringify(issue.input) ?? String(issue.input) },
      ];
    }
    case "too_small":
      if (issue.origin === "array") {
        return [
          "too_few_items",
          { item: itemNoun(issue.path), minimum: Number(issue.minimum) },
        ];
      }
      break;
    case "too_big":
      if (issue.origin === "array") {
        return [
          "too_many_items",
          { item: itemNoun(issue.path), maximum: Number(issue.maximum) },
        ];
      }
      break;
  }
  return ["invalid", { message: issue.message }];
}

/** Converts zod issues to file issues, one per unknown key. */
export function fromZodIssues(
  issues: readonly z.core.$ZodIssue[],
): FileIssue[] {
  const converted: FileIssue[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      // strictObject's error map sets the message to the list of known keys.
      for (const key of issue.keys) {
        converted.push(
          fileIssue(formatPath([...issue.path, key]), "unknown_field", {
            known: issue.message,
          }),
        );
      }
    } else {
      const [code, params] = classify(issue);
      converted.push(fileIssue(formatPath(issue.path), code, params));
    }
  }
  return converted;
}
