import { existsSync, readFileSync, readdirSync } from "node:fs";

import { expect } from "chai";
import { network } from "hardhat";

import type { BidderResultStructOutput } from "../../types/ethers-contracts/EvaluationRegistry.ts";
import type { EvaluationRegistry } from "../../types/ethers-contracts/index.ts";
import { caseSheets, planCase, tenThousandths } from "./cases.ts";
import type { CaseFile } from "./cases.ts";
import {
  claimSeat,
  commitSheet,
  createRound,
  currentTime,
  deployRegistry,
  revealSheet,
} from "./fixtures.ts";
import type { Deployment } from "./fixtures.ts";

// Checks the contracts against the golden vectors that core/ writes to
// test/vectors, so that the contracts and the TypeScript reference encode,
// sign and tally alike.

const VECTORS = new URL("../vectors/", import.meta.url);

function readVector<T>(name: string): T {
  const path = new URL(name, VECTORS);
  if (!existsSync(path)) {
    throw new Error(
      `test/vectors/${name} is missing: run npm run vectors to write it.`,
    );
  }
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

interface CommitmentVector {
  roundId: string;
  seat: string;
  scores: string[];
  comments: string[];
  salt: string;
  commentsHash: string;
  commitment: string;
}

interface Eip712Vectors {
  chainId: number;
  verifyingContract: string;
  items: {
    primaryType: "Claim" | "Pledge" | "Sheet" | "Recusal";
    message: Record<string, string>;
    digest: string;
  }[];
}

interface TallyVector {
  name: string;
  input: Record<string, unknown>;
  expected: Record<string, string | boolean>[];
}

/** Computes the digest of one EIP-712 vector item with the registry's views. */
function digestOf(
  registry: EvaluationRegistry,
  item: Eip712Vectors["items"][number],
) {
  const { roundId, seat } = item.message;
  switch (item.primaryType) {
    case "Claim":
      return registry.claimDigest(roundId, seat, item.message.device);
    case "Pledge":
      return registry.pledgeDigest(roundId, seat, item.message.pledgeHash);
    case "Sheet":
      return registry.sheetDigest(roundId, seat, item.message.commitment);
    case "Recusal":
      return registry.recusalDigest(roundId, seat, item.message.reasonHash);
  }
}

function resultValues(result: BidderResultStructOutput) {
  return {
    technical: result.technical,
    price: result.price,
    total: result.total,
    qualified: result.qualified,
    rankByTotal: result.rankByTotal,
    negotiationOrder: result.negotiationOrder,
  };
}

/** Converts a result's integers to decimal strings, as the vectors store them. */
function resultStrings(result: BidderResultStructOutput) {
  return Object.fromEntries(
    Object.entries(resultValues(result)).map(([key, value]) => [
      key,
      typeof value === "bigint" ? value.toString() : value,
    ]),
  );
}

describe("golden vectors", function () {
  let deployment: Deployment;

  before(async function () {
    // A fresh network, so that the registry is the default account's first
    // contract, as the EIP-712 vectors assume.
    const { ethers } = await network.create("hardhat");
    deployment = await deployRegistry(ethers);
  });

  it("match the commitment encoding", async function () {
    const vectors = readVector<CommitmentVector[]>("commitment.json");
    expect(vectors).to.not.be.empty;
    const { registry } = deployment;
    for (const vector of vectors) {
      const commentsHash = await registry.hashComments(vector.comments);
      expect(commentsHash).to.equal(vector.commentsHash);
      const commitment = await registry.computeCommitment(
        vector.roundId,
        vector.seat,
        vector.scores,
        commentsHash,
        vector.salt,
      );
      expect(commitment).to.equal(vector.commitment);
    }
  });

  it("match the EIP-712 digests", async function () {
    const vectors = readVector<Eip712Vectors>("eip712.json");
    const { registry, domain } = deployment;
    expect(vectors.items).to.not.be.empty;
    expect(BigInt(vectors.chainId)).to.equal(domain.chainId);
    expect(vectors.verifyingContract).to.equal(await registry.getAddress());
    for (const item of vectors.items) {
      expect(await digestOf(registry, item), item.primaryType).to.equal(
        item.digest,
      );
    }
  });

  it("match the tally results", async function () {
    const vectors = readVector<TallyVector[]>("tally.json");
    expect(vectors).to.not.be.empty;
    const harness = await deployment.ethers.deployContract("TallyHarness", {
      libraries: { Tally: deployment.tallyAddress },
    });
    for (const vector of vectors) {
      const results = await harness.compute(
        vector.input as Parameters<typeof harness.compute>[0],
      );
      expect(results.map(resultStrings), vector.name).to.deep.equal(
        vector.expected,
      );
    }
  });

  it("match the published cases run as rounds on chain", async function () {
    const names = readdirSync(VECTORS).filter((name) =>
      name.startsWith("case-"),
    );
    expect(names).to.not.be.empty;
    for (const name of names) {
      const file = readVector<CaseFile>(name);
      const roundId = await runCase(deployment, file);
      const [results] = await deployment.registry.getResult(roundId);
      const expected = file.expected.bidders.map((bidder) => ({
        technical: tenThousandths(bidder.technical),
        price: tenThousandths(bidder.price),
        total: tenThousandths(bidder.total),
        qualified: bidder.qualified,
        rankByTotal: BigInt(bidder.rankByTotal),
        negotiationOrder: BigInt(bidder.negotiationOrder ?? 0),
      }));
      expect(results.map(resultValues), name).to.deep.equal(expected);
    }
  });
});

/** Claims, commits and reveals every sheet of a case; the last reveal finalizes. */
async function runCase(
  deployment: Deployment,
  file: CaseFile,
): Promise<bigint> {
  const plan = planCase(file, await currentTime(deployment.ethers));
  const sheets = caseSheets(file);
  const { roundId } = await createRound(deployment, plan.params);
  for (let seat = 0; seat < sheets.length; seat++) {
    const keys = plan.keys[seat];
    await claimSeat(deployment, roundId, seat, keys);
    await commitSheet(deployment, roundId, seat, keys.device, sheets[seat]);
  }
  for (let seat = 0; seat < sheets.length; seat++) {
    await revealSheet(deployment, roundId, seat, sheets[seat]);
  }
  return roundId;
}
