import {
  RoundFileError,
  parseRoundFile,
  type FileIssue,
} from "../../../core/index.ts";
import {
  roundFileToDraft,
  type FileLike,
  type RoundDraft,
} from "./round-form.ts";

/** The form draft and the issues read from an uploaded round file. */
export interface RoundUpload {
  /** The form filled from the file; undefined when the file is no object. */
  draft?: RoundDraft;
  /** Every problem core's schema finds, empty for a valid round. */
  issues: readonly FileIssue[];
}

function issuesOf(input: unknown): readonly FileIssue[] {
  try {
    parseRoundFile(input);
    return [];
  } catch (error) {
    if (error instanceof RoundFileError) return error.issues;
    throw error;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Reads an uploaded round or case file. A case file's sheets and expected
 * results are dropped, since a round is created without them. Text that is
 * not JSON, or JSON that is not an object, fills nothing and comes back as
 * core's issue, so that it is shown in the console's language.
 */
export function readRoundUpload(text: string): RoundUpload {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { issues: issuesOf(text) };
  }
  if (!isPlainObject(parsed)) return { issues: issuesOf(parsed) };

  const { sheets: _sheets, expected: _expected, ...round } = parsed;
  let draft: RoundDraft | undefined;
  try {
    draft = roundFileToDraft(round as FileLike);
  } catch {
    // A list field that is not a list cannot fill the form; the issues
    // below name it.
    draft = undefined;
  }
  return { draft, issues: issuesOf(round) };
}
