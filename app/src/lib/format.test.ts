import { describe, expect, test } from "vitest";

import {
  formatKst,
  formatMoney,
  formatPoints,
  formatResultScore,
} from "./format.ts";

describe("format", () => {
  test("times are shown in KST whatever the device zone", () => {
    // 2026-12-04T08:00:00Z is 17:00 in Seoul.
    const seconds = Date.UTC(2026, 11, 4, 8, 0, 0) / 1000;
    expect(formatKst(seconds, "en", "time")).toBe("17:00:00 KST");
    expect(formatKst(seconds, "ko")).toContain("17:00:00");
    expect(formatKst(seconds, "ko")).toContain("2026");
    expect(formatKst(undefined, "ko")).toBe("—");
    expect(formatKst(seconds, "en", "day-time")).toBe("4 Dec, 17:00:00 KST");
    expect(formatKst(seconds, "ko", "day-time")).toBe("12월 4일 17:00:00 KST");
  });

  test("points follow the locale", () => {
    expect(formatPoints(7250, "en")).toBe("72.5");
    expect(formatPoints(123456, "ko")).toBe("1,234.56");
  });

  test("results keep four decimals exactly", () => {
    expect(formatResultScore(680000n, "en")).toBe("68.0000");
    expect(formatResultScore(12345678901n, "ko")).toBe("1,234,567.8901");
    expect(formatResultScore(5n, "ko")).toBe("0.0005");
  });

  test("money is grouped", () => {
    expect(formatMoney(400000000n, "ko")).toBe("400,000,000");
  });
});
