import { describe, expect, it } from "vitest";
import {
  add,
  compare,
  divide,
  fraction,
  max,
  multiply,
  roundHalfUp,
  subtract,
} from "./fraction.ts";

describe("fraction", () => {
  it("reduces to lowest terms with a positive denominator", () => {
    expect(fraction(6n, -4n)).toEqual({ numerator: -3n, denominator: 2n });
    expect(fraction(0n, 5n)).toEqual({ numerator: 0n, denominator: 1n });
  });

  it("rejects a zero denominator", () => {
    expect(() => fraction(1n, 0n)).toThrow("Fraction denominator is zero.");
    expect(() => divide(fraction(1n), fraction(0n))).toThrow(RangeError);
  });

  it("does exact arithmetic", () => {
    const third = fraction(1n, 3n);
    const sixth = fraction(1n, 6n);
    expect(add(third, sixth)).toEqual(fraction(1n, 2n));
    expect(subtract(third, sixth)).toEqual(sixth);
    expect(multiply(third, fraction(3n))).toEqual(fraction(1n));
    expect(divide(sixth, third)).toEqual(fraction(1n, 2n));
  });

  it("compares across denominators", () => {
    expect(compare(fraction(2n, 3n), fraction(3n, 5n))).toBe(1);
    expect(compare(fraction(4n, 6n), fraction(2n, 3n))).toBe(0);
    expect(max(fraction(1n, 7n), fraction(1n, 6n))).toEqual(fraction(1n, 6n));
  });

  it.each([
    [5n, 2n, 3n],
    [7n, 3n, 2n],
    [8n, 3n, 3n],
    [1n, 2n, 1n],
    [1n, 3n, 0n],
    [-5n, 2n, -3n],
    [6250125n, 1000n, 6250n],
  ])("rounds %i/%i to %i", (numerator, denominator, expected) => {
    expect(roundHalfUp(fraction(numerator, denominator))).toBe(expected);
  });
});
