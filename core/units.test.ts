import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UnitsError } from "./errors.ts";
import {
  countDecimals,
  formatFixed,
  fromFixed,
  parseFixed,
  toDecimalString,
  toHundredths,
  toTenThousandths,
} from "./units.ts";

describe("toHundredths", () => {
  it.each([
    [72.5, 7250],
    ["72.5", 7250],
    [0.29, 29],
    [0.57, 57],
    [1.005, undefined],
    [655.35, 65535],
    ["80.00", 8000],
    [0, 0],
    [1e-2, 1],
  ])("converts %s", (value, expected) => {
    if (expected === undefined) {
      expect(() => toHundredths(value)).toThrow(UnitsError);
    } else {
      expect(toHundredths(value)).toBe(expected);
    }
  });

  it("rejects three decimals with a message", () => {
    expect(() => toHundredths("72.555")).toThrow(
      "72.555 has more than 2 decimals and cannot be stored exactly.",
    );
  });

  it("rejects text that is not a number", () => {
    expect(() => toHundredths("7 2")).toThrow('"7 2" is not a decimal number.');
  });
});

describe("toTenThousandths", () => {
  it("keeps four decimals exactly", () => {
    expect(toTenThousandths(13.1234)).toBe(131234n);
    expect(toTenThousandths("0.0001")).toBe(1n);
  });
});

describe("toDecimalString", () => {
  it.each([
    [1e-7, "0.0000001"],
    [1.5e-7, "0.00000015"],
    [1e21, "1000000000000000000000"],
    [1.25e22, "12500000000000000000000"],
    ["-3.5", "-3.5"],
    [Infinity, undefined],
    ["1.2.3", undefined],
  ])("writes %s plainly", (value, expected) => {
    expect(toDecimalString(value)).toBe(expected);
  });
});

describe("countDecimals", () => {
  it("ignores trailing zeros", () => {
    expect(countDecimals("72.50")).toBe(1);
    expect(countDecimals(72)).toBe(0);
    expect(countDecimals(0.1 + 0.2)).toBe(17);
  });
});

describe("formatFixed", () => {
  it.each([
    [680000n, 4, "68.0000"],
    [5n, 4, "0.0005"],
    [0n, 4, "0.0000"],
    [-15n, 2, "-0.15"],
    [7250, 2, "72.50"],
    [12n, 0, "12"],
  ])("formats %s with %i decimals", (value, decimals, expected) => {
    expect(formatFixed(value, decimals)).toBe(expected);
  });
});

describe("round trips", () => {
  it("hundredths survive formatting and parsing", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 65_535 }), (hundredths) => {
        expect(toHundredths(formatFixed(hundredths, 2))).toBe(hundredths);
        expect(toHundredths(fromFixed(hundredths, 2))).toBe(hundredths);
      }),
    );
  });

  it("ten-thousandths survive formatting and parsing", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
        (units) => {
          expect(parseFixed(formatFixed(units, 4), 4)).toBe(units);
        },
      ),
    );
  });
});
