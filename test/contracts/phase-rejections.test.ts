import { network } from "hardhat";

import { commitmentOf } from "./fixtures.ts";
import type { Sheet } from "./fixtures.ts";
import { describeRejections, openPhaseRounds } from "./rejections.fixture.ts";
import type { PhaseRounds, Rejection } from "./rejections.fixture.ts";

const { ethers, networkHelpers } = await network.create("hardhat");
const { time } = networkHelpers;

function phaseRounds(): Promise<PhaseRounds> {
  return openPhaseRounds(ethers);
}

const load = () => networkHelpers.loadFixture(phaseRounds);

const scoringDeadline = (r: PhaseRounds) =>
  BigInt(r.scoringPlan.params.scoringDeadline);
const revealDeadline = (r: PhaseRounds) =>
  BigInt(r.revealingPlan.params.revealDeadline);

function reveal(r: PhaseRounds, roundId: bigint, seat: number, sheet: Sheet) {
  return r.deployment.registry.revealSheet(
    roundId,
    seat,
    sheet.scores,
    sheet.comments,
    sheet.salt,
  );
}

/** Copies the pending sheet of the revealing round's seat 1 with one change. */
function changed(r: PhaseRounds, change: Partial<Sheet>): Sheet {
  return { ...r.pending, ...change };
}

function mismatchArgs(r: PhaseRounds, sheet: Sheet) {
  return [
    r.revealing,
    1,
    commitmentOf(r.revealing, 1, sheet),
    commitmentOf(r.revealing, 1, r.pending),
  ];
}

const wrongSalt = (r: PhaseRounds) =>
  changed(r, { salt: "0x" + "42".repeat(32) });
const loweredScore = (r: PhaseRounds) =>
  changed(r, {
    scores: [r.pending.scores[0] - 1, ...r.pending.scores.slice(1)],
  });
const editedComment = (r: PhaseRounds) =>
  changed(r, {
    comments: [r.pending.comments[0] + ".", ...r.pending.comments.slice(1)],
  });

const closes: Rejection[] = [
  {
    name: "closing before the scoring deadline",
    prepare: (r) => time.setNextBlockTimestamp(scoringDeadline(r) - 1n),
    act: (r) => r.deployment.registry.closeScoring(r.scoring),
    error: "RegistryDeadlineNotReached",
    args: (r) => [r.scoring, scoringDeadline(r), scoringDeadline(r) - 1n],
  },
  {
    name: "closing after the deadline with fewer commits than the quorum",
    prepare: (r) => time.setNextBlockTimestamp(scoringDeadline(r)),
    act: (r) => r.deployment.registry.closeScoring(r.scoring),
    error: "RegistryQuorumNotMet",
    args: (r) => [r.scoring, 1, 3],
  },
  {
    name: "closing by an account that is not the round administrator",
    prepare: (r) => time.setNextBlockTimestamp(scoringDeadline(r)),
    act: (r) =>
      r.deployment.registry.connect(r.stranger).closeScoring(r.scoring),
    error: "RegistryNotRoundAdmin",
    args: (r) => [r.scoring, r.stranger.address],
  },
  {
    name: "closing a round that is revealing",
    act: (r) => r.deployment.registry.closeScoring(r.revealing),
    error: "RegistryRoundNotInPhase",
    args: (r) => [r.revealing, 2, 1],
  },
];

const reveals: Rejection[] = [
  {
    name: "a reveal with a wrong salt",
    act: (r) => reveal(r, r.revealing, 1, wrongSalt(r)),
    error: "RegistryCommitmentMismatch",
    args: (r) => mismatchArgs(r, wrongSalt(r)),
  },
  {
    name: "a reveal with a changed score",
    act: (r) => reveal(r, r.revealing, 1, loweredScore(r)),
    error: "RegistryCommitmentMismatch",
    args: (r) => mismatchArgs(r, loweredScore(r)),
  },
  {
    name: "a reveal with a changed comment",
    act: (r) => reveal(r, r.revealing, 1, editedComment(r)),
    error: "RegistryCommitmentMismatch",
    args: (r) => mismatchArgs(r, editedComment(r)),
  },
  {
    name: "a reveal with a score above its criterion's maximum",
    act: (r) => reveal(r, r.revealing, 2, r.overMaximum),
    error: "RegistryScoreAboveMax",
    args: (r) => {
      const maximum = r.revealingPlan.qualitativeMaxima[0];
      return [r.revealing, 2, 0, maximum + 1, maximum];
    },
  },
  {
    name: "a reveal with a missing score",
    act: (r) =>
      reveal(
        r,
        r.revealing,
        1,
        changed(r, { scores: r.pending.scores.slice(1) }),
      ),
    error: "RegistryScoreCountMismatch",
    args: (r) => [r.revealing, 1, 3, 4],
  },
  {
    name: "a reveal with a missing comment",
    act: (r) =>
      reveal(
        r,
        r.revealing,
        1,
        changed(r, { comments: r.pending.comments.slice(1) }),
      ),
    error: "RegistryCommentCountMismatch",
    args: (r) => [r.revealing, 1, 1, 2],
  },
  {
    name: "a second reveal of a seat",
    act: (r) => reveal(r, r.revealing, 0, r.revealed),
    error: "RegistrySeatStateNotAllowed",
    args: (r) => [r.revealing, 0, 3],
  },
  {
    name: "a reveal while scoring",
    act: (r) => reveal(r, r.scoring, 1, r.committed),
    error: "RegistryRoundNotInPhase",
    args: (r) => [r.scoring, 1, 2],
  },
  {
    name: "a reveal at the reveal deadline",
    prepare: (r) => time.setNextBlockTimestamp(revealDeadline(r)),
    act: (r) => reveal(r, r.revealing, 1, r.pending),
    error: "RegistryDeadlinePassed",
    args: (r) => [r.revealing, revealDeadline(r), revealDeadline(r)],
  },
  {
    name: "a reveal in a finalized round",
    act: (r) => reveal(r, r.finalized, 0, r.pending),
    error: "RegistryRoundNotInPhase",
    args: (r) => [r.finalized, 3, 2],
  },
];

const finalizations: Rejection[] = [
  {
    name: "finalizing before the reveal deadline",
    prepare: (r) => time.setNextBlockTimestamp(revealDeadline(r) - 1n),
    act: (r) => r.deployment.registry.finalize(r.revealing),
    error: "RegistryDeadlineNotReached",
    args: (r) => [r.revealing, revealDeadline(r), revealDeadline(r) - 1n],
  },
  {
    name: "finalizing after the deadline with fewer reveals than the quorum",
    prepare: (r) => time.setNextBlockTimestamp(revealDeadline(r)),
    act: (r) => r.deployment.registry.finalize(r.revealing),
    error: "RegistryQuorumNotMet",
    args: (r) => [r.revealing, 1, 3],
  },
  {
    name: "finalizing while scoring",
    act: (r) => r.deployment.registry.finalize(r.scoring),
    error: "RegistryRoundNotInPhase",
    args: (r) => [r.scoring, 1, 2],
  },
  {
    name: "finalizing a finalized round",
    act: (r) => r.deployment.registry.finalize(r.finalized),
    error: "RegistryRoundNotInPhase",
    args: (r) => [r.finalized, 3, 2],
  },
];

const cancellations: Rejection[] = [
  {
    name: "cancelling by an account that is not the round administrator",
    act: (r) =>
      r.deployment.registry.connect(r.stranger).cancelRound(r.scoring, "No."),
    error: "RegistryNotRoundAdmin",
    args: (r) => [r.scoring, r.stranger.address],
  },
  {
    name: "cancelling a finalized round",
    act: (r) => r.deployment.registry.cancelRound(r.finalized, "Too late."),
    error: "RegistryRoundEnded",
    args: (r) => [r.finalized, 3],
  },
  {
    name: "cancelling a cancelled round",
    act: (r) => r.deployment.registry.cancelRound(r.cancelled, "Again."),
    error: "RegistryRoundEnded",
    args: (r) => [r.cancelled, 4],
  },
  {
    name: "cancelling with an empty reason",
    act: (r) => r.deployment.registry.cancelRound(r.revealing, ""),
    error: "RegistryEmptyReason",
    args: (r) => [r.revealing],
  },
];

const reads: Rejection[] = [
  {
    name: "reading the result of a round that is not finalized",
    act: (r) => r.deployment.registry.getResult(r.revealing),
    error: "RegistryRoundNotInPhase",
    args: (r) => [r.revealing, 2, 3],
  },
  {
    name: "reading the scores of a seat that is not revealed",
    act: (r) => r.deployment.registry.getRevealedScores(r.revealing, 1),
    error: "RegistrySeatStateNotAllowed",
    args: (r) => [r.revealing, 1, 2],
  },
  {
    name: "reading an unknown round",
    act: (r) => r.deployment.registry.getRound(99n),
    error: "RegistryUnknownRound",
    args: () => [99],
  },
  {
    name: "reading a seat beyond the seat count",
    act: (r) => r.deployment.registry.getSeat(r.scoring, 7),
    error: "RegistryUnknownSeat",
    args: (r) => [r.scoring, 7, 5],
  },
];

describeRejections("EvaluationRegistry closing", closes, load);
describeRejections("EvaluationRegistry reveals", reveals, load);
describeRejections("EvaluationRegistry finalization", finalizations, load);
describeRejections("EvaluationRegistry cancellation", cancellations, load);
describeRejections("EvaluationRegistry views", reads, load);
