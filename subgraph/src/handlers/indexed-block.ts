import type { Context } from "ponder:registry";
import { indexedBlock } from "ponder:schema";

type Db = Context<"EvaluationRegistry:SeatClaimed">["db"];

/** Moves the chain's indexed-block record to the given block. */
export async function recordIndexedBlock(
  db: Db,
  chainId: number,
  block: { number: bigint; timestamp: bigint; hash: `0x${string}` },
): Promise<void> {
  const values = {
    blockNumber: block.number,
    blockTime: block.timestamp,
    blockHash: block.hash,
  };
  await db
    .insert(indexedBlock)
    .values({ chainId, ...values })
    .onConflictDoUpdate(values);
}
