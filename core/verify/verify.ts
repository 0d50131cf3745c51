import {
  checkFinalized,
  checkCounts,
  checkEscrow,
  checkSequence,
} from "./checks-round.ts";
import {
  checkClaims,
  checkPledges,
  checkRecusals,
  checkSheets,
} from "./checks-signatures.ts";
import { checkLotterySeed, checkReveals, checkTally } from "./checks-sheets.ts";
import type { Cancellation, VerifyCheck } from "./check.ts";
import type { EvaluationRecord } from "./record.ts";
import { replayRecord } from "./timeline.ts";

export { CHECK_IDS, describeCancellation } from "./check.ts";
export type {
  Cancellation,
  CheckId,
  CheckOutcome,
  VerifyCheck,
} from "./check.ts";

/**
 * The outcome of `verifyRecord`: every check, whether none failed, and the
 * round's cancellation when it was cancelled before a result.
 */
export type VerifyReport = {
  ok: boolean;
  checks: VerifyCheck[];
  cancelled: Cancellation | null;
};

/**
 * Runs every check on an evaluation record: signatures against the keys the
 * registry required, reveals against their commitments, the lottery seed
 * and the result against a recomputation with core's reference tally, the
 * registry's counters against the events, and the escrow copies. On a
 * cancelled round the checks that need a result report the cancellation,
 * and every other check runs as usual. Needs no network, so it runs the
 * same on a record fetched a moment ago from RPC and on a record read from
 * a file.
 */
export async function verifyRecord(
  record: EvaluationRecord,
): Promise<VerifyReport> {
  const replay = replayRecord(record);
  const signatures = await Promise.all([
    checkClaims(record, replay),
    checkPledges(record, replay),
    checkSheets(record, replay),
    checkRecusals(record, replay),
  ]);
  const checks = [
    checkFinalized(record),
    checkSequence(replay),
    ...signatures,
    checkReveals(record, replay),
    checkLotterySeed(record),
    checkTally(record),
    checkCounts(record, replay),
    checkEscrow(replay),
  ];
  const { result, cancellation } = record;
  const cancelled =
    result === null && cancellation !== null
      ? {
          block: cancellation.block,
          transactionHash: cancellation.transactionHash,
          reason: cancellation.reason,
        }
      : null;
  return { ok: checks.every((check) => check.ok), checks, cancelled };
}
