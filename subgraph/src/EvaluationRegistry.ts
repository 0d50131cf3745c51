import { ponder } from "ponder:registry";

import { recordIndexedBlock } from "./handlers/indexed-block.ts";
import {
  onRoundCancelled,
  onRoundFinalized,
  onScoringClosed,
  onSheetRevealed,
} from "./handlers/outcome.ts";
import { onRoundCreated } from "./handlers/round-created.ts";
import {
  onSeatClaimed,
  onSeatRecused,
  onSeatReissued,
  onSheetCommitted,
} from "./handlers/seats.ts";

// Registers one handler per EvaluationRegistry event. Every handler also
// moves the indexed-block record to the event's block.

type Indexed = {
  event: { block: { number: bigint; timestamp: bigint; hash: `0x${string}` } };
  context: {
    db: Parameters<typeof recordIndexedBlock>[0];
    chain: { id: number };
  };
};

/** Wraps a handler so that it also records the event's block. */
function indexed<Args extends Indexed>(
  handler: (args: Args) => Promise<void>,
): (args: Args) => Promise<void> {
  return async (args) => {
    await handler(args);
    await recordIndexedBlock(
      args.context.db,
      args.context.chain.id,
      args.event.block,
    );
  };
}

ponder.on("EvaluationRegistry:RoundCreated", indexed(onRoundCreated));
ponder.on("EvaluationRegistry:SeatClaimed", indexed(onSeatClaimed));
ponder.on("EvaluationRegistry:SeatReissued", indexed(onSeatReissued));
ponder.on("EvaluationRegistry:SeatRecused", indexed(onSeatRecused));
ponder.on("EvaluationRegistry:SheetCommitted", indexed(onSheetCommitted));
ponder.on("EvaluationRegistry:ScoringClosed", indexed(onScoringClosed));
ponder.on("EvaluationRegistry:SheetRevealed", indexed(onSheetRevealed));
ponder.on("EvaluationRegistry:RoundFinalized", indexed(onRoundFinalized));
ponder.on("EvaluationRegistry:RoundCancelled", indexed(onRoundCancelled));
