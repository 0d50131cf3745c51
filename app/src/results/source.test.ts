import { describe, expect, test } from "vitest";

import type { BidderResult } from "../chain/progress.ts";
import {
  chooseSource,
  countsFromContract,
  indexerLagSeconds,
  MAX_INDEXER_LAG_SECONDS,
  reconcileCounts,
  resultsEqual,
  winnerIndex,
  type SeatCounts,
} from "./source.ts";

const block = (number: number, timestamp: number) => ({
  number: BigInt(number),
  timestamp,
});

describe("indexerLagSeconds", () => {
  test("is zero at the head", () => {
    expect(indexerLagSeconds(block(100, 1000), block(100, 1000))).toBe(0);
  });

  test("is the difference of block times", () => {
    expect(indexerLagSeconds(block(93, 993), block(100, 1000))).toBe(7);
  });

  test("uses time, not block count, on an on-demand chain", () => {
    // One block behind, but that block came an hour later.
    expect(indexerLagSeconds(block(99, 1000), block(100, 4600))).toBe(3600);
  });

  test("is never negative", () => {
    expect(indexerLagSeconds(block(99, 1005), block(100, 1000))).toBe(0);
  });
});

describe("chooseSource", () => {
  const head = block(100, 1000);

  test("picks the indexer within the allowed lag", () => {
    expect(
      chooseSource(block(95, 1000 - MAX_INDEXER_LAG_SECONDS), head),
    ).toEqual({ source: "indexer", lagSeconds: MAX_INDEXER_LAG_SECONDS });
  });

  test("reads the chain when the indexer is behind", () => {
    expect(
      chooseSource(block(94, 1000 - MAX_INDEXER_LAG_SECONDS - 1), head),
    ).toEqual({
      source: "chain",
      reason: { kind: "behind", seconds: MAX_INDEXER_LAG_SECONDS + 1 },
    });
  });

  test("reads the chain when the indexer did not respond", () => {
    expect(chooseSource(undefined, head)).toEqual({
      source: "chain",
      reason: { kind: "unavailable" },
    });
  });

  test("reads the chain when the indexer is past the head", () => {
    expect(chooseSource(block(101, 1001), head)).toEqual({
      source: "chain",
      reason: { kind: "disagreed" },
    });
  });

  test("switches back once the indexer catches up", () => {
    const behind = chooseSource(block(80, 980), head);
    const caughtUp = chooseSource(block(100, 1000), head);
    expect(behind.source).toBe("chain");
    expect(caughtUp.source).toBe("indexer");
  });
});

const counters = {
  phase: 2,
  seats: 7,
  claimed: 5,
  committed: 5,
  revealed: 2,
  recused: 1,
  closedAt: 1_700_000_000,
};

describe("countsFromContract", () => {
  test("derives absent seats after close", () => {
    expect(countsFromContract(counters)).toEqual({
      invited: 7,
      claimed: 5,
      committed: 5,
      revealed: 2,
      absent: 1,
      recused: 1,
    });
  });

  test("has no absent seats while scoring", () => {
    const scoring = { ...counters, phase: 1, closedAt: 0, committed: 3 };
    expect(countsFromContract(scoring).absent).toBe(0);
  });
});

describe("reconcileCounts", () => {
  const contract: SeatCounts = countsFromContract(counters);

  test("reports no difference when equal", () => {
    const result = reconcileCounts({ ...contract }, contract);
    expect(result.counts).toEqual(contract);
    expect(result.differing).toEqual([]);
  });

  test("shows the contract's counts and names the differences", () => {
    const indexed = { ...contract, revealed: 1, absent: 0 };
    const result = reconcileCounts(indexed, contract);
    expect(result.counts).toEqual(contract);
    expect(result.differing).toEqual(["revealed", "absent"]);
  });
});

const line = (overrides: Partial<BidderResult> = {}): BidderResult => ({
  technical: 680_000n,
  price: 200_000n,
  total: 880_000n,
  qualified: true,
  rankByTotal: 1,
  negotiationOrder: 1,
  ...overrides,
});

describe("resultsEqual", () => {
  const chain = [line(), line({ rankByTotal: 2, negotiationOrder: 2 })];

  test("accepts identical lines", () => {
    expect(
      resultsEqual(
        chain.map((entry) => ({ ...entry })),
        chain,
      ),
    ).toBe(true);
  });

  test.each([
    ["technical", { technical: 680_001n }],
    ["price", { price: 1n }],
    ["total", { total: 1n }],
    ["qualified", { qualified: false }],
    ["rankByTotal", { rankByTotal: 2 }],
    ["negotiationOrder", { negotiationOrder: 0 }],
  ])("rejects a different %s", (_name, change) => {
    const indexed = [line(change as Partial<BidderResult>), chain[1]];
    expect(resultsEqual(indexed, chain)).toBe(false);
  });

  test("rejects a missing line", () => {
    expect(resultsEqual([chain[0]], chain)).toBe(false);
  });
});

describe("winnerIndex", () => {
  test("finds negotiation order 1", () => {
    const results = [
      line({ negotiationOrder: 2 }),
      line({ negotiationOrder: 1 }),
    ];
    expect(winnerIndex(results)).toBe(1);
  });

  test("is -1 when no bidder qualified", () => {
    expect(winnerIndex([line({ qualified: false, negotiationOrder: 0 })])).toBe(
      -1,
    );
  });
});
