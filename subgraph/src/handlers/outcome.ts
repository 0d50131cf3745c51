import type { Context, Event } from "ponder:registry";
import { bidder, result, round, seat, sheet } from "ponder:schema";

import { formatFixed } from "../../../core/units.ts";
import { stepOf, warnSkipped, type RegistryEvent } from "./step.ts";

// Handlers of the events that move a round past scoring: close, reveal,
// finalise and cancel.

type Db = Context<"EvaluationRegistry:ScoringClosed">["db"];

/** Returns true when the round is indexed, and warns when it is not. */
async function hasRound(
  db: Db,
  eventName: string,
  event: RegistryEvent,
  roundId: bigint,
): Promise<boolean> {
  if ((await db.find(round, { id: roundId })) !== null) return true;
  warnSkipped(eventName, event, `round ${roundId}`, "the round is not indexed");
  return false;
}

export async function onScoringClosed({
  event,
  context,
}: {
  event: Event<"EvaluationRegistry:ScoringClosed">;
  context: Context<"EvaluationRegistry:ScoringClosed">;
}) {
  const { roundId, absent, automatic } = event.args;
  if (!(await hasRound(context.db, "ScoringClosed", event, roundId))) return;
  const step = stepOf(event);
  await context.db.update(round, { id: roundId }).set({
    phase: "revealing",
    closedBlock: step.block,
    closedAt: step.at,
    closedTx: step.tx,
    closedAutomatically: automatic,
    absentSeats: absent,
  });
}

export async function onSheetRevealed({
  event,
  context,
}: {
  event: Event<"EvaluationRegistry:SheetRevealed">;
  context: Context<"EvaluationRegistry:SheetRevealed">;
}) {
  const { roundId, seat: seatNumber, scores, comments, salt } = event.args;
  const key = { roundId, seat: seatNumber };
  const row = await context.db.find(seat, key);
  if (row === null || row.commitment === null) {
    const reason =
      row === null ? "the seat is not indexed" : "the seat has no commitment";
    warnSkipped(
      "SheetRevealed",
      event,
      `round ${roundId} seat ${seatNumber}`,
      reason,
    );
    return;
  }
  const step = stepOf(event);
  await context.db.insert(sheet).values({
    ...key,
    scores: [...scores],
    comments: [...comments],
    salt,
    commitment: row.commitment,
    blockNumber: step.block,
    timestamp: step.at,
    transactionHash: step.tx,
  });
  await context.db.update(seat, key).set({
    state: "revealed",
    revealedBlock: step.block,
    revealedAt: step.at,
    revealedTx: step.tx,
  });
  await context.db
    .update(round, { id: roundId })
    .set((current) => ({ revealed: current.revealed + 1 }));
}

/** Stores the result the registry computed, one row per bidder. */
export async function onRoundFinalized({
  event,
  context,
}: {
  event: Event<"EvaluationRegistry:RoundFinalized">;
  context: Context<"EvaluationRegistry:RoundFinalized">;
}) {
  const { roundId, lotterySeed, revealedSeats, results } = event.args;
  const roundRow = await context.db.find(round, { id: roundId });
  if (roundRow === null || roundRow.bidderCount !== results.length) {
    const reason =
      roundRow === null
        ? "the round is not indexed"
        : `it carries ${results.length} results for ` +
          `${roundRow.bidderCount} bidders`;
    warnSkipped("RoundFinalized", event, `round ${roundId}`, reason);
    return;
  }
  const step = stepOf(event);
  const names: string[] = [];
  for (let index = 0; index < results.length; index++) {
    const row = await context.db.find(bidder, { roundId, index });
    names.push(row?.name ?? `bidder ${index}`);
  }
  const winnerIndex = results.findIndex((line) => line.negotiationOrder === 1);

  await context.db.insert(result).values(
    results.map((line, index) => ({
      roundId,
      bidderIndex: index,
      bidderName: names[index]!,
      technical: line.technical,
      price: line.price,
      total: line.total,
      technicalText: formatFixed(line.technical, 4),
      priceText: formatFixed(line.price, 4),
      totalText: formatFixed(line.total, 4),
      qualified: line.qualified,
      rankByTotal: line.rankByTotal,
      negotiationOrder:
        line.negotiationOrder === 0 ? null : line.negotiationOrder,
      winner: index === winnerIndex,
      lotterySeed,
      blockNumber: step.block,
      transactionHash: step.tx,
    })),
  );
  await context.db.update(round, { id: roundId }).set({
    phase: "finalized",
    finalizedBlock: step.block,
    finalizedAt: step.at,
    finalizedTx: step.tx,
    resultSeats: revealedSeats,
    lotterySeed,
    winnerIndex: winnerIndex < 0 ? null : winnerIndex,
    winnerName: winnerIndex < 0 ? null : names[winnerIndex]!,
  });
}

export async function onRoundCancelled({
  event,
  context,
}: {
  event: Event<"EvaluationRegistry:RoundCancelled">;
  context: Context<"EvaluationRegistry:RoundCancelled">;
}) {
  const { roundId, reason } = event.args;
  if (!(await hasRound(context.db, "RoundCancelled", event, roundId))) return;
  const step = stepOf(event);
  await context.db.update(round, { id: roundId }).set({
    phase: "cancelled",
    cancelledBlock: step.block,
    cancelledAt: step.at,
    cancelledTx: step.tx,
    cancelReason: reason,
  });
}
