// The outcome of one verification check, as the CLI and the web app show it.

/** The checks `verifyRecord` runs, in the order it reports them. */
export const CHECK_IDS = [
  "finalized",
  "sequence",
  "claims-signed",
  "pledges-signed",
  "sheets-signed",
  "recusals-signed",
  "reveals-match",
  "lottery-seed",
  "tally",
  "counts",
  "escrow",
] as const;

export type CheckId = (typeof CHECK_IDS)[number];

/** One check: a fixed label, the outcome and what was found. */
export type VerifyCheck = {
  id: CheckId;
  label: string;
  ok: boolean;
  /** What was checked when it passed, or the first problems when it failed. */
  detail: string;
  /** Every problem found; empty when the check passed. */
  problems: string[];
};

/** Problems listed in `detail` before "and N more". */
const PROBLEMS_IN_DETAIL = 3;

/** Builds a check that passes when `problems` is empty. */
export function makeCheck(
  id: CheckId,
  label: string,
  problems: readonly string[],
  passedDetail: string,
): VerifyCheck {
  if (problems.length === 0) {
    return { id, label, ok: true, detail: passedDetail, problems: [] };
  }
  const shown = problems.slice(0, PROBLEMS_IN_DETAIL).join("; ");
  const hidden = problems.length - PROBLEMS_IN_DETAIL;
  const detail = hidden > 0 ? `${shown}; and ${hidden} more` : shown;
  return { id, label, ok: false, detail, problems: [...problems] };
}

/** Returns "1 seat" or "3 seats". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
