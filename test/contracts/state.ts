import type { TallyInput } from "../../core/tally.ts";
import { keccak256, concat } from "ethers";

import type { Deployment, RoundPlan, Sheet } from "./fixtures.ts";

/**
 * Reads every round's status and every seat, plus the round count, as a
 * JSON string, so that a test can assert that a rejected call changed
 * nothing.
 */
export async function readState(
  deployment: Deployment,
  roundIds: bigint[],
): Promise<string> {
  const { registry } = deployment;
  const rounds = [];
  for (const roundId of roundIds) {
    const round = await registry.getRound(roundId);
    const seats = [];
    for (let seat = 0n; seat < round.seats; seat++) {
      seats.push(await registry.getSeat(roundId, seat));
    }
    rounds.push({ round, seats });
  }
  const count = await registry.roundCount();
  return JSON.stringify({ count, rounds }, (_, value) =>
    typeof value === "bigint" ? value.toString() : value,
  );
}

/** keccak256 over the salts of the revealed sheets in seat order. */
export function lotterySeed(sheets: Sheet[]): string {
  return keccak256(concat(sheets.map((sheet) => sheet.salt)));
}

/** Builds the TypeScript reference input for a planned round and its sheets. */
export function referenceInput(plan: RoundPlan, sheets: Sheet[]): TallyInput {
  const { rules, bidders } = plan.params;
  return {
    trim: Number(rules.trim),
    technicalScoring: Number(rules.technicalScoring),
    priceFormula: Number(rules.priceFormula),
    qualifyingPercent: Number(rules.qualifyingPercent),
    technicalWeight: Number(rules.technicalWeight),
    priceWeight: Number(rules.priceWeight),
    estimatedPrice: BigInt(rules.estimatedPrice),
    tieBreak: rules.tieBreak.map(Number),
    maxPoints: plan.maxPoints,
    quantitative: plan.quantitative,
    bidPrices: bidders.map((bidder) => BigInt(bidder.bidPrice)),
    givenPriceScores: bidders.map((bidder) => BigInt(bidder.priceScore)),
    quantitativeScores: bidders.map((bidder) =>
      bidder.quantitativeScores.map(Number),
    ),
    sheets: sheets.map((sheet) => sheet.scores),
    lotterySeed: lotterySeed(sheets) as `0x${string}`,
  };
}
