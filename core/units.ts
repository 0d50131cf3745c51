import { UnitsError } from "./errors.ts";

// Conversions between decimal points as people write them ("72.5", 72.5)
// and the fixed-point integers used on chain (7250 hundredths). Everything
// goes through decimal strings, so no binary floating-point error can creep
// in: 0.29 becomes 29 hundredths, never 28.999999999999996.

const PLAIN_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;
const EXPONENT_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/;

/**
 * Returns the plain decimal form of a number or numeric string ("1e-7"
 * becomes "0.0000001"), or undefined when the value is not a finite
 * decimal. A JavaScript number is read as its shortest round-trip
 * representation, which is the text it was written with in JSON.
 */
export function toDecimalString(value: number | string): string | undefined {
  if (typeof value === "number" && !Number.isFinite(value)) return undefined;
  const text = typeof value === "number" ? String(value) : value.trim();
  if (PLAIN_DECIMAL.test(text)) return text;

  const match = EXPONENT_DECIMAL.exec(text.toLowerCase());
  if (match === null) return undefined;
  const [, sign, whole, fraction = "", exponentText] = match;
  const digits = whole + fraction;
  const point = whole.length + Number(exponentText);
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) {
    return sign + digits + "0".repeat(point - digits.length);
  }
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * Counts the significant decimals of a value: 72.5 has 1, "72.50" has 1,
 * 72 has 0. Returns undefined when the value is not a finite decimal.
 */
export function countDecimals(value: number | string): number | undefined {
  const text = toDecimalString(value);
  if (text === undefined) return undefined;
  const fraction = PLAIN_DECIMAL.exec(text)?.[3] ?? "";
  return fraction.replace(/0+$/, "").length;
}

/**
 * Converts a decimal to an integer count of 10^-decimals units:
 * `parseFixed("72.5", 2)` is 7250n. Throws a `UnitsError` when the value
 * is not a finite decimal or has more decimals than `decimals`.
 */
export function parseFixed(value: number | string, decimals: number): bigint {
  const text = toDecimalString(value);
  if (text === undefined) {
    throw new UnitsError(`${JSON.stringify(value)} is not a decimal number.`, {
      hint: 'Write the value with digits and an optional point, e.g. "72.5".',
    });
  }
  const [, sign, whole, fraction = ""] = PLAIN_DECIMAL.exec(text)!;
  const significant = fraction.replace(/0+$/, "");
  if (significant.length > decimals) {
    throw new UnitsError(
      `${text} has more than ${decimals} decimals and cannot be stored exactly.`,
      { hint: `Round the value to ${decimals} decimals.` },
    );
  }
  const units = BigInt(whole + significant.padEnd(decimals, "0"));
  return sign === "-" ? -units : units;
}

/** Converts points to hundredths of a point: 72.5 → 7250. */
export function toHundredths(value: number | string): number {
  const units = parseFixed(value, 2);
  if (units > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new UnitsError(`${String(value)} is too large for a score.`, {
      hint: "Use a value below 90 trillion points.",
    });
  }
  return Number(units);
}

/** Converts points to ten-thousandths of a point: 13 → 130000n. */
export function toTenThousandths(value: number | string): bigint {
  return parseFixed(value, 4);
}

/**
 * Formats an integer count of 10^-decimals units with exactly `decimals`
 * decimals: `formatFixed(680000n, 4)` is "68.0000".
 */
export function formatFixed(value: bigint | number, decimals: number): string {
  const units = BigInt(value);
  const sign = units < 0n ? "-" : "";
  const digits = (units < 0n ? -units : units)
    .toString()
    .padStart(decimals + 1, "0");
  if (decimals === 0) return sign + digits;
  const point = digits.length - decimals;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * Converts a fixed-point integer back to a number of points without
 * trailing zeros: `fromFixed(7250, 2)` is 72.5. The conversion goes
 * through the decimal text, so it returns the nearest double to it.
 */
export function fromFixed(value: bigint | number, decimals: number): number {
  return Number(formatFixed(value, decimals));
}
