import fc from "fast-check";
import { bytesToHex } from "viem";
import { describe, expect, it } from "vitest";
import { tally } from "./tally.ts";
import type { TallyInput } from "./tally.ts";

// Invariants of the tally over random valid inputs.

const criteriaArbitrary = fc
  .array(
    fc.record({
      maxPoints: fc.integer({ min: 1, max: 65_535 }),
      quantitative: fc.boolean(),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .filter((criteria) => criteria.some((criterion) => !criterion.quantitative));

const inputArbitrary: fc.Arbitrary<TallyInput> = fc
  .record({
    trim: fc.integer({ min: 0, max: 2 }),
    technicalScoring: fc.integer({ min: 0, max: 1 }),
    priceFormula: fc.integer({ min: 0, max: 2 }),
    qualifyingPercent: fc.oneof(
      fc.constant(0),
      fc.integer({ min: 0, max: 100 }),
    ),
    technicalWeight: fc.integer({ min: 1, max: 100_000 }),
    priceWeight: fc.integer({ min: 0, max: 100_000 }),
    estimatedPrice: fc.bigInt({ min: 1n, max: 10n ** 12n }),
    tieBreak: fc.shuffledSubarray([0, 1, 2]),
    criteria: criteriaArbitrary,
    bidderCount: fc.integer({ min: 1, max: 6 }),
    extraSheets: fc.integer({ min: 0, max: 4 }),
    seed: fc.uint8Array({ minLength: 32, maxLength: 32 }),
    randomness: fc.infiniteStream(
      fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    ),
  })
  .map((draw) => {
    const next = () => draw.randomness.next().value as number;
    const below = (limit: number) => Math.floor(next() * (limit + 1));
    const bidders = Array.from(
      { length: draw.bidderCount },
      (_, index) => index,
    );
    const sheetCount = (draw.trim === 2 ? 1 : 3) + draw.extraSheets;
    const qualitative = draw.criteria.filter(
      (criterion) => !criterion.quantitative,
    );
    const quantitative = draw.criteria.filter(
      (criterion) => criterion.quantitative,
    );
    return {
      trim: draw.trim,
      technicalScoring: draw.technicalScoring,
      priceFormula: draw.priceFormula,
      qualifyingPercent: draw.qualifyingPercent,
      technicalWeight: draw.technicalWeight,
      priceWeight: draw.priceWeight,
      estimatedPrice: draw.estimatedPrice,
      tieBreak: draw.tieBreak,
      maxPoints: draw.criteria.map((criterion) => criterion.maxPoints),
      quantitative: draw.criteria.map((criterion) => criterion.quantitative),
      bidPrices: bidders.map(() => BigInt(1 + below(2_000_000_000))),
      givenPriceScores: bidders.map(() =>
        BigInt(below(draw.priceWeight * 100)),
      ),
      quantitativeScores: bidders.map(() =>
        quantitative.map((criterion) => below(criterion.maxPoints)),
      ),
      sheets: Array.from({ length: sheetCount }, () =>
        bidders.flatMap(() =>
          qualitative.map((criterion) => below(criterion.maxPoints)),
        ),
      ),
      lotterySeed: bytesToHex(draw.seed),
    };
  });

describe("tally invariants", () => {
  it("ranks form a permutation of 1..bidders", () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        const ranks = tally(input).map((result) => result.rankByTotal);
        const sorted = [...ranks].sort((a, b) => a - b);
        expect(sorted).toEqual(ranks.map((_, index) => index + 1));
      }),
    );
  });

  it("total is technical plus price", () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        for (const result of tally(input)) {
          expect(result.total).toBe(result.technical + result.price);
        }
      }),
    );
  });

  it("ranks never put a lower total first", () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        const results = tally(input);
        const byRank = [...results].sort(
          (a, b) => a.rankByTotal - b.rankByTotal,
        );
        for (let index = 1; index < byRank.length; index++) {
          expect(byRank[index - 1].total >= byRank[index].total).toBe(true);
        }
      }),
    );
  });

  it("negotiation order numbers the qualified in rank order", () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        const results = tally(input);
        const threshold = BigInt(
          input.qualifyingPercent * input.technicalWeight,
        );
        const byRank = [...results].sort(
          (a, b) => a.rankByTotal - b.rankByTotal,
        );
        let expectedOrder = 0;
        for (const result of byRank) {
          const qualified =
            input.qualifyingPercent === 0 || result.technical >= threshold;
          expect(result.qualified).toBe(qualified);
          expect(result.negotiationOrder).toBe(qualified ? ++expectedOrder : 0);
        }
      }),
    );
  });

  it("the best relative technical score is the full weight", () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        const relative = { ...input, technicalScoring: 1 };
        const best = tally(relative).reduce(
          (high, result) => (result.technical > high ? result.technical : high),
          0n,
        );
        const full = BigInt(input.technicalWeight) * 100n;
        // Trimming can drop every non-zero score, which leaves a best of 0.
        expect([0n, full]).toContain(best);
        const anyScore = [...relative.sheets, ...relative.quantitativeScores]
          .flat()
          .some((score) => score > 0);
        if (input.trim === 2 && anyScore) expect(best).toBe(full);
      }),
    );
  });

  it("the lowest bid earns the full price weight", () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        const lowestOverBid = { ...input, priceFormula: 0 };
        const results = tally(lowestOverBid);
        const lowest = input.bidPrices.reduce((a, b) => (b < a ? b : a));
        const full = BigInt(input.priceWeight) * 100n;
        input.bidPrices.forEach((bid, bidder) => {
          expect(results[bidder].price <= full).toBe(true);
          if (bid === lowest) expect(results[bidder].price).toBe(full);
        });
      }),
    );
  });

  it("absolute technical stays within the criteria maxima", () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        const absolute = { ...input, technicalScoring: 0 };
        const ceiling =
          BigInt(input.maxPoints.reduce((a, b) => a + b, 0)) * 100n;
        for (const result of tally(absolute)) {
          expect(result.technical <= ceiling).toBe(true);
        }
      }),
    );
  });

  it("seat order does not change the scores", () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        const reversed = { ...input, sheets: [...input.sheets].reverse() };
        expect(tally(reversed)).toEqual(tally(input));
      }),
    );
  });
});
