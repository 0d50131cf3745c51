// The rejection drill's main round after its scoring deadline: late
// commits, actions that belong to scoring, wrong reveals, and the reveal
// deadline.
import { computeCommitment, randomSalt } from "../../../core/index.ts";
import { claimCall, commitCall, revealCall, type Sealed } from "./calls.ts";
import {
  deadlineArgs,
  notInPhase,
  PHASE,
  reject,
  send,
  signSeatCommit,
  SEAT,
  type Bench,
} from "./rejection-bench.ts";
import { OVER_MAXIMUM, type ScoredRound } from "./rejection-cases.ts";
import { readRound, type DrillRound } from "./rounds.ts";

/** Sends a late commit, then closes scoring as the administrator. */
export async function afterScoringDeadline(
  bench: Bench,
  round: DrillRound,
  scoringDeadline: bigint,
): Promise<void> {
  const { roundId } = round;
  await reject(
    bench,
    "commit after the scoring deadline",
    roundId,
    round.seats[0].device,
    commitCall(await signSeatCommit(bench, round, 0)),
    {
      name: "RegistryDeadlinePassed",
      args: deadlineArgs(roundId, scoringDeadline, true),
    },
  );
  await send(bench, bench.chain.admin, {
    functionName: "closeScoring",
    args: [roundId],
  });
  const phase = (await readRound(bench.chain.session, roundId)).phase;
  bench.checks.equal(phase, PHASE.revealing, "phase after closeScoring");
}

/** Sends reveals whose salt, scores or comments differ from the commitment. */
async function wrongReveals(
  bench: Bench,
  round: DrillRound,
  sealed: Sealed,
): Promise<void> {
  const { roundId } = round;
  const device = round.seats[0].device;
  const committed = computeCommitment({ roundId, seat: 0, ...sealed });
  const scores = [...sealed.scores];
  scores[0] = scores[0] === 0 ? 1 : scores[0] - 1;
  const comments = [...sealed.comments];
  comments[0] = `${comments[0]} (edited)`;
  const altered: [string, Sealed][] = [
    ["reveal with a wrong salt", { ...sealed, salt: randomSalt() }],
    ["reveal with a changed score", { ...sealed, scores }],
    ["reveal with a changed comment", { ...sealed, comments }],
  ];
  for (const [label, opening] of altered) {
    const computed = computeCommitment({ roundId, seat: 0, ...opening });
    await reject(
      bench,
      label,
      roundId,
      device,
      revealCall(roundId, 0, opening),
      {
        name: "RegistryCommitmentMismatch",
        args: [roundId, 0, computed, committed],
      },
    );
  }
  const short = { ...sealed, scores: sealed.scores.slice(1) };
  await reject(
    bench,
    "reveal with a score missing",
    roundId,
    device,
    revealCall(roundId, 0, short),
    {
      name: "RegistryScoreCountMismatch",
      args: [
        roundId,
        0,
        BigInt(sealed.scores.length - 1),
        BigInt(sealed.scores.length),
      ],
    },
  );
}

/** Sends scoring actions while revealing, wrong reveals and an early finalize. */
export async function revealingPhase(
  bench: Bench,
  round: DrillRound,
  scored: ScoredRound,
  revealDeadline: bigint,
): Promise<void> {
  const { roundId, seats } = round;
  const { admin } = bench.chain;
  const revealing = PHASE.revealing;
  const toScoring = notInPhase(roundId, revealing, PHASE.scoring);
  await reject(
    bench,
    "commit while revealing",
    roundId,
    seats[0].device,
    commitCall(await signSeatCommit(bench, round, 0)),
    toScoring,
  );
  await reject(
    bench,
    "claim while revealing",
    roundId,
    seats[1].device,
    await claimCall(bench.domain, roundId, 1, seats[1].invite, seats[1].device),
    toScoring,
  );
  await reject(
    bench,
    "reissue while revealing",
    roundId,
    admin,
    {
      functionName: "reissueSeat",
      args: [roundId, 1, seats[2].invite.address],
    },
    toScoring,
  );
  await reject(
    bench,
    "close scoring twice",
    roundId,
    admin,
    { functionName: "closeScoring", args: [roundId] },
    toScoring,
  );

  await wrongReveals(bench, round, scored.sealed);
  await reject(
    bench,
    "reveal for a seat that never committed",
    roundId,
    seats[1].device,
    revealCall(roundId, 1, { ...round.sheets[1], salt: randomSalt() }),
    { name: "RegistrySeatStateNotAllowed", args: [roundId, 1, SEAT.invited] },
  );
  const { index, score, maxPoints } = OVER_MAXIMUM;
  await reject(
    bench,
    "reveal with a score above the maximum",
    roundId,
    seats[2].device,
    revealCall(roundId, 2, scored.overMaximum),
    {
      name: "RegistryScoreAboveMax",
      args: [roundId, 2, BigInt(index), score, maxPoints],
    },
  );
  await reject(
    bench,
    "finalize before the reveal deadline",
    roundId,
    seats[0].device,
    { functionName: "finalize", args: [roundId] },
    {
      name: "RegistryDeadlineNotReached",
      args: deadlineArgs(roundId, revealDeadline, false),
    },
  );

  await send(bench, seats[0].device, revealCall(roundId, 0, scored.sealed));
  await reject(
    bench,
    "second reveal of a seat",
    roundId,
    seats[0].device,
    revealCall(roundId, 0, scored.sealed),
    { name: "RegistrySeatStateNotAllowed", args: [roundId, 0, SEAT.revealed] },
  );
}

/** Sends a late reveal and a finalize with fewer reveals than the quorum. */
export async function afterRevealDeadline(
  bench: Bench,
  round: DrillRound,
  scored: ScoredRound,
  revealDeadline: bigint,
): Promise<void> {
  const { roundId, seats } = round;
  await reject(
    bench,
    "reveal after the reveal deadline",
    roundId,
    seats[2].device,
    revealCall(roundId, 2, scored.overMaximum),
    {
      name: "RegistryDeadlinePassed",
      args: deadlineArgs(roundId, revealDeadline, true),
    },
  );
  await reject(
    bench,
    "finalize without the quorum",
    roundId,
    seats[0].device,
    { functionName: "finalize", args: [roundId] },
    { name: "RegistryQuorumNotMet", args: [roundId, 1, 2] },
  );
  const status = await readRound(bench.chain.session, roundId);
  bench.checks.equal(status.phase, PHASE.revealing, "phase at the end");
  bench.checks.equal(status.revealed, 1, "revealed seats at the end");
}
