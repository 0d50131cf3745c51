import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { fromRlp, hexToBigInt, isHex, type Hex } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { encodeQbftExtraData } from "../../cli/network/extra-data.ts";
import { readHeaviestTransaction } from "../../cli/network/gas-snapshot.ts";
import { compileIfMissing } from "../../cli/lib/compile.ts";
import { PROJECT_ROOT } from "../../cli/lib/project.ts";
import {
  makeTempFolder,
  nodeNames,
  readText,
  writeNetwork,
} from "./network-fixture.ts";

const temp = makeTempFolder("genesis");
afterAll(() => temp.remove());

const VALIDATORS = 5;
let outDir: string;
let genesis: {
  config: Record<string, unknown> & { qbft: Record<string, number> };
  [key: string]: unknown;
};

beforeAll(async () => {
  outDir = join(temp.path, "network");
  await writeNetwork(outDir, {
    validators: String(VALIDATORS),
    blockPeriod: "2",
    chainId: "202612",
  });
  genesis = JSON.parse(readText(outDir, "genesis.json"));
});

/** Reads the validator address of each node folder, in node order. */
function nodeAddresses(): string[] {
  return nodeNames(VALIDATORS).map((node) =>
    readText(outDir, `${node}/address`).trim().toLowerCase(),
  );
}

describe("genesis extraData", () => {
  it("decodes to the node addresses in order", () => {
    const decoded = fromRlp(genesis.extraData as Hex, "hex");
    expect(Array.isArray(decoded)).toBe(true);
    const [vanity, validators, vote, round, seals] = decoded as [
      Hex,
      Hex[],
      Hex[],
      Hex,
      Hex[],
    ];
    expect((decoded as unknown[]).length).toBe(5);
    expect(vanity).toBe(`0x${"00".repeat(32)}`);
    expect(validators).toEqual(nodeAddresses());
    expect(vote).toEqual([]);
    expect(round).toBe("0x");
    expect(seals).toEqual([]);
  });

  it("lists validators in ascending order", () => {
    const addresses = nodeAddresses();
    expect(addresses).toEqual([...addresses].sort());
    expect(new Set(addresses).size).toBe(VALIDATORS);
  });

  it("matches Besu's documented encoding", () => {
    // The QBFT example of Besu's documentation (private networks, QBFT,
    // "Extra data"): `besu rlp encode --type=QBFT_EXTRA_DATA` output for
    // four validators.
    const validators = [
      "0x4592c8e45706cc08b8f44b11e43cba0cfc5892cb",
      "0x06e23768a0f59cf365e18c2e0c89e151bcdedc70",
      "0xc5327f96ee02d7bcbc1bf1236b8c15148971e1de",
      "0xab5e7f4061c605820d3744227eed91ff8e2c8908",
    ] as const;
    const documented =
      "0xf87aa00000000000000000000000000000000000000000000000000000000000" +
      "000000f854944592c8e45706cc08b8f44b11e43cba0cfc5892cb9406e23768a0f5" +
      "9cf365e18c2e0c89e151bcdedc7094c5327f96ee02d7bcbc1bf1236b8c15148971" +
      "e1de94ab5e7f4061c605820d3744227eed91ff8e2c8908c080c0";
    expect(encodeQbftExtraData(validators)).toBe(documented);
  });

  it("is the same in every node folder", () => {
    const top = readText(outDir, "genesis.json");
    for (const node of nodeNames(VALIDATORS)) {
      expect(readText(outDir, `${node}/genesis.json`)).toBe(top);
    }
  });
});

describe("genesis fees and limits", () => {
  it("sets a zero base fee that stays zero", () => {
    expect(genesis.config.zeroBaseFee).toBe(true);
    expect(genesis.baseFeePerGas).toBe("0x0");
  });

  it("funds no account", () => {
    expect(genesis.alloc).toEqual({});
  });

  it("activates London, Shanghai and Cancun at genesis", () => {
    expect(genesis.config.londonBlock).toBe(0);
    expect(genesis.config.berlinBlock).toBe(0);
    expect(genesis.config.shanghaiTime).toBe(0);
    expect(genesis.config.cancunTime).toBe(0);
  });

  it("uses the chain id and QBFT timing given", () => {
    expect(genesis.config.chainId).toBe(202612);
    expect(genesis.config.qbft.blockperiodseconds).toBe(2);
    expect(genesis.config.qbft.requesttimeoutseconds).toBeGreaterThan(2);
    expect(genesis.config.qbft.epochlength).toBeGreaterThan(0);
    expect(genesis.config).not.toHaveProperty("clique");
    expect(genesis.config).not.toHaveProperty("ibft2");
  });

  it("carries the BFT mixHash and difficulty 1", () => {
    const mixHash = Buffer.from(
      (genesis.mixHash as string).slice(2),
      "hex",
    ).toString("latin1");
    expect(mixHash).toBe("ctical byzantine fault tolerance");
    expect(genesis.difficulty).toBe("0x1");
  });

  it("fits the heaviest measured transaction", () => {
    const gasLimit = hexToBigInt(genesis.gasLimit as Hex);
    expect(isHex(genesis.gasLimit)).toBe(true);
    expect(gasLimit).toBeGreaterThanOrEqual(30_000_000n);

    const snapshot = JSON.parse(
      readFileSync(join(PROJECT_ROOT, "gas-snapshot.json"), "utf8"),
    ) as Record<string, unknown>;
    const gasFigures = Object.entries(snapshot).filter(
      ([name, value]) => name.includes("Gas") && typeof value === "number",
    );
    expect(gasFigures.length).toBeGreaterThan(0);
    for (const [name, gas] of gasFigures) {
      expect(gasLimit, name).toBeGreaterThanOrEqual(BigInt(gas as number));
    }
    const heaviest = readHeaviestTransaction();
    expect(heaviest?.gas).toBe(
      BigInt(Math.max(...gasFigures.map(([, gas]) => gas as number))),
    );
  });

  it("allows the registry's deployed code size", async () => {
    const limit = genesis.config.contractSizeLimit as number;
    expect(limit).toBeGreaterThanOrEqual(24_576);

    const hre = (await import("hardhat")).default;
    await compileIfMissing(hre, () => {});
    const contracts = join(PROJECT_ROOT, "artifacts", "contracts");
    const artifacts = [
      join(contracts, "EvaluationRegistry.sol", "EvaluationRegistry.json"),
      join(contracts, "libraries", "Tally.sol", "Tally.json"),
    ];
    for (const file of artifacts) {
      expect(existsSync(file), file).toBe(true);
      const artifact = JSON.parse(readFileSync(file, "utf8"));
      const bytes = (artifact.deployedBytecode.length - 2) / 2;
      expect(bytes, file).toBeGreaterThan(0);
      expect(bytes, file).toBeLessThanOrEqual(limit);
    }
  });
});
