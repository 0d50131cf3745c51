// The on-chain Tally library and the TypeScript reference in core/ must
// publish the same numbers and ranks for every round. This runs many random
// rounds, biased towards ties and boundaries, through both and compares them.
import { expect } from "chai";
import fc from "fast-check";
import { network } from "hardhat";

import { tally } from "../../core/tally.ts";
import type { BidderResult, TallyInput } from "../../core/tally.ts";

const RUNS = Number(process.env.TALLY_EQUIVALENCE_RUNS ?? 10_000);

const { ethers } = await network.create();

// Scores drawn from a few points of each scale produce equal totals often,
// which is where the tie-break chain does its work.
function scoreArbitrary(maximum: number): fc.Arbitrary<number> {
  return fc.oneof(
    fc.integer({ min: 0, max: maximum }),
    fc
      .constantFrom(0, maximum, Math.floor(maximum / 2), maximum - 1)
      .map((score) => Math.max(0, score)),
  );
}

function bidPriceArbitrary(estimate: bigint): fc.Arbitrary<bigint> {
  const low = (estimate * 4n) / 10n;
  const high = (estimate * 12n) / 10n;
  return fc.oneof(
    fc.bigInt({ min: low, max: high }),
    fc.constantFrom(
      (estimate * 6n) / 10n,
      (estimate * 8n) / 10n,
      estimate,
      (estimate * 8n) / 10n - 1n,
    ),
  );
}

const tieBreakArbitrary = fc
  .subarray([0, 1, 2])
  .chain((steps) => fc.shuffledSubarray(steps, { minLength: steps.length }));

const inputArbitrary: fc.Arbitrary<TallyInput> = fc
  .record({
    bidders: fc.integer({ min: 1, max: 7 }),
    criteria: fc.integer({ min: 1, max: 5 }),
    trim: fc.integer({ min: 0, max: 2 }),
    technicalScoring: fc.integer({ min: 0, max: 1 }),
    priceFormula: fc.integer({ min: 0, max: 2 }),
  })
  .chain((shape) => {
    const minimumSheets = shape.trim === 2 ? 1 : 3;
    return fc
      .record({
        maxPoints: fc.array(
          fc.oneof(fc.integer({ min: 1, max: 4000 }), fc.constant(1000)),
          { minLength: shape.criteria, maxLength: shape.criteria },
        ),
        // The first criterion is always scored by evaluators.
        quantitative: fc.array(fc.boolean(), {
          minLength: shape.criteria - 1,
          maxLength: shape.criteria - 1,
        }),
        sheetCount: fc.integer({ min: minimumSheets, max: 9 }),
        relativeWeight: fc.integer({ min: 100, max: 9000 }),
        priceWeight: fc.integer({ min: 0, max: 3000 }),
        qualifyingPercent: fc.oneof(
          fc.constantFrom(0, 85),
          fc.integer({ min: 0, max: 100 }),
        ),
        estimatedPrice: fc.bigInt({ min: 10n, max: 10n ** 15n }),
        tieBreak: tieBreakArbitrary,
        lotterySeed: fc
          .uint8Array({ minLength: 32, maxLength: 32 })
          .map((bytes) => ethers.hexlify(bytes) as `0x${string}`),
      })
      .chain((rules) => completeInput(shape, rules));
  });

function completeInput(
  shape: {
    bidders: number;
    trim: number;
    technicalScoring: number;
    priceFormula: number;
  },
  rules: {
    maxPoints: number[];
    quantitative: boolean[];
    sheetCount: number;
    relativeWeight: number;
    priceWeight: number;
    qualifyingPercent: number;
    estimatedPrice: bigint;
    tieBreak: number[];
    lotterySeed: `0x${string}`;
  },
): fc.Arbitrary<TallyInput> {
  const quantitative = [false, ...rules.quantitative];
  const qualitativeMaxima = rules.maxPoints.filter((_, c) => !quantitative[c]);
  const quantitativeMaxima = rules.maxPoints.filter((_, c) => quantitative[c]);
  const technicalWeight =
    shape.technicalScoring === 0
      ? rules.maxPoints.reduce((sum, points) => sum + points, 0)
      : rules.relativeWeight;
  const estimatedPrice = shape.priceFormula === 1 ? rules.estimatedPrice : 0n;

  const sheet = fc
    .tuple(
      ...Array.from({ length: shape.bidders }, () =>
        fc.tuple(...qualitativeMaxima.map(scoreArbitrary)),
      ),
    )
    .map((perBidder) => perBidder.flat());
  const price =
    shape.priceFormula === 2
      ? fc.bigInt({ min: 0n, max: BigInt(rules.priceWeight) * 100n })
      : shape.priceFormula === 1
        ? bidPriceArbitrary(estimatedPrice)
        : fc.bigInt({ min: 1n, max: 10n ** 12n });

  return fc
    .record({
      sheets: fc.array(sheet, {
        minLength: rules.sheetCount,
        maxLength: rules.sheetCount,
      }),
      prices: fc.array(price, {
        minLength: shape.bidders,
        maxLength: shape.bidders,
      }),
      quantitativeScores: fc.array(
        fc.tuple(...quantitativeMaxima.map(scoreArbitrary)),
        { minLength: shape.bidders, maxLength: shape.bidders },
      ),
    })
    .map((drawn) => ({
      trim: shape.trim,
      technicalScoring: shape.technicalScoring,
      priceFormula: shape.priceFormula,
      qualifyingPercent: rules.qualifyingPercent,
      technicalWeight,
      priceWeight: rules.priceWeight,
      estimatedPrice,
      tieBreak: rules.tieBreak,
      maxPoints: rules.maxPoints,
      quantitative,
      bidPrices:
        shape.priceFormula === 2 ? drawn.prices.map(() => 0n) : drawn.prices,
      givenPriceScores:
        shape.priceFormula === 2 ? drawn.prices : drawn.prices.map(() => 0n),
      quantitativeScores: drawn.quantitativeScores.map((scores) => [...scores]),
      sheets: drawn.sheets,
      lotterySeed: rules.lotterySeed,
    }));
}

function normalise(results: BidderResult[]) {
  return results.map((result) => ({
    technical: BigInt(result.technical),
    price: BigInt(result.price),
    total: BigInt(result.total),
    qualified: Boolean(result.qualified),
    rankByTotal: Number(result.rankByTotal),
    negotiationOrder: Number(result.negotiationOrder),
  }));
}

describe("Tally equivalence with the core reference", function () {
  this.timeout(0);

  it(`agrees on ${RUNS} random rounds`, async function () {
    const library = await ethers.deployContract("Tally");
    const harness = await ethers.deployContract("TallyHarness", {
      libraries: { Tally: await library.getAddress() },
    });
    let compared = 0;

    await fc.assert(
      fc.asyncProperty(inputArbitrary, async (input) => {
        const expected = normalise(tally(input));
        const onChain = normalise(
          (await harness.compute(input)) as unknown as BidderResult[],
        );
        expect(onChain).to.deep.equal(expected);
        compared += 1;
      }),
      { numRuns: RUNS, seed: Number(process.env.TALLY_EQUIVALENCE_SEED ?? 1) },
    );

    expect(compared).to.equal(RUNS);
  });
});
