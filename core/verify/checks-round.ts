import { size } from "viem";
import { ROUND_PHASES } from "../enums.ts";
import { cancelledCheck, makeCheck, plural, seatText } from "./check.ts";
import type { VerifyCheck } from "./check.ts";
import { byPosition } from "./logs.ts";
import type { EvaluationRecord, RecordCommit } from "./record.ts";
import { qualitativeCount } from "./spec.ts";
import { countStates } from "./timeline.ts";
import type { Replay } from "./timeline.ts";

// The checks on the round as a whole: its phase, the order of its events,
// the seat counts that the registry keeps, and the escrow copies.

/** Version byte and minimum length of an escrow blob, as the registry checks. */
const ESCROW_VERSION_BYTE = "01";
const ESCROW_MIN_BYTES = 1 + 33 + 24 + 16;

/**
 * Checks that the round reached a result. A round that was cancelled
 * before it had one reports the cancellation instead of a failure.
 */
export function checkFinalized(record: EvaluationRecord): VerifyCheck {
  const label = "The round is finalized";
  const { result, cancellation } = record;
  if (result !== null) {
    return makeCheck(
      "finalized",
      label,
      [],
      `in block ${result.block}, transaction ${result.transactionHash}`,
    );
  }
  if (cancellation !== null) {
    return cancelledCheck("finalized", label, cancellation, "it has no result");
  }
  const problem =
    `the round is ${ROUND_PHASES[record.status.phase] ?? "in an unknown phase"} ` +
    `as of block ${record.asOf.block}, so there is no result yet`;
  return makeCheck("finalized", label, [problem], "");
}

/** Checks that every event came where the registry allows it. */
export function checkSequence(replay: Replay): VerifyCheck {
  return makeCheck(
    "sequence",
    "Every event came in a phase and seat state that allows it",
    replay.problems,
    `the events replay as the registry's seat and phase rules require`,
  );
}

/** Compares the registry's counters with the counts the events give. */
export function checkCounts(
  record: EvaluationRecord,
  replay: Replay,
): VerifyCheck {
  const { status, closing, result } = record;
  const { params } = record.created;
  const states = countStates(replay.states);
  const claimed = states.claimed + states.committed + states.revealed;
  const committed = states.committed + states.revealed;
  const problems: string[] = [];
  const compare = (what: string, recorded: number, counted: number) => {
    if (recorded !== counted) {
      problems.push(`${what} is ${recorded}, but the events give ${counted}`);
    }
  };

  compare("getRound seats", status.seats, replay.seatCount);
  compare("getRound bidders", status.bidders, params.bidders.length);
  compare("getRound criteria", status.criteria, params.criteria.length);
  compare(
    "getRound qualitativeCriteria",
    status.qualitativeCriteria,
    qualitativeCount(params),
  );
  compare(
    "getRound minEvaluators",
    status.minEvaluators,
    params.rules.minEvaluators,
  );
  compare("getRound claimed", status.claimed, claimed);
  compare("getRound committed", status.committed, committed);
  compare("getRound revealed", status.revealed, states.revealed);
  compare("getRound recused", status.recused, states.recused);
  const phase = ROUND_PHASES.indexOf(replay.phase);
  if (status.phase !== phase) {
    problems.push(
      `getRound phase is ${ROUND_PHASES[status.phase] ?? status.phase}, but the events end ${replay.phase}`,
    );
  }

  let absentText = "scoring has not closed";
  if (closing !== null && replay.atClose !== undefined) {
    const { committed: atClose, recused } = replay.atClose;
    const absent = replay.seatCount - atClose - recused;
    compare("ScoringClosed committed", closing.committed, atClose);
    compare("ScoringClosed absent", closing.absent, absent);
    absentText = `${absent} absent at close`;
  }
  if (result !== null) {
    const before = record.reveals.filter(
      (reveal) => byPosition(reveal, result) < 0,
    ).length;
    compare("RoundFinalized revealedSeats", result.revealedSeats, before);
    if (before < params.rules.minEvaluators) {
      problems.push(
        `the result is computed from ${before} sheets, fewer than minEvaluators ${params.rules.minEvaluators}`,
      );
    }
  }
  return makeCheck(
    "counts",
    "Seat counts (claimed, committed, revealed, recused, absent) agree with the events",
    problems,
    `${plural(replay.seatCount, "seat")}: ${claimed} claimed, ${committed} committed, ` +
      `${states.revealed} revealed, ${states.recused} recused, ${absentText}`,
  );
}

function escrowProblem(commit: RecordCommit): string | undefined {
  const length = size(commit.escrow);
  if (length === 0)
    return `${seatText(commit.seat)} committed without an escrow copy`;
  const version = commit.escrow.slice(2, 4);
  if (version !== ESCROW_VERSION_BYTE || length < ESCROW_MIN_BYTES) {
    return (
      `${seatText(commit.seat)}: the escrow copy has ${length} bytes and version 0x${version}, ` +
      `not version 0x01 of at least ${ESCROW_MIN_BYTES} bytes`
    );
  }
  return undefined;
}

/** Checks that the sealed sheet of every committed seat has an escrow copy. */
export function checkEscrow(replay: Replay): VerifyCheck {
  const latest = new Map<number, RecordCommit>();
  for (const { commit } of replay.commits) latest.set(commit.seat, commit);
  const problems = [...latest.values()]
    .map(escrowProblem)
    .filter((problem) => problem !== undefined);
  return makeCheck(
    "escrow",
    "Every committed sheet carries an escrow copy",
    problems,
    `${plural(latest.size, "sealed sheet")} with an escrow copy of version 1`,
  );
}
