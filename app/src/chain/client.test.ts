import type { PublicClient, WalletClient } from "viem";
import { describe, expect, test } from "vitest";

import {
  finalizingGasBound,
  revealGasLimit,
  withGasMargin,
  writeRegistryCall,
  type RegistryCall,
  type RevealRoundStatus,
} from "./client.ts";

const REGISTRY = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const DEVICE = "0x00000000000000000000000000000000000000d1";

/**
 * Sends `call` through fake clients whose gas estimate is `estimate` and
 * whose getRound returns `status`. Returns the gas limit that was sent and
 * the names of the functions that were read.
 */
async function sentGas(
  call: RegistryCall,
  estimate: bigint,
  status: RevealRoundStatus,
): Promise<{ gas: unknown; reads: string[] }> {
  const reads: string[] = [];
  let gas: unknown;
  const client = {
    estimateContractGas: async () => estimate,
    readContract: async ({ functionName }: { functionName: string }) => {
      reads.push(functionName);
      return status;
    },
    waitForTransactionReceipt: async () => ({ status: "success" }),
  } as unknown as PublicClient;
  const wallet = {
    writeContract: async (request: { gas: unknown }) => {
      gas = request.gas;
      return "0x01";
    },
  } as unknown as WalletClient;
  await writeRegistryCall(client, wallet, REGISTRY, DEVICE, call);
  return { gas, reads };
}

function round(
  seats: number,
  bidders: number,
  criteria: number,
  counts: { committed?: number; revealed?: number } = {},
): RevealRoundStatus {
  return {
    seats,
    bidders,
    criteria,
    committed: counts.committed ?? seats,
    revealed: counts.revealed ?? 0,
  };
}

describe("finalizingGasBound", () => {
  // gasUsed of the finalising reveal minus that of an ordinary reveal of
  // the same round, the largest over trims and scorings, from the
  // test/contracts fixtures on Hardhat's EDR chain.
  test.each([
    [3, 1, 1, 103_131],
    [7, 10, 8, 900_317],
    [3, 30, 1, 1_407_316],
    [15, 30, 20, 8_800_057],
    [20, 30, 20, 11_645_272],
  ])("covers %ix%ix%i", (seats, bidders, criteria, measured) => {
    const bound = finalizingGasBound(round(seats, bidders, criteria));
    expect(bound).toBeGreaterThan(BigInt(measured));
  });

  test("grows with the round", () => {
    const small = finalizingGasBound(round(7, 10, 8));
    expect(finalizingGasBound(round(8, 10, 8))).toBeGreaterThan(small);
    expect(finalizingGasBound(round(7, 11, 8))).toBeGreaterThan(small);
    expect(finalizingGasBound(round(7, 10, 9))).toBeGreaterThan(small);
  });
});

describe("revealGasLimit", () => {
  test("7x10x8 reveal covers the finalising one", () => {
    // revealGas10x8 and lastRevealGas7x10 of docs/BENCHMARKS.md.
    const estimate = 283_545n;
    const limit = revealGasLimit(estimate, round(7, 10, 8));
    expect(limit).toBeGreaterThan(1_066_756n);
    expect(limit).toBeGreaterThan(withGasMargin(estimate));
    expect(limit).toBeLessThan(2_000_000n);
  });

  test("15x30x20 reveal covers the finalising one", () => {
    const estimate = 1_592_103n;
    const limit = revealGasLimit(estimate, round(15, 30, 20));
    expect(limit).toBeGreaterThan(10_392_124n);
    expect(limit).toBeLessThanOrEqual(15_000_000n);
  });

  test("last outstanding reveal keeps the margin", () => {
    // Its estimate already includes the tally.
    const estimate = 1_146_061n;
    const last = round(7, 10, 8, { committed: 7, revealed: 6 });
    expect(revealGasLimit(estimate, last)).toBe(withGasMargin(estimate));
  });

  test("two outstanding reveals get the bound", () => {
    const estimate = 283_545n;
    const pair = round(7, 10, 8, { committed: 7, revealed: 5 });
    expect(revealGasLimit(estimate, pair)).toBe(
      estimate + finalizingGasBound(pair),
    );
  });

  test("absent seats count as seats", () => {
    const estimate = 283_545n;
    const partial = round(7, 10, 8, { committed: 5, revealed: 0 });
    expect(revealGasLimit(estimate, partial)).toBe(
      estimate + finalizingGasBound(round(7, 10, 8)),
    );
  });

  test("stays at half a 30M block", () => {
    const huge = round(60, 60, 30);
    expect(revealGasLimit(2_000_000n, huge)).toBe(15_000_000n);
  });

  test("keeps a larger margin", () => {
    // A tiny round whose bound is below twice the estimate.
    const estimate = 5_000_000n;
    expect(revealGasLimit(estimate, round(3, 1, 1))).toBe(
      withGasMargin(estimate),
    );
  });
});

describe("writeRegistryCall gas", () => {
  const status = round(7, 10, 8, { committed: 7, revealed: 2 });

  test("reveal reads the round", async () => {
    const reveal: RegistryCall = {
      functionName: "revealSheet",
      args: [3n, 4, [], [], "0x00"],
    };
    const { gas, reads } = await sentGas(reveal, 283_545n, status);
    expect(reads).toEqual(["getRound"]);
    expect(gas).toBe(revealGasLimit(283_545n, status));
    expect(gas).toBeGreaterThan(1_066_756n);
  });

  test("commit keeps the margin", async () => {
    const commit: RegistryCall = {
      functionName: "commitSheet",
      args: [3n, 4, "0x01", "0x02", "0x"],
    };
    const { gas, reads } = await sentGas(commit, 51_409n, status);
    expect(reads).toEqual([]);
    expect(gas).toBe(withGasMargin(51_409n));
  });
});
