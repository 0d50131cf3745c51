import type { Context, Event } from "ponder:registry";
import { bidder, criterion, round, seat } from "ponder:schema";

import {
  PRICE_FORMULAS,
  TECHNICAL_SCORINGS,
  TIE_BREAKS,
  TRIMS,
} from "../../../core/enums.ts";
import { stepOf, warnSkipped } from "./step.ts";

type Args = {
  event: Event<"EvaluationRegistry:RoundCreated">;
  context: Context<"EvaluationRegistry:RoundCreated">;
};

/** Returns the name of an on-chain code, or `unknown-<code>`. */
function nameOf(names: readonly string[], code: number): string {
  return names[code] ?? `unknown-${code}`;
}

/**
 * Stores a new round with its bidders, criteria and seats. The event
 * carries every parameter, so no contract read is needed.
 */
export async function onRoundCreated({ event, context }: Args) {
  const { roundId, admin, params, tallyVersion } = event.args;
  const { db } = context;
  if ((await db.find(round, { id: roundId })) !== null) {
    warnSkipped("RoundCreated", event, `round ${roundId}`, "it exists");
    return;
  }
  const { rules } = params;
  const step = stepOf(event);
  const qualitative = params.criteria.filter((c) => !c.quantitative).length;

  await db.insert(round).values({
    id: roundId,
    admin,
    title: params.title,
    reference: params.referenceNumber,
    rulesVersion: rules.version,
    tallyVersion,
    trim: nameOf(TRIMS, rules.trim),
    technicalScoring: nameOf(TECHNICAL_SCORINGS, rules.technicalScoring),
    priceFormula: nameOf(PRICE_FORMULAS, rules.priceFormula),
    qualifyingPercent: rules.qualifyingPercent,
    minEvaluators: rules.minEvaluators,
    technicalWeight: rules.technicalWeight,
    priceWeight: rules.priceWeight,
    estimatedPrice: rules.estimatedPrice,
    tieBreak: rules.tieBreak.map((code) => nameOf(TIE_BREAKS, code)),
    escrowPublicKey: params.escrowPublicKey,
    phase: "scoring",
    seatCount: params.invites.length,
    claimed: 0,
    committed: 0,
    revealed: 0,
    recused: 0,
    bidderCount: params.bidders.length,
    criterionCount: params.criteria.length,
    qualitativeCriterionCount: qualitative,
    scoringDeadline: params.scoringDeadline,
    revealDeadline: params.revealDeadline,
    createdBlock: step.block,
    createdAt: step.at,
    createdTx: step.tx,
  });

  await db.insert(bidder).values(
    params.bidders.map((entry, index) => ({
      roundId,
      index,
      name: entry.name,
      bidPrice: entry.bidPrice,
      priceScore: BigInt(entry.priceScore),
      quantitativeScores: [...entry.quantitativeScores],
    })),
  );

  let sheetColumn = 0;
  await db.insert(criterion).values(
    params.criteria.map((entry, index) => ({
      roundId,
      index,
      name: entry.name,
      maxPoints: entry.maxPoints,
      quantitative: entry.quantitative,
      sheetColumn: entry.quantitative ? null : sheetColumn++,
    })),
  );

  await db.insert(seat).values(
    params.invites.map((invite, index) => ({
      roundId,
      seat: index,
      state: "invited",
      invite,
      reissueCount: 0,
      commitCount: 0,
    })),
  );
}
