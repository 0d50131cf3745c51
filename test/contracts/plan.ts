import { SigningKey, Wallet, hexlify, randomBytes } from "ethers";

import type { RoundParamsStruct } from "../../types/ethers-contracts/EvaluationRegistry.ts";
import type { Sheet } from "./signing.ts";

export const PHASE = {
  none: 0n,
  scoring: 1n,
  revealing: 2n,
  finalized: 3n,
  cancelled: 4n,
} as const;

export const SEAT = {
  invited: 0n,
  claimed: 1n,
  committed: 2n,
  revealed: 3n,
  recused: 4n,
} as const;

export const TRIM = { highLowTotal: 0, highLowCriterion: 1, none: 2 } as const;
export const SCORING = { absolute: 0, relativeToBest: 1 } as const;
export const PRICE = { lowestOverBid: 0, krNegotiated: 1, given: 2 } as const;
export const TIE = { technical: 0, largestCriterion: 1, lottery: 2 } as const;

/** Criterion maxima in hundredths, repeated to the criterion count. */
const CRITERION_MAXIMA = [1000, 2500, 1500, 1500, 1000, 500, 1200, 800];

/** Returns a seeded pseudo-random generator (mulberry32) for reproducible sheets. */
export function makeRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RoundOptions {
  seats: number;
  bidders: number;
  criteria: number;
  /** How many of the last criteria are quantitative. */
  quantitative?: number;
  trim?: number;
  technicalScoring?: number;
  priceFormula?: number;
  qualifyingPercent?: number;
  minEvaluators?: number;
  tieBreak?: number[];
  /** Seconds from `now` to the scoring deadline. */
  scoringWindow?: number;
  /** Seconds from the scoring deadline to the reveal deadline. */
  revealWindow?: number;
  seed?: number;
  /**
   * Draws keys and salts from the seeded generator too, so that repeated
   * runs send the same bytes (the gas snapshot needs this).
   */
  seededKeys?: boolean;
}

export interface SeatKeys {
  invite: Wallet;
  device: Wallet;
}

export interface RoundPlan {
  params: RoundParamsStruct;
  keys: SeatKeys[];
  maxPoints: number[];
  quantitative: boolean[];
  qualitativeMaxima: number[];
  bidders: number;
  escrowKey: SigningKey;
  random: () => number;
  /** Source of 32 fresh bytes for keys and salts, seeded when asked. */
  entropy: () => string;
}

export function randomWallet(): Wallet {
  return new Wallet(hexlify(randomBytes(32)));
}

/** Returns 32 bytes from `random`, or from the system generator without it. */
export function bytes32(random?: () => number): string {
  if (random === undefined) return hexlify(randomBytes(32));
  return hexlify(Uint8Array.from({ length: 32 }, () => random() * 256));
}

/** Builds valid round parameters of the given size with fresh seat keys. */
export function planRound(options: RoundOptions, now: bigint): RoundPlan {
  const random = makeRandom(options.seed ?? 1);
  const quantitativeCount = options.quantitative ?? 0;
  const maxPoints = Array.from(
    { length: options.criteria },
    (_, c) => CRITERION_MAXIMA[c % CRITERION_MAXIMA.length],
  );
  const quantitative = maxPoints.map(
    (_, c) => c >= options.criteria - quantitativeCount,
  );
  const priceFormula = options.priceFormula ?? PRICE.lowestOverBid;
  const priceWeight = 2000;
  const trim = options.trim ?? TRIM.highLowTotal;
  const entropy = options.seededKeys ? () => bytes32(random) : () => bytes32();
  const keys = Array.from({ length: options.seats }, () => ({
    invite: new Wallet(entropy()),
    device: new Wallet(entropy()),
  }));
  const escrowKey = new SigningKey(entropy());
  const scoringDeadline = now + BigInt(options.scoringWindow ?? 3600);

  const params: RoundParamsStruct = {
    title: `Evaluation of ${options.bidders} proposals`,
    referenceNumber: `REF-${options.seats}-${options.bidders}`,
    rules: {
      version: "test-rules",
      trim,
      technicalScoring: options.technicalScoring ?? SCORING.absolute,
      priceFormula,
      qualifyingPercent: options.qualifyingPercent ?? 60,
      minEvaluators:
        options.minEvaluators ??
        Math.min(options.seats, trim === TRIM.none ? 1 : 3),
      technicalWeight: maxPoints.reduce((sum, value) => sum + value, 0),
      priceWeight,
      estimatedPrice: priceFormula === PRICE.krNegotiated ? 200_000_000n : 0n,
      tieBreak: options.tieBreak ?? [TIE.technical, TIE.lottery],
    },
    criteria: maxPoints.map((max, c) => ({
      name: `Criterion ${c + 1}`,
      maxPoints: max,
      quantitative: quantitative[c],
    })),
    bidders: Array.from({ length: options.bidders }, (_, b) => ({
      name: `Bidder ${b + 1}`,
      bidPrice:
        priceFormula === PRICE.given
          ? 0n
          : BigInt(100_000_000 + Math.floor(random() * 100_000_000)),
      priceScore:
        priceFormula === PRICE.given
          ? Math.floor(random() * priceWeight * 100)
          : 0,
      quantitativeScores: maxPoints
        .filter((_, c) => quantitative[c])
        .map((max) => Math.floor(random() * (max + 1))),
    })),
    invites: keys.map((key) => key.invite.address),
    scoringDeadline,
    revealDeadline: scoringDeadline + BigInt(options.revealWindow ?? 3600),
    escrowPublicKey: escrowKey.compressedPublicKey,
  };
  const qualitativeMaxima = maxPoints.filter((_, c) => !quantitative[c]);
  return {
    params,
    keys,
    maxPoints,
    quantitative,
    qualitativeMaxima,
    bidders: options.bidders,
    escrowKey,
    random,
    entropy,
  };
}

/** Draws a sheet with every score between 40% and 100% of its maximum. */
export function randomSheet(plan: RoundPlan): Sheet {
  const scores: number[] = [];
  for (let b = 0; b < plan.bidders; b++) {
    for (const max of plan.qualitativeMaxima) {
      scores.push(Math.floor(max * (0.4 + 0.6 * plan.random())));
    }
  }
  const comments = Array.from(
    { length: plan.bidders },
    (_, b) =>
      `제안 ${b + 1}: 일정 관리 계획이 구체적이며 유지보수 인력이 충분함`,
  );
  return { scores, comments, salt: plan.entropy() };
}
