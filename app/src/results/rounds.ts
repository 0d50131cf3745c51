import {
  encodeEventTopics,
  parseEventLogs,
  type Address,
  type Log,
  type PublicClient,
} from "viem";

import { registryAbi } from "../chain/abi.ts";
import { listRounds, type RoundSummary } from "../chain/round.ts";

/** A round of the public list: its state from `getRound` and its winner. */
export interface RoundListEntry extends RoundSummary {
  /** `getRound` phase: 1 scoring, 2 revealing, 3 finalised, 4 cancelled. */
  phase: number;
  seats: number;
  claimed: number;
  committed: number;
  revealed: number;
  recused: number;
  /** Name of the bidder with negotiation order 1; null when none qualified. */
  winner?: string | null;
}

export const PHASE_FINALIZED = 3;
export const PHASE_CANCELLED = 4;

/**
 * Reads every round of the registry from its RoundCreated and
 * RoundFinalized events and each round's `getRound` counters, all at one
 * block so that the list is one consistent picture.
 */
export async function readRoundList(
  client: PublicClient,
  registry: Address,
): Promise<{ block: bigint; time: number; rounds: RoundListEntry[] }> {
  const head = await client.getBlock();
  const [summaries, winners] = await Promise.all([
    listRounds(client, registry),
    readWinners(client, registry, head.number),
  ]);
  // A round created after `head` has no state at `head`, so it is left for
  // the next read.
  const settled = await Promise.allSettled(
    summaries.map(async (summary) => {
      const status = await client.readContract({
        address: registry,
        abi: registryAbi,
        functionName: "getRound",
        args: [summary.roundId],
        blockNumber: head.number,
      });
      return {
        ...summary,
        phase: Number(status.phase),
        seats: Number(status.seats),
        claimed: Number(status.claimed),
        committed: Number(status.committed),
        revealed: Number(status.revealed),
        recused: Number(status.recused),
        winner: winners.get(summary.roundId),
      };
    }),
  );
  const rounds = settled.flatMap((entry) =>
    entry.status === "fulfilled" ? [entry.value] : [],
  );
  return { block: head.number, time: Number(head.timestamp), rounds };
}

/** Maps each finalised round to the name of its preferred bidder, or null. */
async function readWinners(
  client: PublicClient,
  registry: Address,
  block: bigint,
): Promise<Map<bigint, string | null>> {
  const [finalizedTopic] = encodeEventTopics({
    abi: registryAbi,
    eventName: "RoundFinalized",
  });
  const [createdTopic] = encodeEventTopics({
    abi: registryAbi,
    eventName: "RoundCreated",
  });
  const logs = (await client.request({
    method: "eth_getLogs",
    params: [
      {
        address: registry,
        fromBlock: "0x0",
        toBlock: `0x${block.toString(16)}`,
        topics: [[finalizedTopic, createdTopic]],
      },
    ],
  })) as Log[];
  const events = parseEventLogs({ abi: registryAbi, logs });
  const names = new Map<bigint, string[]>();
  const winners = new Map<bigint, string | null>();
  for (const event of events) {
    if (event.eventName === "RoundCreated") {
      names.set(
        event.args.roundId,
        event.args.params.bidders.map((bidder) => bidder.name),
      );
    }
    if (event.eventName === "RoundFinalized") {
      const index = event.args.results.findIndex(
        (result) => result.negotiationOrder === 1,
      );
      const name = names.get(event.args.roundId)?.[index];
      winners.set(event.args.roundId, name ?? null);
    }
  }
  return winners;
}
