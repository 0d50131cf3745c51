// Exact rational numbers on bigint, for the tally. A fraction is kept in
// lowest terms with a positive denominator, so equal values compare equal
// field by field.

/** An exact rational number `numerator / denominator`. */
export type Fraction = {
  readonly numerator: bigint;
  /** Always positive. */
  readonly denominator: bigint;
};

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Builds `numerator / denominator` in lowest terms. */
export function fraction(
  numerator: bigint | number,
  denominator: bigint | number = 1n,
): Fraction {
  let top = BigInt(numerator);
  let bottom = BigInt(denominator);
  if (bottom === 0n) throw new RangeError("Fraction denominator is zero.");
  if (bottom < 0n) [top, bottom] = [-top, -bottom];
  const divisor = gcd(top, bottom) || 1n;
  return { numerator: top / divisor, denominator: bottom / divisor };
}

export const ZERO = fraction(0n);

export function add(a: Fraction, b: Fraction): Fraction {
  return fraction(
    a.numerator * b.denominator + b.numerator * a.denominator,
    a.denominator * b.denominator,
  );
}

export function subtract(a: Fraction, b: Fraction): Fraction {
  return add(a, fraction(-b.numerator, b.denominator));
}

export function multiply(a: Fraction, b: Fraction): Fraction {
  return fraction(a.numerator * b.numerator, a.denominator * b.denominator);
}

/** Divides `a` by `b`; throws a RangeError when `b` is zero. */
export function divide(a: Fraction, b: Fraction): Fraction {
  return fraction(a.numerator * b.denominator, a.denominator * b.numerator);
}

/** Returns -1, 0 or 1 as `a` is less than, equal to or greater than `b`. */
export function compare(a: Fraction, b: Fraction): -1 | 0 | 1 {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function max(a: Fraction, b: Fraction): Fraction {
  return compare(a, b) >= 0 ? a : b;
}

/**
 * Rounds to the nearest integer, halves away from zero. For the tally's
 * values, which are never negative, this is rounding half up.
 */
export function roundHalfUp(value: Fraction): bigint {
  const { numerator, denominator } = value;
  const magnitude = numerator < 0n ? -numerator : numerator;
  const rounded = (2n * magnitude + denominator) / (2n * denominator);
  return numerator < 0n ? -rounded : rounded;
}
