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
import type { VerifyCheck } from "./check.ts";
import type { EvaluationRecord } from "./record.ts";
import { replayRecord } from "./timeline.ts";

export { CHECK_IDS } from "./check.ts";
export type { CheckId, VerifyCheck } from "./check.ts";

/** The outcome of `verifyRecord`: every check, and whether all passed. */
export type VerifyReport = {
  ok: boolean;
  checks: VerifyCheck[];
};

/**
 * Runs every check on an evaluation record: signatures against the keys the
 * registry required, reveals against their commitments, the lottery seed
 * and the result against a recomputation with core's reference tally, the
 * registry's counters against the events, and the escrow copies. Needs no
 * network, so it runs the same on a record fetched a moment ago from RPC
 * and on a record read from a file.
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
  return { ok: checks.every((check) => check.ok), checks };
}
