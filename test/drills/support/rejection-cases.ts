// The steps of the rejection drill: three rounds on one chain, driven
// through every phase, with each wrong action sent at the point where it
// is wrong.
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";

import { computeCommitment, randomSalt } from "../../../core/index.ts";
import { claimCall, commitCall, revealCall, type Sealed } from "./calls.ts";
import {
  claimSeats,
  commitSeat,
  deadlineArgs,
  notInPhase,
  PHASE,
  reject,
  send,
  signSeatCommit,
  SEAT,
  type Bench,
} from "./rejection-bench.ts";
import { readRound, readRoundCount, type DrillRound } from "./rounds.ts";

/** Finishes a round with every seat, then sends actions to it. */
export async function finishedRound(bench: Bench, round: DrillRound) {
  const { roundId } = round;
  await claimSeats(bench, round, [0, 1, 2]);
  const sealed: Sealed[] = [];
  for (const seat of [0, 1, 2])
    sealed.push(await commitSeat(bench, round, seat));
  for (const seat of [0, 1, 2]) {
    const call = revealCall(roundId, seat, sealed[seat]);
    await send(bench, round.seats[seat].device, call);
  }
  const phase = (await readRound(bench.chain.session, roundId)).phase;
  bench.checks.equal(phase, PHASE.finalized, "phase after the last reveal");

  const device = round.seats[0].device;
  const { finalized } = PHASE;
  await reject(
    bench,
    "commit to a finalized round",
    roundId,
    device,
    commitCall(await signSeatCommit(bench, round, 0)),
    notInPhase(roundId, finalized, PHASE.scoring),
  );
  await reject(
    bench,
    "reveal in a finalized round",
    roundId,
    device,
    revealCall(roundId, 0, sealed[0]),
    notInPhase(roundId, finalized, PHASE.revealing),
  );
  await reject(
    bench,
    "finalize a finalized round",
    roundId,
    device,
    { functionName: "finalize", args: [roundId] },
    notInPhase(roundId, finalized, PHASE.revealing),
  );
  await reject(
    bench,
    "cancel a finalized round",
    roundId,
    bench.chain.admin,
    { functionName: "cancelRound", args: [roundId, "drill"] },
    { name: "RegistryRoundEnded", args: [roundId, finalized] },
  );
}

/** Cancels a round while scoring, then sends actions to it. */
export async function cancelledRound(bench: Bench, round: DrillRound) {
  const { roundId } = round;
  const admin = bench.chain.admin;
  await claimSeats(bench, round, [0]);
  const device = round.seats[0].device;
  await reject(
    bench,
    "cancel by a key that is not the round admin",
    roundId,
    device,
    { functionName: "cancelRound", args: [roundId, "drill"] },
    { name: "RegistryNotRoundAdmin", args: [roundId, device.address] },
  );
  await reject(
    bench,
    "cancel with an empty reason",
    roundId,
    admin,
    { functionName: "cancelRound", args: [roundId, ""] },
    { name: "RegistryEmptyReason", args: [roundId] },
  );
  await send(bench, admin, {
    functionName: "cancelRound",
    args: [roundId, "drill"],
  });

  const { cancelled } = PHASE;
  await reject(
    bench,
    "commit to a cancelled round",
    roundId,
    device,
    commitCall(await signSeatCommit(bench, round, 0)),
    notInPhase(roundId, cancelled, PHASE.scoring),
  );
  const { invite, device: second } = round.seats[1];
  await reject(
    bench,
    "claim in a cancelled round",
    roundId,
    second,
    await claimCall(bench.domain, roundId, 1, invite, second),
    notInPhase(roundId, cancelled, PHASE.scoring),
  );
  await reject(
    bench,
    "cancel a cancelled round",
    roundId,
    admin,
    { functionName: "cancelRound", args: [roundId, "again"] },
    { name: "RegistryRoundEnded", args: [roundId, cancelled] },
  );
}

/** What the main round's later steps need from its scoring phase. */
export interface ScoredRound {
  /** Seat 0's sheet, which opens its commitment. */
  sealed: Sealed;
  /** Seat 2's sheet, committed with a score above its criterion's maximum. */
  overMaximum: Sealed;
}

/** Score index, value and maximum of seat 2's score above the maximum. */
export const OVER_MAXIMUM = { index: 2, score: 4001, maxPoints: 4000 };

/**
 * The main round while scoring: invite reuse, early and wrong-phase
 * actions, commits from unbound devices and unknown seats and rounds.
 */
export async function scoringPhase(
  bench: Bench,
  round: DrillRound,
  scoringDeadline: bigint,
): Promise<ScoredRound> {
  const { roundId, seats } = round;
  const { domain, chain } = bench;
  const { admin } = chain;
  const [zero, one, two] = seats;
  await claimSeats(bench, round, [0]);

  await reject(
    bench,
    "second claim with a used invite",
    roundId,
    one.device,
    await claimCall(domain, roundId, 0, zero.invite, one.device),
    { name: "RegistryInviteUsed", args: [roundId, 0, zero.invite.address] },
  );
  await reject(
    bench,
    "used invite on another seat",
    roundId,
    one.device,
    await claimCall(domain, roundId, 1, zero.invite, one.device),
    { name: "RegistryInviteUsed", args: [roundId, 1, zero.invite.address] },
  );
  await reject(
    bench,
    "invite of another seat",
    roundId,
    one.device,
    await claimCall(domain, roundId, 2, one.invite, one.device),
    {
      name: "RegistryInviteMismatch",
      args: [roundId, 2, one.invite.address, two.invite.address],
    },
  );
  await reject(
    bench,
    "reveal while scoring",
    roundId,
    zero.device,
    revealCall(roundId, 0, { ...round.sheets[0], salt: randomSalt() }),
    notInPhase(roundId, PHASE.scoring, PHASE.revealing),
  );
  await reject(
    bench,
    "close scoring before its deadline",
    roundId,
    admin,
    { functionName: "closeScoring", args: [roundId] },
    {
      name: "RegistryDeadlineNotReached",
      args: deadlineArgs(roundId, scoringDeadline, false),
    },
  );
  await reject(
    bench,
    "finalize while scoring",
    roundId,
    zero.device,
    { functionName: "finalize", args: [roundId] },
    notInPhase(roundId, PHASE.scoring, PHASE.revealing),
  );

  const unclaimed = await signSeatCommit(bench, round, 1);
  await reject(
    bench,
    "commit for a seat nobody claimed",
    roundId,
    one.device,
    commitCall(unclaimed),
    { name: "RegistrySeatStateNotAllowed", args: [roundId, 1, SEAT.invited] },
  );
  const foreign = await signSeatCommit(
    bench,
    { ...round, seats: [{ ...zero, device: one.device }, one, two] },
    0,
  );
  await reject(
    bench,
    "commit signed by a device not bound to the seat",
    roundId,
    one.device,
    commitCall(foreign),
    {
      name: "RegistryDeviceMismatch",
      args: [roundId, 0, one.device.address, zero.device.address],
    },
  );

  const newInvite = privateKeyToAccount(generatePrivateKey());
  await reject(
    bench,
    "reissue by a key that is not the round admin",
    roundId,
    zero.device,
    { functionName: "reissueSeat", args: [roundId, 2, newInvite.address] },
    { name: "RegistryNotRoundAdmin", args: [roundId, zero.device.address] },
  );
  await send(bench, admin, {
    functionName: "reissueSeat",
    args: [roundId, 2, newInvite.address],
  });
  await reject(
    bench,
    "claim with the invite a reissue replaced",
    roundId,
    two.device,
    await claimCall(domain, roundId, 2, two.invite, two.device),
    { name: "RegistryInviteUsed", args: [roundId, 2, two.invite.address] },
  );
  await send(
    bench,
    two.device,
    await claimCall(domain, roundId, 2, newInvite, two.device),
  );

  const sealed = await commitSeat(bench, round, 0);
  const scores = [...round.sheets[2].scores];
  scores[OVER_MAXIMUM.index] = OVER_MAXIMUM.score;
  const overMaximum = await commitSeat(bench, round, 2, scores);

  await reject(
    bench,
    "close scoring by a key that is not the round admin",
    roundId,
    zero.device,
    { functionName: "closeScoring", args: [roundId] },
    { name: "RegistryNotRoundAdmin", args: [roundId, zero.device.address] },
  );
  const outside = await signSeatCommit(
    bench,
    {
      ...round,
      seats: [...seats, zero],
      sheets: [...round.sheets, round.sheets[0]],
    },
    3,
  );
  await reject(
    bench,
    "commit for a seat the round does not have",
    roundId,
    zero.device,
    commitCall(outside),
    { name: "RegistryUnknownSeat", args: [roundId, 3, 3] },
  );
  const missing = (await readRoundCount(chain.session)) + 1n;
  await reject(
    bench,
    "commit to a round that does not exist",
    missing,
    zero.device,
    commitCall({
      ...(await signSeatCommit(bench, round, 0)),
      roundId: missing,
    }),
    { name: "RegistryUnknownRound", args: [missing] },
  );
  return { sealed, overMaximum };
}
