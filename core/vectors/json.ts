import type { Hex } from "viem";
import type { BidderResult, TallyInput } from "../tally-input.ts";

// JSON forms of the tally's input and output for the shared test vectors:
// every integer is a decimal string so that no reader loses precision.

export type TallyInputJson = {
  trim: string;
  technicalScoring: string;
  priceFormula: string;
  qualifyingPercent: string;
  technicalWeight: string;
  priceWeight: string;
  estimatedPrice: string;
  tieBreak: string[];
  maxPoints: string[];
  quantitative: boolean[];
  bidPrices: string[];
  givenPriceScores: string[];
  quantitativeScores: string[][];
  sheets: string[][];
  lotterySeed: Hex;
};

export type BidderResultJson = {
  technical: string;
  price: string;
  total: string;
  qualified: boolean;
  rankByTotal: string;
  negotiationOrder: string;
};

const text = (value: number | bigint) => value.toString();
const texts = (values: readonly (number | bigint)[]) => values.map(text);

export function tallyInputToJson(input: TallyInput): TallyInputJson {
  return {
    trim: text(input.trim),
    technicalScoring: text(input.technicalScoring),
    priceFormula: text(input.priceFormula),
    qualifyingPercent: text(input.qualifyingPercent),
    technicalWeight: text(input.technicalWeight),
    priceWeight: text(input.priceWeight),
    estimatedPrice: text(input.estimatedPrice),
    tieBreak: texts(input.tieBreak),
    maxPoints: texts(input.maxPoints),
    quantitative: [...input.quantitative],
    bidPrices: texts(input.bidPrices),
    givenPriceScores: texts(input.givenPriceScores),
    quantitativeScores: input.quantitativeScores.map(texts),
    sheets: input.sheets.map(texts),
    lotterySeed: input.lotterySeed,
  };
}

export function tallyInputFromJson(json: TallyInputJson): TallyInput {
  const numbers = (values: readonly string[]) => values.map(Number);
  return {
    trim: Number(json.trim),
    technicalScoring: Number(json.technicalScoring),
    priceFormula: Number(json.priceFormula),
    qualifyingPercent: Number(json.qualifyingPercent),
    technicalWeight: Number(json.technicalWeight),
    priceWeight: Number(json.priceWeight),
    estimatedPrice: BigInt(json.estimatedPrice),
    tieBreak: numbers(json.tieBreak),
    maxPoints: numbers(json.maxPoints),
    quantitative: [...json.quantitative],
    bidPrices: json.bidPrices.map(BigInt),
    givenPriceScores: json.givenPriceScores.map(BigInt),
    quantitativeScores: json.quantitativeScores.map(numbers),
    sheets: json.sheets.map(numbers),
    lotterySeed: json.lotterySeed,
  };
}

export function bidderResultToJson(result: BidderResult): BidderResultJson {
  return {
    technical: text(result.technical),
    price: text(result.price),
    total: text(result.total),
    qualified: result.qualified,
    rankByTotal: text(result.rankByTotal),
    negotiationOrder: text(result.negotiationOrder),
  };
}
