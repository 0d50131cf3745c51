import { keccak256, stringToHex } from "viem";
import type { Hex } from "viem";
import { lotterySeed } from "../commitment.ts";
import { PRICE_FORMULA, TECHNICAL_SCORING, TIE_BREAK, TRIM } from "../enums.ts";
import type { TallyInput } from "../tally-input.ts";

// Tally inputs that exercise each rule of the tally once: every trim, both
// technical scorings, every price formula and region of the kr-negotiated
// formula, quantitative criteria, every tie-break step, the qualification
// boundary and rounding. The expected results are computed by tally().

/** Derives a fixed 32-byte salt for vectors. Never use it in a round. */
export function vectorSalt(label: string): Hex {
  return keccak256(stringToHex(`jurybox test vector salt ${label}`));
}

/** Computes the lottery seed of `count` fixed vector salts. */
export function vectorSeed(count: number): Hex {
  return lotterySeed(
    Array.from({ length: count }, (_, seat) => vectorSalt(String(seat))),
  );
}

const { technical, largestCriterion, lottery } = TIE_BREAK;

function makeInput(
  fields: Partial<TallyInput> & Pick<TallyInput, "sheets">,
): TallyInput {
  const bidders = (fields.bidPrices ?? fields.givenPriceScores)!.length;
  const sheets = fields.sheets;
  return {
    trim: TRIM.none,
    technicalScoring: TECHNICAL_SCORING.absolute,
    priceFormula: PRICE_FORMULA.given,
    qualifyingPercent: 0,
    technicalWeight: 8000,
    priceWeight: 2000,
    estimatedPrice: 0n,
    tieBreak: [technical, lottery],
    maxPoints: [8000],
    quantitative: [false],
    bidPrices: Array.from({ length: bidders }, () => 0n),
    givenPriceScores: Array.from({ length: bidders }, () => 0n),
    quantitativeScores: Array.from({ length: bidders }, () => []),
    lotterySeed: vectorSeed(sheets.length),
    ...fields,
  };
}

export type TallyCase = { name: string; input: TallyInput };

/** Hand-made tally cases, beyond the published ones. */
export function handMadeTallyCases(): TallyCase[] {
  return [
    {
      name: "trim high-low-total drops one copy of tied extremes",
      input: makeInput({
        trim: TRIM.highLowTotal,
        maxPoints: [4000, 4000],
        quantitative: [false, false],
        givenPriceScores: [150000n, 200000n],
        // Bidder 0 totals 70, 70, 70, 60: one 70 and the 60 are dropped.
        sheets: [
          [3500, 3500, 3000, 3000],
          [3500, 3500, 3100, 3000],
          [3500, 3500, 3200, 3000],
          [3000, 3000, 3300, 3000],
        ],
      }),
    },
    {
      name: "trim high-low-criterion differs from high-low-total",
      input: makeInput({
        trim: TRIM.highLowCriterion,
        maxPoints: [4000, 4000],
        quantitative: [false, false],
        givenPriceScores: [150000n, 200000n],
        sheets: [
          [4000, 1000, 3000, 3000],
          [1000, 4000, 3100, 3000],
          [2000, 2000, 3200, 3000],
          [2500, 2500, 3300, 3000],
        ],
      }),
    },
    {
      name: "trim none averages every sheet",
      input: makeInput({
        givenPriceScores: [123456n, 200000n],
        sheets: [
          [7000, 6000],
          [6500, 6100],
        ],
      }),
    },
    {
      name: "rounding half up from an exact half",
      input: makeInput({
        givenPriceScores: [0n],
        // 8 sheets summing to 50001 hundredths: 6250.125 hundredths, so
        // 62.50125 points, which is 625012.5 ten-thousandths.
        sheets: [
          [6251],
          [6250],
          [6250],
          [6250],
          [6250],
          [6250],
          [6250],
          [6250],
        ],
      }),
    },
    {
      name: "relative-to-best with quantitative criteria",
      input: makeInput({
        technicalScoring: TECHNICAL_SCORING.relativeToBest,
        maxPoints: [5000, 2000, 3000],
        quantitative: [false, true, false],
        givenPriceScores: [100000n, 150000n, 200000n],
        quantitativeScores: [[2000], [1550], [1000]],
        sheets: [
          [4000, 2500, 4500, 2900, 3000, 1000],
          [4100, 2600, 4400, 2800, 3500, 1500],
        ],
      }),
    },
    {
      name: "relative-to-best when the best score is 0",
      input: makeInput({
        technicalScoring: TECHNICAL_SCORING.relativeToBest,
        givenPriceScores: [100000n, 50000n],
        sheets: [[0, 0]],
      }),
    },
    {
      name: "absolute with quantitative criteria and trimming",
      input: makeInput({
        trim: TRIM.highLowTotal,
        maxPoints: [3000, 2000, 3000],
        quantitative: [false, true, false],
        givenPriceScores: [150000n, 180000n],
        quantitativeScores: [[1875], [2000]],
        sheets: [
          [2500, 2600, 2700, 2200],
          [2400, 2500, 2600, 2300],
          [2900, 2800, 2500, 2100],
        ],
      }),
    },
    {
      name: "lowest-over-bid",
      input: makeInput({
        priceFormula: PRICE_FORMULA.lowestOverBid,
        bidPrices: [100000000n, 95000000n, 123456789n],
        sheets: [[7000, 7100, 6900]],
      }),
    },
    {
      name: "kr-negotiated bids below 0.6E, between and above 0.8E",
      input: makeInput({
        priceFormula: PRICE_FORMULA.krNegotiated,
        estimatedPrice: 400000000n,
        // 0.6E = 240000000, 0.8E = 320000000.
        bidPrices: [230000000n, 250000000n, 319999999n, 320000000n, 400000000n],
        sheets: [[7000, 7000, 7000, 7000, 7000]],
      }),
    },
    {
      name: "kr-negotiated lowest bid between 0.6E and 0.8E",
      input: makeInput({
        priceFormula: PRICE_FORMULA.krNegotiated,
        estimatedPrice: 1000000n,
        bidPrices: [650000n, 780000n, 810000n, 1200000n],
        sheets: [[6000, 6500, 7000, 7500]],
      }),
    },
    {
      name: "tie on total broken by technical",
      input: makeInput({
        givenPriceScores: [150000n, 140000n, 160000n],
        sheets: [[6900, 7000, 6800]],
      }),
    },
    {
      name: "tie broken by largest criterion",
      input: makeInput({
        tieBreak: [technical, largestCriterion, lottery],
        maxPoints: [3000, 5000],
        quantitative: [false, false],
        givenPriceScores: [150000n, 150000n, 150000n],
        // Equal totals and technical. Bidder 2 has the best mean on the
        // 50-point criterion; bidders 0 and 1 tie there and go to the lottery.
        sheets: [
          [3000, 4000, 2500, 4500, 2000, 5000],
          [2000, 4000, 2500, 3500, 2000, 4000],
        ],
      }),
    },
    {
      name: "tie broken by a quantitative largest criterion",
      input: makeInput({
        tieBreak: [largestCriterion],
        maxPoints: [3000, 5000],
        quantitative: [false, true],
        givenPriceScores: [150000n, 150000n],
        quantitativeScores: [[3000], [4000]],
        sheets: [
          [3000, 2000],
          [3000, 2000],
        ],
      }),
    },
    {
      name: "tie broken by lottery",
      input: makeInput({
        tieBreak: [technical, largestCriterion, lottery],
        givenPriceScores: [150000n, 150000n, 150000n, 150000n],
        sheets: [
          [7000, 7000, 7000, 7000],
          [6000, 6000, 6000, 6000],
          [6500, 6500, 6500, 6500],
        ],
      }),
    },
    {
      name: "full tie falls back to presentation order",
      input: makeInput({
        tieBreak: [technical, largestCriterion],
        givenPriceScores: [150000n, 150000n, 150000n],
        sheets: [[7000, 7000, 7000]],
      }),
    },
    {
      name: "no tie-break steps",
      input: makeInput({
        tieBreak: [],
        givenPriceScores: [150000n, 140000n, 150000n],
        sheets: [[7000, 7100, 7000]],
      }),
    },
    {
      name: "85 percent boundary on the rounded technical score",
      input: makeInput({
        technicalScoring: TECHNICAL_SCORING.relativeToBest,
        qualifyingPercent: 85,
        maxPoints: [65535, 65535],
        quantitative: [false, false],
        givenPriceScores: [100000n, 100000n, 100000n],
        // 80 × 680.11 / 800.13 is 67.9999500…, which rounds to 68.0000.
        sheets: [[65535, 14478, 34000, 34011, 34000, 34010]],
      }),
    },
    {
      name: "85 percent boundary under absolute scoring",
      input: makeInput({
        qualifyingPercent: 85,
        givenPriceScores: [100000n, 100000n, 100000n],
        sheets: [[6800, 6799, 8000]],
      }),
    },
    {
      name: "no bidder qualifies",
      input: makeInput({
        qualifyingPercent: 90,
        trim: TRIM.highLowTotal,
        givenPriceScores: [200000n, 150000n],
        sheets: [
          [7000, 7100],
          [7100, 7150],
          [7190, 7199],
        ],
      }),
    },
  ];
}
