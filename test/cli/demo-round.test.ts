import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { parseRoundFile } from "../../core/index.ts";
import {
  DEMO_ROUND_FILE,
  demoScoringDeadline,
  readDemoRound,
} from "../../cli/lib/demo-round.ts";

describe("demo round file", () => {
  const round = parseRoundFile(readFileSync(DEMO_ROUND_FILE, "utf8"));

  it("has seven seats and four bidders", () => {
    expect(round.evaluators).toBe(7);
    expect(round.bidders).toHaveLength(4);
  });

  it("adds criteria up to 80 points", () => {
    const sum = round.criteria.reduce((total, c) => total + c.maxPoints, 0);
    expect(sum).toBe(80);
    expect(round.rules.technicalWeight).toBe(80);
    expect(round.rules.priceWeight).toBe(20);
  });

  it("uses the negotiated-contract price formula", () => {
    expect(round.rules.priceFormula).toBe("kr-negotiated");
    expect(round.rules.estimatedPrice).toBe("480000000");
    for (const bidder of round.bidders) {
      expect(bidder.bidPrice).toMatch(/^\d+$/);
    }
  });
});

describe("demoScoringDeadline", () => {
  it.each([
    // 01:00 KST: today's 23:59 is 23 hours away.
    ["2026-12-04T16:00:00Z", "2026-12-05T23:59:00+09:00"],
    // 19:00 KST: today's 23:59 is 5 hours away, so tomorrow's.
    ["2026-12-05T10:00:00Z", "2026-12-06T23:59:00+09:00"],
    // 15:59 KST: exactly 8 hours before 23:59 keeps today's.
    ["2026-12-05T06:59:00Z", "2026-12-05T23:59:00+09:00"],
    // 00:30 KST is already the next day in Seoul.
    ["2026-12-05T15:30:00Z", "2026-12-06T23:59:00+09:00"],
  ])("at %s is %s", (now, expected) => {
    expect(demoScoringDeadline(new Date(now))).toBe(expected);
  });

  it("replaces the file's deadline", async () => {
    const now = new Date("2027-03-01T00:00:00Z");
    const round = await readDemoRound(now);
    expect(round.schedule.scoringDeadline).toBe("2027-03-01T23:59:00+09:00");
  });
});
