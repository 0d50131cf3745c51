import { decodeAbiParameters, encodeAbiParameters } from "viem";
import type { Address } from "viem";
import { describe, expect, it } from "vitest";
import { RoundParamsError } from "./errors.ts";
import { generateEscrowKey } from "./escrow.ts";
import {
  roundParamsAbiParameter,
  toRoundParams,
  toTallyInput,
} from "./params.ts";
import { parseRoundFile } from "./schema.ts";
import { vectorSeed } from "./vectors/tally-cases.ts";

const roundFile = {
  title: "청사 시설관리 용역",
  reference: "2026-0412",
  rules: {
    version: "kr-local-negotiated",
    technicalWeight: 80,
    priceWeight: 20,
    technicalScoring: "absolute",
    priceFormula: "kr-negotiated",
    estimatedPrice: "400000000",
    qualifyingPercent: 85,
    tieBreak: ["technical", "largest-criterion", "lottery"],
  },
  criteria: [
    { name: "사업 이해도", maxPoints: 25.5, kind: "qualitative" },
    { name: "수행 실적", maxPoints: 14.5, kind: "quantitative" },
    { name: "기술 방안", maxPoints: 40, kind: "qualitative" },
  ],
  bidders: [
    { name: "가 업체", bidPrice: "300000000", quantitativeScores: [14.25] },
    { name: "나 업체", bidPrice: "100111000", quantitativeScores: [0.29] },
  ],
  evaluators: 5,
  schedule: { scoringDeadline: "2026-12-04T17:00:00+09:00" },
};

const invites = Array.from(
  { length: 5 },
  (_, seat) => `0x${String(seat + 1).padStart(40, "0")}` as Address,
);
const escrowPublicKey = generateEscrowKey().publicKey;
const now = new Date("2026-12-04T06:00:00Z");

describe("toRoundParams", () => {
  const params = toRoundParams(parseRoundFile(roundFile), {
    invites,
    escrowPublicKey,
    now,
  });

  it("converts the rules to codes and hundredths", () => {
    expect(params.rules).toEqual({
      version: "kr-local-negotiated",
      trim: 0,
      technicalScoring: 0,
      priceFormula: 1,
      qualifyingPercent: 85,
      minEvaluators: 5,
      technicalWeight: 8000,
      priceWeight: 2000,
      estimatedPrice: 400000000n,
      tieBreak: [0, 1, 2],
    });
  });

  it("converts criteria and bidders", () => {
    expect(params.criteria).toEqual([
      { name: "사업 이해도", maxPoints: 2550, quantitative: false },
      { name: "수행 실적", maxPoints: 1450, quantitative: true },
      { name: "기술 방안", maxPoints: 4000, quantitative: false },
    ]);
    expect(params.bidders[1]).toEqual({
      name: "나 업체",
      bidPrice: 100111000n,
      priceScore: 0,
      quantitativeScores: [29],
    });
  });

  it("converts deadlines to UTC seconds", () => {
    // 17:00 KST is 08:00 UTC.
    expect(params.scoringDeadline).toBe(
      BigInt(Date.UTC(2026, 11, 4, 8) / 1000),
    );
    expect(params.revealDeadline).toBe(params.scoringDeadline + 86400n);
  });

  it("keeps a given reveal deadline", () => {
    const withReveal = parseRoundFile({
      ...roundFile,
      schedule: {
        scoringDeadline: "2026-12-04T17:00:00+09:00",
        revealDeadline: "2026-12-04T18:30:00+09:00",
      },
    });
    const { revealDeadline } = toRoundParams(withReveal, {
      invites,
      escrowPublicKey,
      now,
    });
    expect(revealDeadline).toBe(BigInt(Date.UTC(2026, 11, 4, 9, 30) / 1000));
  });

  it("encodes with the ABI type", () => {
    const encoded = encodeAbiParameters([roundParamsAbiParameter], [params]);
    const [decoded] = decodeAbiParameters([roundParamsAbiParameter], encoded);
    expect(decoded.referenceNumber).toBe("2026-0412");
    expect(decoded.bidders[0].quantitativeScores).toEqual([1425]);
    expect(decoded.escrowPublicKey).toBe(escrowPublicKey);
  });

  it("stores given price scores in ten-thousandths", () => {
    const given = parseRoundFile({
      ...roundFile,
      rules: {
        ...roundFile.rules,
        priceFormula: "given",
        estimatedPrice: undefined,
      },
      bidders: roundFile.bidders.map(({ bidPrice: _, ...bidder }, index) => ({
        ...bidder,
        priceScore: [13.1234, 20][index],
      })),
    });
    const { bidders, rules } = toRoundParams(given, {
      invites,
      escrowPublicKey,
      now,
    });
    expect(bidders.map((bidder) => bidder.priceScore)).toEqual([
      131234, 200000,
    ]);
    expect(bidders.map((bidder) => bidder.bidPrice)).toEqual([0n, 0n]);
    expect(rules.estimatedPrice).toBe(0n);
  });

  it.each([
    [
      "too few invites",
      { invites: invites.slice(1) },
      "There are 4 invite addresses for 5 evaluators.",
    ],
    [
      "a bad invite",
      { invites: [...invites.slice(1), "0x12" as Address] },
      "Invite 0x12 is not an address.",
    ],
    [
      "a past deadline",
      { now: new Date("2026-12-04T08:00:00Z") },
      "The scoring deadline 2026-12-04T17:00:00+09:00 has already passed.",
    ],
  ])("rejects %s", (_, change, message) => {
    const options = { invites, escrowPublicKey, now, ...change };
    expect(() => toRoundParams(parseRoundFile(roundFile), options)).toThrow(
      RoundParamsError,
    );
    expect(() => toRoundParams(parseRoundFile(roundFile), options)).toThrow(
      message,
    );
  });
});

describe("toTallyInput", () => {
  it("lines up the round with the opened sheets", () => {
    const round = parseRoundFile(roundFile);
    const sheets = invites.map(() => [2000, 3000, 2500, 3950]);
    const input = toTallyInput(round, { sheets, lotterySeed: vectorSeed(5) });
    expect(input.maxPoints).toEqual([2550, 1450, 4000]);
    expect(input.quantitative).toEqual([false, true, false]);
    expect(input.bidPrices).toEqual([300000000n, 100111000n]);
    expect(input.givenPriceScores).toEqual([0n, 0n]);
    expect(input.quantitativeScores).toEqual([[1425], [29]]);
    expect(input.sheets).toEqual(sheets);
    expect(input.tieBreak).toEqual([0, 1, 2]);
  });
});
