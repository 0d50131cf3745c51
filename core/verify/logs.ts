import {
  decodeEventLog,
  getAbiItem,
  numberToHex,
  pad,
  toEventSelector,
} from "viem";
import type { Address, Hex, PublicClient } from "viem";
import { evaluationRegistryAbi } from "../generated/registry-abi.ts";
import { RoundEventsError } from "./errors.ts";

// Reads a round's raw registry events with eth_getLogs. Every round event
// indexes the round id as its first topic after the event signature, so one
// filter on (signatures, round id) finds them all.

/** The registry events that make up a round's history. */
export const ROUND_EVENT_NAMES = [
  "RoundCreated",
  "SeatClaimed",
  "SeatReissued",
  "SeatRecused",
  "SheetCommitted",
  "ScoringClosed",
  "SheetRevealed",
  "RoundFinalized",
  "RoundCancelled",
] as const;

export type RoundEventName = (typeof ROUND_EVENT_NAMES)[number];

/** topic0 (keccak256 of the canonical signature) of each round event. */
export const ROUND_EVENT_TOPICS: Readonly<Record<RoundEventName, Hex>> =
  Object.fromEntries(
    ROUND_EVENT_NAMES.map((name) => [
      name,
      toEventSelector(
        getAbiItem({ abi: evaluationRegistryAbi, name }) as never,
      ),
    ]),
  ) as Record<RoundEventName, Hex>;

/** The client calls that reading a round needs. */
export type RecordClient = Pick<
  PublicClient,
  | "request"
  | "getChainId"
  | "getBlockNumber"
  | "getBlock"
  | "getTransaction"
  | "readContract"
>;

/** A raw log as eth_getLogs returns it. */
type RpcLog = {
  data: Hex;
  topics: Hex[];
  blockNumber: Hex;
  logIndex: Hex;
  transactionHash: Hex;
  /** Set by nodes that follow the newer eth_getLogs shape (anvil, geth). */
  blockTimestamp?: Hex;
  removed?: boolean;
};

/** One decoded round event and where it sits. */
export type RoundEventLog = {
  eventName: RoundEventName;
  args: Record<string, unknown>;
  block: number;
  logIndex: number;
  transactionHash: Hex;
  /** UTC seconds of the block when the node sent it with the log. */
  timestamp: number | undefined;
};

/** The block range of a log query; `maxBlockRange` caps one request. */
export type LogRange = {
  fromBlock: bigint;
  toBlock: bigint;
  /** At most this many blocks per eth_getLogs; default the whole range. */
  maxBlockRange?: bigint;
};

/**
 * Reads the raw logs of one round, oldest first. A request the node
 * rejects (many nodes cap the block range or the result size) is retried
 * over half the range, and later requests keep the smaller size.
 */
export async function readRoundLogs(
  client: RecordClient,
  registry: Address,
  roundId: bigint,
  range: LogRange,
): Promise<RoundEventLog[]> {
  const topics = [Object.values(ROUND_EVENT_TOPICS), pad(numberToHex(roundId))];
  const logs: RpcLog[] = [];
  let size = range.maxBlockRange ?? range.toBlock - range.fromBlock + 1n;
  let cursor = range.fromBlock;

  while (cursor <= range.toBlock) {
    const end = min(cursor + size - 1n, range.toBlock);
    try {
      const chunk = (await client.request({
        method: "eth_getLogs",
        params: [
          {
            address: registry,
            fromBlock: numberToHex(cursor),
            toBlock: numberToHex(end),
            topics,
          },
        ],
      } as never)) as RpcLog[];
      logs.push(...chunk);
      cursor = end + 1n;
    } catch (error) {
      if (end === cursor) {
        throw new RoundEventsError(
          `eth_getLogs failed for block ${cursor} of registry ${registry}.`,
          { hint: "Check that the RPC node serves logs.", cause: error },
        );
      }
      size = (end - cursor + 2n) / 2n;
    }
  }
  return logs
    .filter((log) => !log.removed)
    .map(decodeRoundLog)
    .sort(byPosition);
}

function decodeRoundLog(log: RpcLog): RoundEventLog {
  const decoded = decodeEventLog({
    abi: evaluationRegistryAbi,
    data: log.data,
    topics: log.topics as [Hex, ...Hex[]],
  });
  return {
    eventName: decoded.eventName as RoundEventName,
    args: decoded.args as unknown as Record<string, unknown>,
    block: Number(BigInt(log.blockNumber)),
    logIndex: Number(BigInt(log.logIndex)),
    transactionHash: log.transactionHash,
    timestamp:
      log.blockTimestamp === undefined
        ? undefined
        : Number(BigInt(log.blockTimestamp)),
  };
}

/** Orders events as the chain executed them: by block, then log index. */
export function byPosition(
  a: { block: number; logIndex: number },
  b: { block: number; logIndex: number },
): number {
  return a.block === b.block ? a.logIndex - b.logIndex : a.block - b.block;
}

function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}
