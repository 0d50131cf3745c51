import { encodeAbiParameters, hexToBigInt, keccak256, stringToHex } from "viem";
import { describe, expect, it } from "vitest";
import { TallyInputError } from "./errors.ts";
import { tally } from "./tally.ts";
import type { TallyInput } from "./tally.ts";

// Hand-computed examples, one rule at a time. Every expected number below
// was worked out on paper from the rules, not taken from the code.

const SEED = keccak256(stringToHex("tally test seed"));

function input(fields: Partial<TallyInput> & { sheets: number[][] }) {
  const bidders = (fields.bidPrices ?? fields.givenPriceScores)!.length;
  return {
    trim: 2,
    technicalScoring: 0,
    priceFormula: 2,
    qualifyingPercent: 0,
    technicalWeight: 8000,
    priceWeight: 2000,
    estimatedPrice: 0n,
    tieBreak: [0, 2],
    maxPoints: [8000],
    quantitative: [false],
    bidPrices: Array.from({ length: bidders }, () => 0n),
    givenPriceScores: Array.from({ length: bidders }, () => 0n),
    quantitativeScores: Array.from({ length: bidders }, () => []),
    lotterySeed: SEED,
    ...fields,
  } satisfies TallyInput;
}

const technicalOf = (fields: Parameters<typeof input>[0]) =>
  tally(input(fields)).map((result) => result.technical);
const priceOf = (fields: Parameters<typeof input>[0]) =>
  tally(input(fields)).map((result) => result.price);
const ranksOf = (fields: Parameters<typeof input>[0]) =>
  tally(input(fields)).map((result) => result.rankByTotal);

describe("trimming", () => {
  it("high-low-total drops one copy of tied extremes", () => {
    // Totals 68, 68, 68, 68, 72: drop one 72 and one 68, mean of 3 × 68.
    const sheets = [[6800], [6800], [6800], [6800], [7200]];
    expect(technicalOf({ trim: 0, givenPriceScores: [0n], sheets })).toEqual([
      680000n,
    ]);
  });

  it("high-low-total trims seat totals across criteria", () => {
    // Totals 50, 50, 40, 50 → (190 − 50 − 40) / 2 = 50.
    const sheets = [
      [4000, 1000],
      [1000, 4000],
      [2000, 2000],
      [2500, 2500],
    ];
    const fields = {
      trim: 0,
      maxPoints: [4000, 4000],
      quantitative: [false, false],
      givenPriceScores: [0n],
      sheets,
    };
    expect(technicalOf(fields)).toEqual([500000n]);
  });

  it("high-low-criterion trims each criterion", () => {
    // Criterion 1: 40, 10, 20, 25 → 45 / 2 = 22.5; criterion 2 the same.
    const sheets = [
      [4000, 1000],
      [1000, 4000],
      [2000, 2000],
      [2500, 2500],
    ];
    const fields = {
      trim: 1,
      maxPoints: [4000, 4000],
      quantitative: [false, false],
      givenPriceScores: [0n],
      sheets,
    };
    expect(technicalOf(fields)).toEqual([450000n]);
  });

  it("none averages every sheet", () => {
    // (70 + 65 + 61) / 3 = 65.3333…
    const sheets = [[7000], [6500], [6100]];
    expect(technicalOf({ givenPriceScores: [0n], sheets })).toEqual([653333n]);
  });

  it("adds quantitative scores untrimmed", () => {
    // Qualitative totals 51, 49, 57 → 51; plus 18.75 quantitative.
    const fields = {
      trim: 0,
      maxPoints: [3000, 2000, 3000],
      quantitative: [false, true, false],
      givenPriceScores: [0n],
      quantitativeScores: [[1875]],
      sheets: [
        [2500, 2600],
        [2400, 2500],
        [2900, 2800],
      ],
    };
    expect(technicalOf(fields)).toEqual([697500n]);
  });

  it("rounds an exact half up", () => {
    // 500.01 / 8 = 62.50125 points = 625012.5 ten-thousandths.
    const sheets = [
      [6251],
      [6250],
      [6250],
      [6250],
      [6250],
      [6250],
      [6250],
      [6250],
    ];
    expect(technicalOf({ givenPriceScores: [0n], sheets })).toEqual([625013n]);
  });

  it("rounds below a half down", () => {
    // 100.01 / 3 = 33.33666… → 33.3367; 100.00 / 3 = 33.33333… → 33.3333.
    const fields = {
      givenPriceScores: [0n, 0n],
      sheets: [
        [3334, 3333],
        [3333, 3333],
        [3334, 3334],
      ],
    };
    expect(technicalOf(fields)).toEqual([333367n, 333333n]);
  });
});

describe("technical scoring", () => {
  it("relative-to-best scales to the best bidder", () => {
    // 80 × 123/129 = 76.27906… and 80 × 117/129 = 72.55813…
    const fields = {
      technicalScoring: 1,
      maxPoints: [15000],
      givenPriceScores: [0n, 0n, 0n],
      sheets: [[12300, 12900, 11700]],
    };
    expect(technicalOf(fields)).toEqual([762791n, 800000n, 725581n]);
  });

  it("relative-to-best gives 0 when the best is 0", () => {
    const fields = {
      technicalScoring: 1,
      givenPriceScores: [0n, 0n],
      sheets: [[0, 0]],
    };
    expect(technicalOf(fields)).toEqual([0n, 0n]);
  });
});

describe("price formulas", () => {
  it("lowest-over-bid", () => {
    // 20 × 9900/10500 = 18.857142…, 20 × 9900/11750 = 16.851063…
    const fields = {
      priceFormula: 0,
      bidPrices: [10500n, 9900n, 11750n],
      sheets: [[7000, 7000, 7000]],
    };
    expect(priceOf(fields)).toEqual([188571n, 200000n, 168511n]);
  });

  it("kr-negotiated in each region", () => {
    // E = 400M: 0.6E = 240M, 0.8E = 320M. The lowest bid 230M counts as
    // 240M. Below 0.8E: 20 × 240/320 + 2 × (320 − P')/80.
    //   230M → 15 + 2 = 17; 250M → 15 + 1.75 = 16.75;
    //   319,999,999 → 15 + 0.000000025 = 15.0000;
    // from 0.8E on: 20 × 240/P → 320M 15, 400M 12.
    const fields = {
      priceFormula: 1,
      estimatedPrice: 400_000_000n,
      bidPrices: [
        230_000_000n,
        250_000_000n,
        319_999_999n,
        320_000_000n,
        400_000_000n,
      ],
      sheets: [[7000, 7000, 7000, 7000, 7000]],
    };
    expect(priceOf(fields)).toEqual([
      170000n,
      167500n,
      150000n,
      150000n,
      120000n,
    ]);
  });

  it("kr-negotiated with the lowest bid above 0.6E", () => {
    // E = 1M, lowest 650k: 650k → 16.25 + 1.5; 780k → 16.25 + 0.2;
    // 810k → 20 × 650/810 = 16.049382…; 1.2M → 10.8333…
    const fields = {
      priceFormula: 1,
      estimatedPrice: 1_000_000n,
      bidPrices: [650_000n, 780_000n, 810_000n, 1_200_000n],
      sheets: [[6000, 6500, 7000, 7500]],
    };
    expect(priceOf(fields)).toEqual([177500n, 164500n, 160494n, 108333n]);
  });

  it("given uses the price score as is", () => {
    const fields = { givenPriceScores: [131234n, 5n], sheets: [[7000, 7000]] };
    expect(priceOf(fields)).toEqual([131234n, 5n]);
  });

  it("total is the sum of the rounded components", () => {
    // Technical 65.33333… → 65.3333; price 20 × 3/7 = 8.571428… → 8.5714.
    const results = tally(
      input({
        priceFormula: 0,
        bidPrices: [7n, 3n],
        sheets: [
          [7000, 0],
          [6500, 0],
          [6100, 0],
        ],
      }),
    );
    expect(results[0].total).toBe(653333n + 85714n);
  });
});

describe("qualification", () => {
  it("passes exactly 85 percent and fails just below", () => {
    const results = tally(
      input({
        qualifyingPercent: 85,
        givenPriceScores: [0n, 0n],
        sheets: [[6800, 6799]],
      }),
    );
    expect(results.map((result) => result.qualified)).toEqual([true, false]);
  });

  it("compares the rounded technical score", () => {
    // 80 × 680.11/800.13 = 67.99995000…, rounded 68.0000: qualified.
    const results = tally(
      input({
        technicalScoring: 1,
        qualifyingPercent: 85,
        maxPoints: [65535, 65535],
        quantitative: [false, false],
        givenPriceScores: [0n, 0n],
        sheets: [[65535, 14478, 34000, 34011]],
      }),
    );
    expect(results[1].technical).toBe(680000n);
    expect(results[1].qualified).toBe(true);
  });

  it("numbers only qualified bidders in negotiation order", () => {
    // Totals 81, 85, 84, 84, 82; technical 68, 65, 69, 70, 65.
    const results = tally(
      input({
        trim: 0,
        qualifyingPercent: 85,
        givenPriceScores: [130000n, 200000n, 150000n, 140000n, 170000n],
        sheets: [
          [6800, 6500, 7300, 7500, 6500],
          [6800, 7300, 6900, 7000, 6000],
          [6800, 6200, 6900, 6500, 6000],
          [6800, 6500, 6500, 6500, 7000],
          [7200, 6500, 6900, 7500, 7500],
        ],
      }),
    );
    expect(results.map((result) => result.rankByTotal)).toEqual([
      5, 1, 3, 2, 4,
    ]);
    expect(results.map((result) => result.negotiationOrder)).toEqual([
      3, 0, 2, 1, 0,
    ]);
  });

  it("qualifies everyone when the percent is 0", () => {
    const results = tally(input({ givenPriceScores: [0n], sheets: [[0]] }));
    expect(results[0].qualified).toBe(true);
    expect(results[0].negotiationOrder).toBe(1);
  });
});

describe("tie-breaks", () => {
  it("ranks a higher technical score first", () => {
    // Totals all 84: technical 69, 70, 68.
    const fields = {
      givenPriceScores: [150000n, 140000n, 160000n],
      sheets: [[6900, 7000, 6800]],
    };
    expect(ranksOf(fields)).toEqual([2, 1, 3]);
  });

  it("ranks a higher mean on the largest criterion first", () => {
    // Equal totals 65; means on the 50-point criterion 40, 40, 45. Bidders
    // 0 and 1 then tie on technical too and keep presentation order.
    const fields = {
      tieBreak: [1, 0],
      maxPoints: [3000, 5000],
      quantitative: [false, false],
      givenPriceScores: [0n, 0n, 0n],
      sheets: [
        [3000, 4000, 2500, 4500, 2000, 5000],
        [2000, 4000, 2500, 3500, 2000, 4000],
      ],
    };
    expect(ranksOf(fields)).toEqual([2, 3, 1]);
  });

  it("uses the first criterion among equal maxima", () => {
    // Both criteria have 40 points: the first decides, bidder 1 is ahead.
    const fields = {
      tieBreak: [1],
      maxPoints: [4000, 4000],
      quantitative: [false, false],
      givenPriceScores: [0n, 0n],
      sheets: [[3000, 4000, 3500, 3500]],
    };
    expect(ranksOf(fields)).toEqual([2, 1]);
  });

  it("uses the given score of a quantitative largest criterion", () => {
    const fields = {
      tieBreak: [1],
      maxPoints: [3000, 5000],
      quantitative: [false, true],
      givenPriceScores: [0n, 0n],
      quantitativeScores: [[3000], [4000]],
      sheets: [[3000, 2000]],
    };
    expect(ranksOf(fields)).toEqual([2, 1]);
  });

  it("orders a lottery by the lower ticket", () => {
    const tickets = [0, 1, 2, 3].map((bidder) =>
      hexToBigInt(
        keccak256(
          encodeAbiParameters(
            [{ type: "bytes32" }, { type: "uint256" }],
            [SEED, BigInt(bidder)],
          ),
        ),
      ),
    );
    const byTicket = [0, 1, 2, 3].sort((a, b) =>
      tickets[a] < tickets[b] ? -1 : 1,
    );
    const expectedRanks = [0, 1, 2, 3].map(
      (bidder) => byTicket.indexOf(bidder) + 1,
    );

    const fields = {
      tieBreak: [0, 1, 2],
      givenPriceScores: [0n, 0n, 0n, 0n],
      sheets: [[7000, 7000, 7000, 7000]],
    };
    expect(ranksOf(fields)).toEqual(expectedRanks);
    expect(expectedRanks).not.toEqual([1, 2, 3, 4]);
  });

  it("keeps presentation order when still tied", () => {
    const fields = {
      tieBreak: [0, 1],
      givenPriceScores: [0n, 0n, 0n],
      sheets: [[7000, 7000, 7000]],
    };
    expect(ranksOf(fields)).toEqual([1, 2, 3]);
  });

  it("skips steps that are not listed", () => {
    // Bidder 1 has the best technical score, but no step reads it.
    const fields = {
      tieBreak: [],
      givenPriceScores: [150000n, 140000n],
      sheets: [[7000, 7100]],
    };
    expect(ranksOf(fields)).toEqual([1, 2]);
  });
});

describe("invalid input", () => {
  it.each([
    [
      "trimming two sheets",
      { trim: 0, givenPriceScores: [0n], sheets: [[1], [2]] },
      'Trim "high-low-total" needs at least 3 opened sheets but there are 2.',
    ],
    [
      "no sheets",
      { givenPriceScores: [0n], sheets: [] },
      "The tally has no opened sheet.",
    ],
    [
      "a zero bid",
      { priceFormula: 0, bidPrices: [0n, 5n], sheets: [[1, 2]] },
      "A bid price is 0 or less, so the price formula would divide by zero.",
    ],
    [
      "a zero estimate",
      { priceFormula: 1, bidPrices: [5n], sheets: [[1]] },
      "The estimated price is 0 but the kr-negotiated formula divides by it.",
    ],
    [
      "a short sheet",
      { givenPriceScores: [0n, 0n], sheets: [[1]] },
      "Sheet 0 has length 1, not 2 bidders × 1 qualitative criteria = 2.",
    ],
    [
      "an unknown tie-break",
      { tieBreak: [3], givenPriceScores: [0n], sheets: [[1]] },
      "Tie-break step 3 is not 0, 1 or 2.",
    ],
    [
      "a fractional score",
      { givenPriceScores: [0n], sheets: [[1.5]] },
      "Sheet 0 has a score that is not a whole number of hundredths from 0 to 65535.",
    ],
  ])("rejects %s", (_, fields, message) => {
    let error: unknown;
    try {
      tally(input(fields as Parameters<typeof input>[0]));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TallyInputError);
    expect((error as TallyInputError).message).toBe(message);
  });
});
