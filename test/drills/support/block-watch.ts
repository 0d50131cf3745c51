import type { Hash } from "viem";

import { requestRpc } from "../../../cli/chain/rpc.ts";
import { sleep } from "./rounds.ts";

/** A block as the watcher first saw it. */
export interface SeenBlock {
  number: bigint;
  hash: Hash;
  /** performance.now() when the watcher first saw the block. */
  seenAt: number;
  transactions: Hash[];
}

/**
 * Polls the node's head every 50 ms and records when each new block was
 * first seen, with its transaction hashes. A block is mined at or before
 * the time it was first seen, so "seen ≥ 1 s before X" implies "mined
 * ≥ 1 s before X".
 */
export class BlockWatcher {
  readonly blocks = new Map<bigint, SeenBlock>();
  readonly #rpcUrl: string;
  #running = false;
  #loop?: Promise<void>;

  constructor(rpcUrl: string) {
    this.#rpcUrl = rpcUrl;
  }

  start(fromBlock: bigint): void {
    this.#running = true;
    this.#loop = this.#poll(fromBlock);
  }

  async stop(): Promise<void> {
    this.#running = false;
    await this.#loop;
  }

  /** Finds the block that contains a transaction, if the watcher saw one. */
  blockOf(hash: Hash): SeenBlock | undefined {
    for (const block of this.blocks.values()) {
      if (block.transactions.includes(hash)) return block;
    }
    return undefined;
  }

  async #poll(fromBlock: bigint): Promise<void> {
    let next = fromBlock;
    while (this.#running) {
      try {
        const head = BigInt(
          await requestRpc<string>(this.#rpcUrl, "eth_blockNumber", [], 2000),
        );
        for (; next <= head; next += 1n) {
          const seenAt = performance.now();
          const block = await requestRpc<{ hash: Hash; transactions: Hash[] }>(
            this.#rpcUrl,
            "eth_getBlockByNumber",
            [`0x${next.toString(16)}`, false],
            2000,
          );
          this.blocks.set(next, {
            number: next,
            hash: block.hash,
            seenAt,
            transactions: block.transactions,
          });
        }
      } catch {
        // The node is down or restarting; the drill stops the watcher.
      }
      await sleep(50);
    }
  }
}
