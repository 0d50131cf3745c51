import type { RoundParamsStruct } from "../../types/ethers-contracts/EvaluationRegistry.ts";
import type { RoundPlan, Sheet } from "./fixtures.ts";
import { planRound } from "./fixtures.ts";
import { hexlify, randomBytes } from "ethers";

// Converts a published case file (a round file with sheets and the expected
// result, in points and option names) into registry parameters in on-chain
// units, so that the case can run through a real round.

export interface CaseFile {
  title: string;
  reference: string;
  rules: {
    version: string;
    technicalWeight: number;
    priceWeight: number;
    trim: string;
    technicalScoring: string;
    priceFormula: string;
    estimatedPrice?: string;
    qualifyingPercent: number;
    tieBreak: string[];
    minEvaluators: number;
  };
  criteria: { name: string; maxPoints: number; kind: string }[];
  bidders: {
    name: string;
    bidPrice?: string;
    priceScore?: number;
    quantitativeScores?: number[];
  }[];
  evaluators: number;
  sheets: { scores: number[][]; comments?: string[] }[];
  expected: {
    bidders: {
      name: string;
      technical: string;
      price: string;
      total: string;
      qualified: boolean;
      rankByTotal: number;
      negotiationOrder: number | null;
    }[];
  };
}

const TRIMS = ["high-low-total", "high-low-criterion", "none"];
const SCORINGS = ["absolute", "relative-to-best"];
const FORMULAS = ["lowest-over-bid", "kr-negotiated", "given"];
const STEPS = ["technical", "largest-criterion", "lottery"];

function option(names: string[], name: string): number {
  const index = names.indexOf(name);
  if (index < 0) {
    throw new Error(
      `Unknown option "${name}": expected one of ${names.join(", ")}.`,
    );
  }
  return index;
}

/** Points with at most two decimals to hundredths. */
const hundredths = (points: number) => Math.round(points * 100);

/** "68.0000" to 680000n. */
export function tenThousandths(text: string): bigint {
  const [whole, fraction = ""] = text.split(".");
  return BigInt(whole + fraction.padEnd(4, "0"));
}

/** Plans a round from a case file, with fresh seat keys and deadlines from `now`. */
export function planCase(file: CaseFile, now: bigint): RoundPlan {
  const plan = planRound(
    { seats: file.evaluators, bidders: file.bidders.length, criteria: 1 },
    now,
  );
  const { rules } = file;
  const params: RoundParamsStruct = {
    ...plan.params,
    title: file.title,
    referenceNumber: file.reference,
    rules: {
      version: rules.version,
      trim: option(TRIMS, rules.trim),
      technicalScoring: option(SCORINGS, rules.technicalScoring),
      priceFormula: option(FORMULAS, rules.priceFormula),
      qualifyingPercent: rules.qualifyingPercent,
      minEvaluators: rules.minEvaluators,
      technicalWeight: hundredths(rules.technicalWeight),
      priceWeight: hundredths(rules.priceWeight),
      estimatedPrice: BigInt(rules.estimatedPrice ?? 0),
      tieBreak: rules.tieBreak.map((step) => option(STEPS, step)),
    },
    criteria: file.criteria.map((criterion) => ({
      name: criterion.name,
      maxPoints: hundredths(criterion.maxPoints),
      quantitative: criterion.kind === "quantitative",
    })),
    bidders: file.bidders.map((bidder) => ({
      name: bidder.name,
      bidPrice: BigInt(bidder.bidPrice ?? 0),
      priceScore: Math.round((bidder.priceScore ?? 0) * 10_000),
      quantitativeScores: (bidder.quantitativeScores ?? []).map(hundredths),
    })),
  };
  const quantitative = file.criteria.map((c) => c.kind === "quantitative");
  const maxPoints = file.criteria.map((c) => hundredths(c.maxPoints));
  return {
    ...plan,
    params,
    maxPoints,
    quantitative,
    qualitativeMaxima: maxPoints.filter((_, c) => !quantitative[c]),
  };
}

/** Returns the case's sheets in commitment form, with fresh salts. */
export function caseSheets(file: CaseFile): Sheet[] {
  return file.sheets.map((sheet) => ({
    scores: sheet.scores.flat().map(hundredths),
    comments: sheet.comments ?? file.bidders.map(() => ""),
    salt: hexlify(randomBytes(32)),
  }));
}
