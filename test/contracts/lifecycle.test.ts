import { anyValue } from "@nomicfoundation/hardhat-ethers-chai-matchers/withArgs";
import { expect } from "chai";
import { network } from "hardhat";

import { tally } from "../../core/tally.ts";
import { escrowBlob } from "./escrowBlob.ts";
import {
  PHASE,
  SEAT,
  TIE,
  claimSeat,
  commitSheet,
  commitmentOf,
  currentTime,
  deployRegistry,
  hashText,
  openRound,
  planRound,
  randomSheet,
  revealSheet,
  signClaim,
  signSheet,
} from "./fixtures.ts";
import type { Deployment, RoundPlan, Sheet } from "./fixtures.ts";
import { lotterySeed, referenceInput } from "./state.ts";

const { ethers, networkHelpers } = await network.create("hardhat");
const { loadFixture, time } = networkHelpers;

function deployed(): Promise<Deployment> {
  return deployRegistry(ethers);
}

/** Reads the stored result as plain values comparable with core/tally.ts. */
async function storedResult(deployment: Deployment, roundId: bigint) {
  const [results, seed] = await deployment.registry.getResult(roundId);
  return {
    seed,
    results: results.map((result) => ({
      technical: result.technical,
      price: result.price,
      total: result.total,
      qualified: result.qualified,
      rankByTotal: Number(result.rankByTotal),
      negotiationOrder: Number(result.negotiationOrder),
    })),
  };
}

async function claimAll(
  deployment: Deployment,
  roundId: bigint,
  plan: RoundPlan,
) {
  for (let seat = 0; seat < plan.keys.length; seat++) {
    await claimSeat(deployment, roundId, seat, plan.keys[seat]);
  }
}

async function commitSeats(
  deployment: Deployment,
  roundId: bigint,
  plan: RoundPlan,
  seats: number[],
): Promise<Map<number, Sheet>> {
  const sheets = new Map<number, Sheet>();
  for (const seat of seats) {
    const sheet = randomSheet(plan);
    await commitSheet(deployment, roundId, seat, plan.keys[seat].device, sheet);
    sheets.set(seat, sheet);
  }
  return sheets;
}

describe("EvaluationRegistry life cycle", function () {
  it("finalizes in the completing reveal", async function () {
    const deployment = await loadFixture(deployed);
    const { registry, admin, domain } = deployment;
    const plan = planRound(
      {
        seats: 5,
        bidders: 4,
        criteria: 4,
        quantitative: 1,
        minEvaluators: 5,
        tieBreak: [TIE.technical, TIE.largestCriterion, TIE.lottery],
      },
      await currentTime(ethers),
    );

    await expect(registry.createRound(plan.params))
      .to.emit(registry, "RoundCreated")
      .withArgs(1n, admin.address, anyValue, "jurybox-tally-1");
    const roundId = await registry.roundCount();
    expect(roundId).to.equal(1n);
    expect((await registry.getRound(roundId)).phase).to.equal(PHASE.scoring);

    const claim = await signClaim(domain, roundId, 0, plan.keys[0]);
    await expect(
      registry.claimSeat(
        roundId,
        0,
        claim.device,
        claim.pledgeHash,
        claim.inviteSig,
        claim.pledgeSig,
      ),
    )
      .to.emit(registry, "SeatClaimed")
      .withArgs(roundId, 0, claim.device, claim.pledgeHash);
    const claimed = await registry.getSeat(roundId, 0);
    expect(claimed.state).to.equal(SEAT.claimed);
    expect(claimed.device).to.equal(claim.device);
    expect(claimed.commitment).to.equal(ethers.ZeroHash);
    expect(await registry.isInviteSpent(plan.keys[0].invite.address)).to.equal(
      true,
    );
    for (let seat = 1; seat < 5; seat++) {
      await claimSeat(deployment, roundId, seat, plan.keys[seat]);
    }
    expect((await registry.getRound(roundId)).claimed).to.equal(5n);

    const draft = randomSheet(plan);
    await commitSheet(deployment, roundId, 0, plan.keys[0].device, draft);
    const final = randomSheet(plan);
    const commitment = commitmentOf(roundId, 0, final);
    const blob = escrowBlob(plan.escrowKey.compressedPublicKey, final);
    const signature = await signSheet(
      domain,
      plan.keys[0].device,
      roundId,
      0,
      commitment,
    );
    await expect(registry.commitSheet(roundId, 0, commitment, signature, blob))
      .to.emit(registry, "SheetCommitted")
      .withArgs(roundId, 0, commitment, blob);
    expect((await registry.getSeat(roundId, 0)).commitment).to.equal(
      commitment,
    );
    expect((await registry.getRound(roundId)).committed).to.equal(1n);

    const sheets = [
      final,
      ...(await commitSeats(deployment, roundId, plan, [1, 2, 3])).values(),
    ];
    const last = randomSheet(plan);
    const lastCommitment = commitmentOf(roundId, 4, last);
    const lastSignature = await signSheet(
      domain,
      plan.keys[4].device,
      roundId,
      4,
      lastCommitment,
    );
    await expect(
      registry.commitSheet(roundId, 4, lastCommitment, lastSignature, "0x"),
    )
      .to.emit(registry, "ScoringClosed")
      .withArgs(roundId, 5, 0, true);
    sheets.push(last);
    const closed = await registry.getRound(roundId);
    expect(closed.phase).to.equal(PHASE.revealing);
    expect(closed.closedAt).to.equal(await currentTime(ethers));

    await expect(revealSheet(deployment, roundId, 0, draft))
      .to.be.revertedWithCustomError(registry, "RegistryCommitmentMismatch")
      .withArgs(roundId, 0, commitmentOf(roundId, 0, draft), commitment);
    await expect(
      registry.revealSheet(
        roundId,
        0,
        final.scores,
        final.comments,
        final.salt,
      ),
    )
      .to.emit(registry, "SheetRevealed")
      .withArgs(roundId, 0, final.scores, final.comments, final.salt);
    for (let seat = 1; seat < 4; seat++) {
      await revealSheet(deployment, roundId, seat, sheets[seat]);
    }
    await expect(
      registry.revealSheet(roundId, 4, last.scores, last.comments, last.salt),
    )
      .to.emit(registry, "RoundFinalized")
      .withArgs(roundId, lotterySeed(sheets), 5, anyValue);

    const round = await registry.getRound(roundId);
    expect(round.phase).to.equal(PHASE.finalized);
    expect(round.revealed).to.equal(5n);
    expect(round.finalizedAt).to.equal(await currentTime(ethers));
    const stored = await storedResult(deployment, roundId);
    expect(stored.seed).to.equal(lotterySeed(sheets));
    expect(stored.results).to.deep.equal(tally(referenceInput(plan, sheets)));
    expect(await registry.getRevealedScores(roundId, 2)).to.deep.equal(
      sheets[2].scores.map(BigInt),
    );
    expect((await registry.getSeat(roundId, 3)).salt).to.equal(sheets[3].salt);
  });

  it("closes after the deadline with absent seats", async function () {
    const deployment = await loadFixture(deployed);
    const { registry } = deployment;
    const { roundId, plan } = await openRound(deployment, {
      seats: 5,
      bidders: 3,
      criteria: 2,
      minEvaluators: 3,
    });
    await claimAll(deployment, roundId, plan);
    const sheets = await commitSeats(deployment, roundId, plan, [0, 2, 4]);
    const deadline = BigInt(plan.params.scoringDeadline);

    await time.setNextBlockTimestamp(deadline);
    await expect(registry.closeScoring(roundId))
      .to.emit(registry, "ScoringClosed")
      .withArgs(roundId, 3, 2, false);
    expect((await registry.getRound(roundId)).closedAt).to.equal(deadline);

    for (const [seat, sheet] of sheets) {
      await revealSheet(deployment, roundId, seat, sheet);
    }
    const round = await registry.getRound(roundId);
    expect(round.phase).to.equal(PHASE.finalized);
    expect(round.revealed).to.equal(3n);
    const stored = await storedResult(deployment, roundId);
    expect(stored.results).to.deep.equal(
      tally(referenceInput(plan, [...sheets.values()])),
    );
  });

  it("finalizes after the reveal deadline", async function () {
    const deployment = await loadFixture(deployed);
    const { registry } = deployment;
    const { roundId, plan } = await openRound(deployment, {
      seats: 5,
      bidders: 4,
      criteria: 3,
      minEvaluators: 4,
    });
    await claimAll(deployment, roundId, plan);
    const sheets = await commitSeats(
      deployment,
      roundId,
      plan,
      [0, 1, 2, 3, 4],
    );
    const revealed = [0, 1, 3, 4].map((seat) => sheets.get(seat)!);
    for (const seat of [4, 0, 3, 1]) {
      await revealSheet(deployment, roundId, seat, sheets.get(seat)!);
    }

    await time.setNextBlockTimestamp(BigInt(plan.params.revealDeadline));
    await expect(registry.finalize(roundId))
      .to.emit(registry, "RoundFinalized")
      .withArgs(roundId, lotterySeed(revealed), 4, anyValue);

    expect((await registry.getSeat(roundId, 2)).state).to.equal(SEAT.committed);
    const stored = await storedResult(deployment, roundId);
    expect(stored.results).to.deep.equal(tally(referenceInput(plan, revealed)));
  });

  it("reissues a claimed seat", async function () {
    const deployment = await loadFixture(deployed);
    const { registry } = deployment;
    const { roundId, plan } = await openRound(deployment, {
      seats: 3,
      bidders: 2,
      criteria: 2,
    });
    await claimSeat(deployment, roundId, 1, plan.keys[1]);
    const replacement = planRound({ seats: 1, bidders: 1, criteria: 1 }, 0n)
      .keys[0];

    await expect(registry.reissueSeat(roundId, 1, replacement.invite.address))
      .to.emit(registry, "SeatReissued")
      .withArgs(roundId, 1, replacement.invite.address);
    const seat = await registry.getSeat(roundId, 1);
    expect(seat.state).to.equal(SEAT.invited);
    expect(seat.device).to.equal(ethers.ZeroAddress);
    expect(seat.invite).to.equal(replacement.invite.address);
    expect((await registry.getRound(roundId)).claimed).to.equal(0n);

    await expect(claimSeat(deployment, roundId, 1, plan.keys[1]))
      .to.be.revertedWithCustomError(registry, "RegistryInviteUsed")
      .withArgs(roundId, 1, plan.keys[1].invite.address);
    await claimSeat(deployment, roundId, 1, replacement);
    expect((await registry.getSeat(roundId, 1)).device).to.equal(
      replacement.device.address,
    );
  });

  it("spends a reissued seat's unused invite", async function () {
    const deployment = await loadFixture(deployed);
    const { registry } = deployment;
    const { roundId, plan } = await openRound(deployment, {
      seats: 3,
      bidders: 2,
      criteria: 2,
    });
    const replacement = planRound({ seats: 1, bidders: 1, criteria: 1 }, 0n)
      .keys[0];

    await registry.reissueSeat(roundId, 2, replacement.invite.address);

    expect(await registry.isInviteSpent(plan.keys[2].invite.address)).to.equal(
      true,
    );
    await expect(claimSeat(deployment, roundId, 2, plan.keys[2]))
      .to.be.revertedWithCustomError(registry, "RegistryInviteUsed")
      .withArgs(roundId, 2, plan.keys[2].invite.address);
  });

  it("closes scoring after the last recusal", async function () {
    const deployment = await loadFixture(deployed);
    const { registry, domain } = deployment;
    const { roundId, plan } = await openRound(deployment, {
      seats: 4,
      bidders: 2,
      criteria: 2,
    });
    await claimAll(deployment, roundId, plan);
    await commitSeats(deployment, roundId, plan, [0, 1, 2]);
    const reason = "I advised bidder 2 last year.";
    const signature = await plan.keys[3].device.signTypedData(
      domain,
      {
        Recusal: [
          { name: "roundId", type: "uint256" },
          { name: "seat", type: "uint16" },
          { name: "reasonHash", type: "bytes32" },
        ],
      },
      { roundId, seat: 3, reasonHash: hashText(reason) },
    );

    await expect(registry.recuse(roundId, 3, reason, signature))
      .to.emit(registry, "SeatRecused")
      .withArgs(roundId, 3, reason)
      .and.to.emit(registry, "ScoringClosed")
      .withArgs(roundId, 3, 0, true);
    const round = await registry.getRound(roundId);
    expect(round.recused).to.equal(1n);
    expect(round.claimed).to.equal(3n);
    expect((await registry.getSeat(roundId, 3)).state).to.equal(SEAT.recused);
  });

  it("cancels a round with a reason", async function () {
    const deployment = await loadFixture(deployed);
    const { registry } = deployment;
    const { roundId, plan } = await openRound(deployment, {
      seats: 3,
      bidders: 2,
      criteria: 2,
    });
    await claimSeat(deployment, roundId, 0, plan.keys[0]);

    await expect(registry.cancelRound(roundId, "The tender was withdrawn."))
      .to.emit(registry, "RoundCancelled")
      .withArgs(roundId, "The tender was withdrawn.");
    expect((await registry.getRound(roundId)).phase).to.equal(PHASE.cancelled);
    await expect(
      commitSheet(
        deployment,
        roundId,
        0,
        plan.keys[0].device,
        randomSheet(plan),
      ),
    )
      .to.be.revertedWithCustomError(registry, "RegistryRoundNotInPhase")
      .withArgs(roundId, PHASE.cancelled, PHASE.scoring);
  });

  it("accepts a zero-price commit from the device", async function () {
    const deployment = await loadFixture(deployed);
    const { registry, domain } = deployment;
    const { roundId, plan } = await openRound(deployment, {
      seats: 3,
      bidders: 2,
      criteria: 2,
    });
    await claimSeat(deployment, roundId, 0, plan.keys[0]);
    const device = plan.keys[0].device.connect(ethers.provider);
    const sheet = randomSheet(plan);
    const commitment = commitmentOf(roundId, 0, sheet);
    const signature = await signSheet(domain, device, roundId, 0, commitment);

    expect(await ethers.provider.getBalance(device.address)).to.equal(0n);
    await (
      await registry
        .connect(device)
        .commitSheet(roundId, 0, commitment, signature, "0x", { gasPrice: 0 })
    ).wait();

    expect((await registry.getSeat(roundId, 0)).state).to.equal(SEAT.committed);
    expect(await ethers.provider.getBalance(device.address)).to.equal(0n);
  });

  it("numbers rounds from 1", async function () {
    const deployment = await loadFixture(deployed);
    const { registry } = deployment;
    const first = await openRound(deployment, {
      seats: 3,
      bidders: 2,
      criteria: 2,
    });
    const second = await openRound(deployment, {
      seats: 3,
      bidders: 2,
      criteria: 2,
    });

    expect(first.roundId).to.equal(1n);
    expect(second.roundId).to.equal(2n);
    await claimSeat(deployment, second.roundId, 0, second.plan.keys[0]);
    expect((await registry.getSeat(1n, 0)).state).to.equal(SEAT.invited);
    expect((await registry.getSeat(2n, 0)).state).to.equal(SEAT.claimed);
  });
});
