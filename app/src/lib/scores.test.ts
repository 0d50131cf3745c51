import { describe, expect, test } from "vitest";

import {
  checkSheet,
  hundredthsToText,
  parseScore,
  stepScore,
} from "./scores.ts";

describe("parseScore", () => {
  test("accepts up to two decimals", () => {
    expect(parseScore("72.5", 8000)).toEqual({ ok: true, hundredths: 7250 });
    expect(parseScore("0.01", 100)).toEqual({ ok: true, hundredths: 1 });
    expect(parseScore("25", 2500)).toEqual({ ok: true, hundredths: 2500 });
    expect(parseScore(" 7,25 ", 2500)).toEqual({ ok: true, hundredths: 725 });
  });

  test("rejects three decimals", () => {
    expect(parseScore("7.125", 2500)).toEqual({
      ok: false,
      problem: "decimals",
    });
  });

  test("rejects a value above the maximum", () => {
    expect(parseScore("25.01", 2500)).toEqual({
      ok: false,
      problem: "above-max",
    });
    expect(parseScore("99999999", 2500)).toEqual({
      ok: false,
      problem: "above-max",
    });
  });

  test("rejects empty and malformed text", () => {
    expect(parseScore("", 100)).toEqual({ ok: false, problem: "empty" });
    expect(parseScore("-1", 100)).toEqual({ ok: false, problem: "format" });
    expect(parseScore("1e2", 100)).toEqual({ ok: false, problem: "format" });
    expect(parseScore(".5", 100)).toEqual({ ok: false, problem: "format" });
  });
});

describe("stepScore", () => {
  test("clamps to the range", () => {
    expect(stepScore("24.5", 100, 2500)).toBe("25");
    expect(stepScore("0.5", -100, 2500)).toBe("0");
    expect(stepScore("", 100, 2500)).toBe("1");
    expect(stepScore("abc", -100, 2500)).toBe("0");
  });
});

test("hundredthsToText", () => {
  expect(hundredthsToText(7250)).toBe("72.5");
  expect(hundredthsToText(7205)).toBe("72.05");
  expect(hundredthsToText(7200)).toBe("72");
});

test("checkSheet counts totals and problems", () => {
  const check = checkSheet(
    [
      ["10", "5.5"],
      ["", "30"],
    ],
    [1000, 2000],
  );
  expect(check.totals).toEqual([1550, 0]);
  expect(check.complete).toBe(false);
  expect(check.problems).toBe(1);
  expect(check.scores).toEqual([
    [1000, 550],
    [null, null],
  ]);
});
