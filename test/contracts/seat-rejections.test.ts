import { ZeroAddress, ZeroHash, verifyTypedData } from "ethers";
import type { TypedDataDomain, Wallet } from "ethers";
import { network } from "hardhat";

import {
  TYPES,
  commitmentOf,
  randomWallet,
  signClaim,
  signRecusal,
  signSheet,
} from "./fixtures.ts";
import type { SeatKeys } from "./fixtures.ts";
import { describeRejections, openPhaseRounds } from "./rejections.fixture.ts";
import type { PhaseRounds, Rejection } from "./rejections.fixture.ts";

const { ethers, networkHelpers } = await network.create("hardhat");

function phaseRounds(): Promise<PhaseRounds> {
  return openPhaseRounds(ethers);
}

const load = () => networkHelpers.loadFixture(phaseRounds);

async function claim(
  rounds: PhaseRounds,
  roundId: bigint,
  seat: number,
  keys: SeatKeys,
  domain: TypedDataDomain = rounds.deployment.domain,
) {
  const signed = await signClaim(domain, roundId, seat, keys);
  return rounds.deployment.registry.claimSeat(
    roundId,
    seat,
    signed.device,
    signed.pledgeHash,
    signed.inviteSig,
    signed.pledgeSig,
  );
}

/** Returns the invite address the registry recovers from a Claim signed in `domain`. */
async function claimSigner(
  rounds: PhaseRounds,
  domain: TypedDataDomain,
  seat: number,
  keys: SeatKeys,
): Promise<string> {
  const signed = await signClaim(domain, rounds.scoring, seat, keys);
  const message = { roundId: rounds.scoring, seat, device: signed.device };
  const types = { Claim: [...TYPES.Claim] };
  return verifyTypedData(
    rounds.deployment.domain,
    types,
    message,
    signed.inviteSig,
  );
}

/** Signs a Sheet for seat 0 of the scoring round with changed fields. */
async function foreignSheet(
  rounds: PhaseRounds,
  change: { domain?: TypedDataDomain; roundId?: bigint; seat?: number },
) {
  const device = rounds.scoringPlan.keys[0].device;
  const commitment = commitmentOf(rounds.scoring, 0, rounds.committed);
  const signature = await signSheet(
    change.domain ?? rounds.deployment.domain,
    device,
    change.roundId ?? rounds.scoring,
    change.seat ?? 0,
    commitment,
  );
  const signer = verifyTypedData(
    rounds.deployment.domain,
    { Sheet: [...TYPES.Sheet] },
    { roundId: rounds.scoring, seat: 0, commitment },
    signature,
  );
  return { commitment, signature, signer, device: device.address };
}

function commitForeign(
  rounds: PhaseRounds,
  change: Parameters<typeof foreignSheet>[1],
) {
  return foreignSheet(rounds, change).then(({ commitment, signature }) =>
    rounds.deployment.registry.commitSheet(
      rounds.scoring,
      0,
      commitment,
      signature,
      "0x",
    ),
  );
}

function foreignSheetArgs(
  rounds: PhaseRounds,
  change: Parameters<typeof foreignSheet>[1],
) {
  return foreignSheet(rounds, change).then(({ signer, device }) => [
    rounds.scoring,
    0,
    signer,
    device,
  ]);
}

async function commitAs(
  rounds: PhaseRounds,
  roundId: bigint,
  seat: number,
  device: Wallet,
  escrow = "0x",
  commitment = commitmentOf(roundId, seat, rounds.committed),
) {
  const domain = rounds.deployment.domain;
  const signature = await signSheet(domain, device, roundId, seat, commitment);
  return rounds.deployment.registry.commitSheet(
    roundId,
    seat,
    commitment,
    signature,
    escrow,
  );
}

async function recuseAs(
  rounds: PhaseRounds,
  roundId: bigint,
  seat: number,
  device: Wallet,
  reason = "Conflict of interest.",
) {
  const domain = rounds.deployment.domain;
  const signature = await signRecusal(domain, device, roundId, seat, reason);
  return rounds.deployment.registry.recuse(roundId, seat, reason, signature);
}

const keysOf = (rounds: PhaseRounds, seat: number) =>
  rounds.scoringPlan.keys[seat];
const otherChain = (rounds: PhaseRounds) => ({
  ...rounds.deployment.domain,
  chainId: 1n,
});
const otherRegistry = (rounds: PhaseRounds) => ({
  ...rounds.deployment.domain,
  verifyingContract: "0x1111111111111111111111111111111111111111",
});

const claims: Rejection[] = [
  {
    name: "a claim with an invite that already claimed",
    act: (r) =>
      claim(r, r.scoring, 0, {
        invite: keysOf(r, 0).invite,
        device: randomWallet(),
      }),
    error: "RegistryInviteUsed",
    args: (r) => [r.scoring, 0, keysOf(r, 0).invite.address],
  },
  {
    name: "a claim signed by another seat's invite",
    act: (r) =>
      claim(r, r.scoring, 2, {
        invite: keysOf(r, 3).invite,
        device: randomWallet(),
      }),
    error: "RegistryInviteMismatch",
    args: (r) => [
      r.scoring,
      2,
      keysOf(r, 3).invite.address,
      keysOf(r, 2).invite.address,
    ],
  },
  {
    name: "a claim signed for another chain id",
    act: (r) => claim(r, r.scoring, 2, keysOf(r, 2), otherChain(r)),
    error: "RegistryInviteMismatch",
    args: async (r) => [
      r.scoring,
      2,
      await claimSigner(r, otherChain(r), 2, keysOf(r, 2)),
      keysOf(r, 2).invite.address,
    ],
  },
  {
    name: "a claim signed for another registry",
    act: (r) => claim(r, r.scoring, 2, keysOf(r, 2), otherRegistry(r)),
    error: "RegistryInviteMismatch",
    args: async (r) => [
      r.scoring,
      2,
      await claimSigner(r, otherRegistry(r), 2, keysOf(r, 2)),
      keysOf(r, 2).invite.address,
    ],
  },
  {
    name: "a claim with a malformed invite signature",
    act: async (r) => {
      const signed = await signClaim(
        r.deployment.domain,
        r.scoring,
        2,
        keysOf(r, 2),
      );
      return r.deployment.registry.claimSeat(
        r.scoring,
        2,
        signed.device,
        signed.pledgeHash,
        "0x1234",
        signed.pledgeSig,
      );
    },
    error: "RegistryInviteMismatch",
    args: (r) => [r.scoring, 2, ZeroAddress, keysOf(r, 2).invite.address],
  },
  {
    name: "a pledge signed by a key other than the device",
    act: async (r) => {
      const keys = keysOf(r, 2);
      const signed = await signClaim(r.deployment.domain, r.scoring, 2, keys);
      const stranger = await signClaim(r.deployment.domain, r.scoring, 2, {
        invite: keys.invite,
        device: keysOf(r, 3).device,
      });
      return r.deployment.registry.claimSeat(
        r.scoring,
        2,
        signed.device,
        signed.pledgeHash,
        signed.inviteSig,
        stranger.pledgeSig,
      );
    },
    error: "RegistryDeviceMismatch",
    args: (r) => [
      r.scoring,
      2,
      keysOf(r, 3).device.address,
      keysOf(r, 2).device.address,
    ],
  },
  {
    name: "a claim in the revealing phase",
    act: (r) => claim(r, r.revealing, 0, r.revealingPlan.keys[0]),
    error: "RegistryRoundNotInPhase",
    args: (r) => [r.revealing, 2, 1],
  },
  {
    name: "a claim in an unknown round",
    act: (r) => claim(r, 99n, 0, keysOf(r, 2)),
    error: "RegistryUnknownRound",
    args: () => [99],
  },
  {
    name: "a claim of a seat beyond the seat count",
    act: (r) => claim(r, r.scoring, 5, keysOf(r, 2)),
    error: "RegistryUnknownSeat",
    args: (r) => [r.scoring, 5, 5],
  },
];

const reissues: Rejection[] = [
  {
    name: "a reissue by an account that is not the round administrator",
    act: (r) =>
      r.deployment.registry
        .connect(r.stranger)
        .reissueSeat(r.scoring, 2, randomWallet().address),
    error: "RegistryNotRoundAdmin",
    args: (r) => [r.scoring, r.stranger.address],
  },
  {
    name: "a reissue by an administrator whose role was revoked",
    prepare: async (r) => {
      const { registry, admin } = r.deployment;
      await registry.revokeRole(
        await registry.ROUND_ADMIN_ROLE(),
        admin.address,
      );
    },
    act: (r) =>
      r.deployment.registry.reissueSeat(r.scoring, 2, randomWallet().address),
    error: "RegistryNotRoundAdmin",
    args: (r) => [r.scoring, r.deployment.admin.address],
  },
  {
    name: "a reissue of a committed seat",
    act: (r) =>
      r.deployment.registry.reissueSeat(r.scoring, 1, randomWallet().address),
    error: "RegistrySeatStateNotAllowed",
    args: (r) => [r.scoring, 1, 2],
  },
  {
    name: "a reissue to a spent invite",
    act: (r) =>
      r.deployment.registry.reissueSeat(
        r.scoring,
        2,
        keysOf(r, 0).invite.address,
      ),
    error: "RegistryInvalidInvite",
    args: (r) => [r.scoring, 2, keysOf(r, 0).invite.address],
  },
  {
    name: "a reissue to the seat's current invite",
    act: (r) =>
      r.deployment.registry.reissueSeat(
        r.scoring,
        2,
        keysOf(r, 2).invite.address,
      ),
    error: "RegistryInvalidInvite",
    args: (r) => [r.scoring, 2, keysOf(r, 2).invite.address],
  },
  {
    name: "a reissue to the zero address",
    act: (r) => r.deployment.registry.reissueSeat(r.scoring, 2, ZeroAddress),
    error: "RegistryInvalidInvite",
    args: (r) => [r.scoring, 2, ZeroAddress],
  },
  {
    name: "a reissue in the revealing phase",
    act: (r) =>
      r.deployment.registry.reissueSeat(r.revealing, 1, randomWallet().address),
    error: "RegistryRoundNotInPhase",
    args: (r) => [r.revealing, 2, 1],
  },
];

const recusals: Rejection[] = [
  {
    name: "a recusal signed by a key other than the device",
    act: (r) => recuseAs(r, r.scoring, 0, keysOf(r, 1).device),
    error: "RegistryDeviceMismatch",
    args: (r) => [
      r.scoring,
      0,
      keysOf(r, 1).device.address,
      keysOf(r, 0).device.address,
    ],
  },
  {
    name: "a recusal of a committed seat",
    act: (r) => recuseAs(r, r.scoring, 1, keysOf(r, 1).device),
    error: "RegistrySeatStateNotAllowed",
    args: (r) => [r.scoring, 1, 2],
  },
  {
    name: "a recusal of an invited seat",
    act: (r) => recuseAs(r, r.scoring, 2, keysOf(r, 2).device),
    error: "RegistrySeatStateNotAllowed",
    args: (r) => [r.scoring, 2, 0],
  },
  {
    name: "a recusal with an empty reason",
    act: (r) => recuseAs(r, r.scoring, 0, keysOf(r, 0).device, ""),
    error: "RegistryEmptyReason",
    args: (r) => [r.scoring],
  },
  {
    name: "a recusal in the revealing phase",
    act: (r) => recuseAs(r, r.revealing, 1, r.revealingPlan.keys[1].device),
    error: "RegistryRoundNotInPhase",
    args: (r) => [r.revealing, 2, 1],
  },
];

const commits: Rejection[] = [
  {
    name: "a commit signed by a device not bound to the seat",
    act: (r) => commitAs(r, r.scoring, 0, keysOf(r, 1).device),
    error: "RegistryDeviceMismatch",
    args: (r) => [
      r.scoring,
      0,
      keysOf(r, 1).device.address,
      keysOf(r, 0).device.address,
    ],
  },
  {
    name: "a Sheet signature for another chain id",
    act: (r) => commitForeign(r, { domain: otherChain(r) }),
    error: "RegistryDeviceMismatch",
    args: (r) => foreignSheetArgs(r, { domain: otherChain(r) }),
  },
  {
    name: "a Sheet signature for another registry",
    act: (r) => commitForeign(r, { domain: otherRegistry(r) }),
    error: "RegistryDeviceMismatch",
    args: (r) => foreignSheetArgs(r, { domain: otherRegistry(r) }),
  },
  {
    name: "a Sheet signature for another round",
    act: (r) => commitForeign(r, { roundId: r.revealing }),
    error: "RegistryDeviceMismatch",
    args: (r) => foreignSheetArgs(r, { roundId: r.revealing }),
  },
  {
    name: "a Sheet signature for another seat",
    act: (r) => commitForeign(r, { seat: 1 }),
    error: "RegistryDeviceMismatch",
    args: (r) => foreignSheetArgs(r, { seat: 1 }),
  },
  {
    name: "a commit to a seat that is only invited",
    act: (r) => commitAs(r, r.scoring, 2, keysOf(r, 2).device),
    error: "RegistrySeatStateNotAllowed",
    args: (r) => [r.scoring, 2, 0],
  },
  {
    name: "a zero commitment",
    act: (r) => commitAs(r, r.scoring, 0, keysOf(r, 0).device, "0x", ZeroHash),
    error: "RegistryZeroCommitment",
    args: (r) => [r.scoring, 0],
  },
  {
    name: "an escrow blob shorter than its header and tag",
    act: (r) =>
      commitAs(r, r.scoring, 0, keysOf(r, 0).device, "0x01" + "ab".repeat(72)),
    error: "RegistryInvalidEscrow",
    args: (r) => [r.scoring, 0, 73, "0x01"],
  },
  {
    name: "an escrow blob with an unknown version",
    act: (r) =>
      commitAs(r, r.scoring, 0, keysOf(r, 0).device, "0x02" + "ab".repeat(99)),
    error: "RegistryInvalidEscrow",
    args: (r) => [r.scoring, 0, 100, "0x02"],
  },
  {
    name: "a commit at the scoring deadline",
    prepare: (r) =>
      networkHelpers.time.setNextBlockTimestamp(
        BigInt(r.scoringPlan.params.scoringDeadline),
      ),
    act: (r) => commitAs(r, r.scoring, 0, keysOf(r, 0).device),
    error: "RegistryDeadlinePassed",
    args: (r) => {
      const deadline = BigInt(r.scoringPlan.params.scoringDeadline);
      return [r.scoring, deadline, deadline];
    },
  },
  {
    name: "a commit in the revealing phase",
    act: (r) => commitAs(r, r.revealing, 1, r.revealingPlan.keys[1].device),
    error: "RegistryRoundNotInPhase",
    args: (r) => [r.revealing, 2, 1],
  },
];

describeRejections("EvaluationRegistry claims", claims, load);
describeRejections("EvaluationRegistry reissues", reissues, load);
describeRejections("EvaluationRegistry recusals", recusals, load);
describeRejections("EvaluationRegistry commits", commits, load);
