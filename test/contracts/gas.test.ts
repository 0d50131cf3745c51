import { writeFileSync } from "node:fs";

import { expect } from "chai";
import { network } from "hardhat";

import { escrowBlob } from "./escrowBlob.ts";
import {
  claimAndCommitAll,
  claimSeat,
  commitSheet,
  deployRegistry,
  openRound,
  randomSheet,
  revealSheet,
} from "./fixtures.ts";
import type { Deployment, RoundOptions } from "./fixtures.ts";

// Measures the gas targets of the registry (transaction gasUsed, including
// the 21,000 base) and writes them to gas-snapshot.json at the repository
// root.
const SNAPSHOT = new URL("../../gas-snapshot.json", import.meta.url);

const COMMIT_LIMIT = 60_000;
const REVEAL_LIMIT_10X8 = 400_000;
const FINALIZING_REVEAL_LIMIT_7X10X8 = 1_500_000;
const BLOCK_GAS_LIMIT = 30_000_000;

const FIGURES = [
  "commitGas",
  "commitGasWithEscrow10x8",
  "revealGas10x8",
  "lastRevealGas7x10",
  "largestRoundIn30M",
];

/**
 * A fixed start time. Block times then differ between runs only by the
 * seconds a run takes, which almost never changes the calldata gas of the
 * deadlines.
 */
const START_TIME = 4_000_000_000n;

const { ethers, networkHelpers } = await network.create("hardhat");

let nextSeed = 1;

/**
 * Gives round options a new seed and seeded keys, so that every run sends
 * the same bytes and no two rounds share an invite.
 */
function seeded(options: RoundOptions): RoundOptions {
  return { ...options, seededKeys: true, seed: nextSeed++ };
}

function used(receipt: { gasUsed: bigint }): number {
  return Number(receipt.gasUsed);
}

/**
 * Returns the largest gasUsed among a seat's first commit, its re-commit
 * and the commit that closes scoring, in a round of the given size.
 */
async function commitGas(
  deployment: Deployment,
  options: RoundOptions,
): Promise<number> {
  const { roundId, plan } = await openRound(deployment, seeded(options));
  const gas: number[] = [];
  for (let seat = 0; seat < options.seats; seat++) {
    await claimSeat(deployment, roundId, seat, plan.keys[seat]);
  }
  for (let seat = 0; seat < options.seats; seat++) {
    const device = plan.keys[seat].device;
    const first = randomSheet(plan);
    gas.push(used(await commitSheet(deployment, roundId, seat, device, first)));
    if (seat + 1 < options.seats) {
      const again = randomSheet(plan);
      gas.push(
        used(await commitSheet(deployment, roundId, seat, device, again)),
      );
    }
  }
  return Math.max(...gas);
}

describe("registry gas", function () {
  const figures: Record<string, number | string> = {};
  let deployment: Deployment;

  before(async function () {
    await networkHelpers.time.increaseTo(START_TIME);
    deployment = await deployRegistry(ethers);
  });

  after(function () {
    // A partial run (a failure or --grep) leaves the committed snapshot alone.
    if (!FIGURES.every((key) => key in figures)) return;
    const sorted = Object.fromEntries(
      Object.entries(figures).sort(([a], [b]) => a.localeCompare(b)),
    );
    writeFileSync(SNAPSHOT, JSON.stringify(sorted, null, 2) + "\n");
  });

  it("commits within 60,000 at every sheet size", async function () {
    const sizes: RoundOptions[] = [
      { seats: 3, bidders: 1, criteria: 1 },
      { seats: 3, bidders: 10, criteria: 8 },
      { seats: 3, bidders: 30, criteria: 20 },
    ];
    let largest = 0;
    for (const size of sizes) {
      largest = Math.max(largest, await commitGas(deployment, size));
    }
    figures.commitGas = largest;
    expect(largest).to.be.at.most(COMMIT_LIMIT);
  });

  it("commits a 10x8 sheet with escrow", async function () {
    const { roundId, plan } = await openRound(
      deployment,
      seeded({
        seats: 3,
        bidders: 10,
        criteria: 8,
      }),
    );
    await claimSeat(deployment, roundId, 0, plan.keys[0]);
    const sheet = randomSheet(plan);
    const blob = escrowBlob(
      plan.escrowKey.compressedPublicKey,
      sheet,
      plan.entropy,
    );
    const receipt = await commitSheet(
      deployment,
      roundId,
      0,
      plan.keys[0].device,
      sheet,
      blob,
    );
    figures.commitGasWithEscrow10x8 = used(receipt);
    const blobBytes = (blob.length - 2) / 2;
    figures.escrowBlobBytes10x8 = blobBytes;
    // The blob adds its calldata (at most 16 gas a byte) and its log data
    // (8 gas a byte) to the commit without escrow.
    expect(used(receipt)).to.be.at.most(
      COMMIT_LIMIT + blobBytes * (16 + 8) + 2_000,
    );
  });

  it("reveals and finalizes 7x10x8 within targets", async function () {
    const { roundId, plan } = await openRound(
      deployment,
      seeded({
        seats: 7,
        bidders: 10,
        criteria: 8,
        minEvaluators: 5,
      }),
    );
    const sheets = await claimAndCommitAll(deployment, roundId, plan);
    const reveals: number[] = [];
    for (let seat = 0; seat < 6; seat++) {
      reveals.push(
        used(await revealSheet(deployment, roundId, seat, sheets[seat])),
      );
    }
    const last = await revealSheet(deployment, roundId, 6, sheets[6]);

    figures.revealGas10x8 = Math.max(...reveals);
    figures.lastRevealGas7x10 = used(last);
    expect((await deployment.registry.getRound(roundId)).phase).to.equal(3n);
    expect(figures.revealGas10x8).to.be.at.most(REVEAL_LIMIT_10X8);
    expect(figures.lastRevealGas7x10).to.be.at.most(
      FINALIZING_REVEAL_LIMIT_7X10X8,
    );
  });

  it("fits a 15x30x20 round in 30M blocks", async function () {
    this.timeout(300_000);
    const { roundId, plan, createGas } = await openMeasuredRound(deployment, {
      seats: 15,
      bidders: 30,
      criteria: 20,
      minEvaluators: 10,
    });
    const sheets = await claimAndCommitAll(deployment, roundId, plan);
    for (let seat = 0; seat < 14; seat++) {
      await revealSheet(deployment, roundId, seat, sheets[seat]);
    }
    const last = await revealSheet(deployment, roundId, 14, sheets[14]);

    figures.createGas15x30x20 = createGas;
    figures.finalizingRevealGas15x30x20 = used(last);
    const heaviest = Math.max(createGas, used(last));
    expect((await deployment.registry.getRound(roundId)).phase).to.equal(3n);
    expect(heaviest).to.be.at.most(BLOCK_GAS_LIMIT);
    // The size label is written only once the round has fitted.
    figures.largestRoundIn30M = "15x30x20";
  });
});

async function openMeasuredRound(
  deployment: Deployment,
  options: RoundOptions,
) {
  const before = await deployment.registry.roundCount();
  const { roundId, plan } = await openRound(deployment, seeded(options));
  expect(roundId).to.equal(before + 1n);
  const filter = deployment.registry.filters.RoundCreated(roundId);
  const [event] = await deployment.registry.queryFilter(filter);
  const receipt = await event.getTransactionReceipt();
  return { roundId, plan, createGas: used(receipt) };
}
