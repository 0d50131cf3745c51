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

/**
 * Outcome of one check. "cancelled" marks a check that needs the round's
 * result (finalized, lottery-seed, tally) on a round that was cancelled
 * instead, so it has no result to check and found nothing wrong.
 */
export type CheckOutcome = "passed" | "failed" | "cancelled";

/** One check: a fixed label, the outcome and what was found. */
export type VerifyCheck = {
  id: CheckId;
  label: string;
  outcome: CheckOutcome;
  /** True unless the outcome is "failed": the check found nothing wrong. */
  ok: boolean;
  /**
   * Description of what was checked when it passed, of the cancellation
   * when the check does not apply, or of the first problems when it failed.
   */
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
    const detail = passedDetail;
    return { id, label, outcome: "passed", ok: true, detail, problems: [] };
  }
  const shown = problems.slice(0, PROBLEMS_IN_DETAIL).join("; ");
  const hidden = problems.length - PROBLEMS_IN_DETAIL;
  const detail = hidden > 0 ? `${shown}; and ${hidden} more` : shown;
  const outcome = "failed";
  return { id, label, outcome, ok: false, detail, problems: [...problems] };
}

/** The RoundCancelled event of a record, as the checks describe it. */
export type Cancellation = {
  block: number;
  transactionHash: string;
  reason: string;
};

/**
 * Builds the outcome of a check that needs the round's result, on a round
 * that was cancelled before it had one.
 */
export function cancelledCheck(
  id: CheckId,
  label: string,
  cancellation: Cancellation,
  consequence: string,
): VerifyCheck {
  return {
    id,
    label,
    outcome: "cancelled",
    ok: true,
    // The reason comes last because it is free text that may end with a
    // full stop of its own.
    detail: `${consequence} because ${describeCancellation(cancellation)}`,
    problems: [],
  };
}

/** Returns "the round was cancelled in block 12 (transaction 0xab…): reason". */
export function describeCancellation(cancellation: Cancellation): string {
  return (
    `the round was cancelled in block ${cancellation.block} ` +
    `(transaction ${cancellation.transactionHash}): ${cancellation.reason}`
  );
}

/**
 * Returns "seat 3 (index 2)" for the registry's seat index 2: the number
 * from 1 that the app and the QR labels show, and the index from 0 that
 * the events and the record use.
 */
export function seatText(index: number): string {
  return `seat ${index + 1} (index ${index})`;
}

/** Returns "1 seat" or "3 seats". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
