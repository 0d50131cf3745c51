import type { Context, Event } from "ponder:registry";
import { commitment, round, seat } from "ponder:schema";

import { stepOf, warnSkipped, type RegistryEvent } from "./step.ts";

// Handlers of the events that change one seat during scoring. Each keeps
// the round's seat counts equal to the registry's getRound counts.

type Db = Context<"EvaluationRegistry:SeatClaimed">["db"];
type SeatRow = typeof seat.$inferSelect;

/** Finds a seat row, or warns and returns null when it is not indexed. */
async function findSeat(
  db: Db,
  eventName: string,
  event: RegistryEvent,
  key: { roundId: bigint; seat: number },
): Promise<SeatRow | null> {
  const row = await db.find(seat, key);
  if (row === null) {
    warnSkipped(
      eventName,
      event,
      `round ${key.roundId} seat ${key.seat}`,
      "the seat is not indexed",
    );
  }
  return row;
}

/** Adds the given amounts to a round's seat counts. */
async function addToCounts(
  db: Db,
  roundId: bigint,
  change: Partial<Record<"claimed" | "committed" | "recused", number>>,
): Promise<void> {
  await db.update(round, { id: roundId }).set((row) => ({
    claimed: row.claimed + (change.claimed ?? 0),
    committed: row.committed + (change.committed ?? 0),
    recused: row.recused + (change.recused ?? 0),
  }));
}

export async function onSeatClaimed({
  event,
  context,
}: {
  event: Event<"EvaluationRegistry:SeatClaimed">;
  context: Context<"EvaluationRegistry:SeatClaimed">;
}) {
  const { roundId, seat: seatNumber, device, pledgeHash } = event.args;
  const key = { roundId, seat: seatNumber };
  const row = await findSeat(context.db, "SeatClaimed", event, key);
  if (row === null) return;
  const step = stepOf(event);
  await context.db.update(seat, key).set({
    state: "claimed",
    device,
    pledgeHash,
    claimedBlock: step.block,
    claimedAt: step.at,
    claimedTx: step.tx,
  });
  await addToCounts(context.db, roundId, { claimed: 1 });
}

export async function onSeatReissued({
  event,
  context,
}: {
  event: Event<"EvaluationRegistry:SeatReissued">;
  context: Context<"EvaluationRegistry:SeatReissued">;
}) {
  const { roundId, seat: seatNumber, invite } = event.args;
  const key = { roundId, seat: seatNumber };
  const row = await findSeat(context.db, "SeatReissued", event, key);
  if (row === null) return;
  // Ponder's cache may update the found row in place, so read it first.
  const { state, reissueCount } = row;
  const step = stepOf(event);
  // A reissue unbinds the device, so the seat's claim and pledge go too.
  await context.db.update(seat, key).set({
    state: "invited",
    invite,
    device: null,
    pledgeHash: null,
    claimedBlock: null,
    claimedAt: null,
    claimedTx: null,
    reissueCount: reissueCount + 1,
    reissuedBlock: step.block,
    reissuedAt: step.at,
    reissuedTx: step.tx,
  });
  if (state === "claimed") {
    await addToCounts(context.db, roundId, { claimed: -1 });
  }
}

export async function onSeatRecused({
  event,
  context,
}: {
  event: Event<"EvaluationRegistry:SeatRecused">;
  context: Context<"EvaluationRegistry:SeatRecused">;
}) {
  const { roundId, seat: seatNumber, reason } = event.args;
  const key = { roundId, seat: seatNumber };
  const row = await findSeat(context.db, "SeatRecused", event, key);
  if (row === null) return;
  const step = stepOf(event);
  await context.db.update(seat, key).set({
    state: "recused",
    recusedBlock: step.block,
    recusedAt: step.at,
    recusedTx: step.tx,
    recusalReason: reason,
  });
  await addToCounts(context.db, roundId, { claimed: -1, recused: 1 });
}

/**
 * Records a commit or re-commit. Every commitment is kept as a row; only
 * the latest is marked `latest`, because only it can be opened.
 */
export async function onSheetCommitted({
  event,
  context,
}: {
  event: Event<"EvaluationRegistry:SheetCommitted">;
  context: Context<"EvaluationRegistry:SheetCommitted">;
}) {
  const { roundId, seat: seatNumber, escrow } = event.args;
  const key = { roundId, seat: seatNumber };
  const row = await findSeat(context.db, "SheetCommitted", event, key);
  if (row === null) return;
  // Ponder's cache may update the found row in place, so read it first.
  const { state, commitCount } = row;
  const step = stepOf(event);
  const sequence = commitCount + 1;

  if (commitCount > 0) {
    await context.db
      .update(commitment, { ...key, sequence: commitCount })
      .set({ latest: false });
  }
  await context.db.insert(commitment).values({
    ...key,
    sequence,
    commitment: event.args.commitment,
    escrow,
    latest: true,
    blockNumber: step.block,
    timestamp: step.at,
    transactionHash: step.tx,
    logIndex: event.log.logIndex,
  });
  await context.db.update(seat, key).set({
    state: "committed",
    commitCount: sequence,
    commitment: event.args.commitment,
    committedBlock: step.block,
    committedAt: step.at,
    committedTx: step.tx,
  });
  // A re-commit replaces the sheet and leaves the count alone.
  if (state !== "committed") {
    await addToCounts(context.db, roundId, { committed: 1 });
  }
}
