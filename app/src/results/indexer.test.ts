import { describe, expect, test } from "vitest";

import {
  phaseNumber,
  toBlockStamp,
  toProgress,
  toRoundInfo,
  toSeatCounts,
  type IndexedRound,
} from "./indexer.ts";

const INVITE = "0x1111111111111111111111111111111111111111";
const DEVICE = "0x2222222222222222222222222222222222222222";
const SEED = `0x${"ab".repeat(32)}` as const;

/** Returns a finalised round of two seats and two bidders, as the indexer serves it. */
function finalizedRow(): IndexedRound {
  return {
    id: "3",
    admin: "0x3333333333333333333333333333333333333333",
    title: "Round",
    reference: "R-1",
    rulesVersion: "v1",
    tallyVersion: "tally-1",
    technicalWeight: 8000,
    priceWeight: 2000,
    minEvaluators: 1,
    scoringDeadline: "1700000100",
    revealDeadline: "1700086500",
    escrowPublicKey: `0x02${"cd".repeat(32)}`,
    phase: "finalized",
    createdBlock: "12",
    createdAt: "1700000000",
    closedAt: "1700000050",
    closedAutomatically: true,
    finalizedBlock: "20",
    finalizedAt: "1700000060",
    resultSeats: 1,
    lotterySeed: SEED,
    cancelledAt: null,
    cancelReason: null,
    seatCount: 2,
    claimed: 1,
    committed: 1,
    revealed: 1,
    recused: 1,
    absentSeats: 0,
    bidders: {
      items: [
        {
          index: 0,
          name: "Alpha",
          bidPrice: "1000000",
          priceScore: "0",
          quantitativeScores: [],
        },
        {
          index: 1,
          name: "Beta",
          bidPrice: "900000",
          priceScore: "0",
          quantitativeScores: [],
        },
      ],
    },
    criteria: {
      items: [{ index: 0, name: "Plan", maxPoints: 8000, quantitative: false }],
    },
    seats: {
      items: [
        {
          seat: 0,
          state: "revealed",
          invite: INVITE,
          device: DEVICE,
          commitment: `0x${"01".repeat(32)}`,
          commitCount: 2,
          claimedAt: "1700000010",
          committedAt: "1700000020",
          revealedAt: "1700000055",
          recusedAt: null,
        },
        {
          seat: 1,
          state: "recused",
          invite: INVITE,
          device: DEVICE,
          commitment: null,
          commitCount: 0,
          claimedAt: "1700000011",
          committedAt: null,
          revealedAt: null,
          recusedAt: "1700000030",
        },
      ],
    },
    results: {
      items: [
        {
          bidderIndex: 0,
          technical: "700000",
          price: "180000",
          total: "880000",
          qualified: true,
          rankByTotal: 2,
          negotiationOrder: 2,
        },
        {
          bidderIndex: 1,
          technical: "690000",
          price: "200000",
          total: "890000",
          qualified: true,
          rankByTotal: 1,
          negotiationOrder: 1,
        },
      ],
    },
  };
}

describe("indexer rows", () => {
  test("toBlockStamp reads decimal strings", () => {
    expect(
      toBlockStamp({ blockNumber: "42", blockTime: "1700000000" }),
    ).toEqual({ number: 42n, timestamp: 1_700_000_000 });
    expect(toBlockStamp(null)).toBeUndefined();
  });

  test("phaseNumber follows getRound's numbering", () => {
    expect(phaseNumber("scoring")).toBe(1);
    expect(phaseNumber("finalized")).toBe(3);
    expect(phaseNumber("cancelled")).toBe(4);
    expect(() => phaseNumber("done")).toThrow(/unknown phase done/);
  });

  test("toSeatCounts maps the count columns", () => {
    expect(toSeatCounts(finalizedRow())).toEqual({
      invited: 2,
      claimed: 1,
      committed: 1,
      revealed: 1,
      absent: 0,
      recused: 1,
    });
    expect(toSeatCounts({ ...finalizedRow(), absentSeats: null }).absent).toBe(
      0,
    );
  });

  test("toRoundInfo builds the RoundCreated fields", () => {
    const round = toRoundInfo(finalizedRow());
    expect(round.roundId).toBe(3n);
    expect(round.referenceNumber).toBe("R-1");
    expect(round.bidders.map((bidder) => bidder.name)).toEqual([
      "Alpha",
      "Beta",
    ]);
    expect(round.bidders[1].bidPrice).toBe(900_000n);
    expect(round.invites).toHaveLength(2);
    expect(round.block).toBe(12n);
    expect(round.createdAt).toBe(1_700_000_000);
  });

  test("toProgress carries the result as BidderResult", () => {
    const progress = toProgress(finalizedRow(), 25n);
    expect(progress.phase).toBe("finalized");
    expect(progress.block).toBe(25n);
    expect(progress.seats.map((seat) => seat.state)).toEqual([
      "revealed",
      "recused",
    ]);
    expect(progress.seats[0].commits).toBe(2);
    expect(progress.closed).toEqual({
      committed: 1,
      absent: 0,
      automatic: true,
      at: 1_700_000_050,
    });
    expect(progress.finalized?.block).toBe(20n);
    expect(progress.finalized?.lotterySeed).toBe(SEED);
    expect(progress.finalized?.results[1]).toEqual({
      technical: 690_000n,
      price: 200_000n,
      total: 890_000n,
      qualified: true,
      rankByTotal: 1,
      negotiationOrder: 1,
    });
    expect(progress.cancelled).toBeUndefined();
  });

  test("toProgress maps a missing negotiation order to 0", () => {
    const row = finalizedRow();
    row.results.items[0] = {
      ...row.results.items[0],
      qualified: false,
      negotiationOrder: null,
    };
    const progress = toProgress(row, 25n);
    expect(progress.finalized?.results[0].negotiationOrder).toBe(0);
  });

  test("toProgress of a scoring round has no close or result", () => {
    const row = {
      ...finalizedRow(),
      phase: "scoring",
      closedAt: null,
      finalizedBlock: null,
      finalizedAt: null,
      lotterySeed: null,
      results: { items: [] },
    };
    const progress = toProgress(row, 13n);
    expect(progress.phase).toBe("scoring");
    expect(progress.closed).toBeUndefined();
    expect(progress.finalized).toBeUndefined();
  });
});
