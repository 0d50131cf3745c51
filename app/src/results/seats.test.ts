import { describe, expect, test } from "vitest";

import { evaluatorLetter, shuffledSeats } from "./seats.ts";

const SEED = `0x${"11".repeat(32)}` as const;

describe("shuffledSeats", () => {
  test("keeps every seat once", () => {
    const order = shuffledSeats([0, 1, 2, 3, 4], SEED);
    expect([...order].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  test("depends on the seed, not the input order", () => {
    const first = shuffledSeats([0, 1, 2, 3, 4, 5, 6, 7], SEED);
    const reversed = shuffledSeats([7, 6, 5, 4, 3, 2, 1, 0], SEED);
    const other = shuffledSeats(
      [0, 1, 2, 3, 4, 5, 6, 7],
      `0x${"22".repeat(32)}`,
    );
    expect(reversed).toEqual(first);
    expect(other).not.toEqual(first);
  });
});

describe("evaluatorLetter", () => {
  test("labels past Z with two letters", () => {
    expect(evaluatorLetter(0)).toBe("A");
    expect(evaluatorLetter(25)).toBe("Z");
    expect(evaluatorLetter(26)).toBe("AA");
    expect(evaluatorLetter(27)).toBe("AB");
  });
});
