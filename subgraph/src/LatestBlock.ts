import { ponder } from "ponder:registry";

import { recordIndexedBlock } from "./handlers/indexed-block.ts";

// Moves the indexed-block record on every new block once the indexer is
// live, also on blocks without registry events.
ponder.on("LatestBlock:block", async ({ event, context }) => {
  await recordIndexedBlock(context.db, context.chain.id, event.block);
});
