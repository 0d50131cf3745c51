import {
  formatLog,
  numberToHex,
  pad,
  parseEventLogs,
  type Address,
  type Hex,
  type Log,
  type RpcLog,
} from "viem";

import type { ChainConnection } from "./chain-client.ts";
import { registryAbi } from "./registry-abi.ts";

/** A registry event of one round, decoded, with its block time. */
export interface RoundEvent {
  eventName: string;
  args: Record<string, unknown>;
  blockNumber: bigint;
  logIndex: number;
  transactionHash: Hex;
  /** UTC seconds of the event's block. */
  timestamp: bigint;
}

/**
 * Reads every event of one round from the registry, oldest first. Each
 * registry event indexes the round id as its first topic after the event
 * signature, so one eth_getLogs call with that topic finds them all.
 */
export async function readRoundEvents(
  connection: ChainConnection,
  registry: Address,
  roundId: bigint,
): Promise<RoundEvent[]> {
  const { client } = connection;
  const rawLogs = (await client.request({
    method: "eth_getLogs",
    params: [
      {
        address: registry,
        fromBlock: "0x0",
        toBlock: "latest",
        topics: [null, pad(numberToHex(roundId))],
      },
    ],
  } as never)) as RpcLog[];

  const logs = rawLogs.map((log) => formatLog(log)) as Log[];
  const decoded = parseEventLogs({ abi: registryAbi, logs });

  const timestamps = new Map<bigint, bigint>();
  for (const log of decoded) {
    const number = log.blockNumber!;
    if (timestamps.has(number)) continue;
    const block = await client.getBlock({ blockNumber: number });
    timestamps.set(number, block.timestamp);
  }

  return decoded
    .map((log) => ({
      eventName: log.eventName,
      args: log.args as Record<string, unknown>,
      blockNumber: log.blockNumber!,
      logIndex: log.logIndex!,
      transactionHash: log.transactionHash!,
      timestamp: timestamps.get(log.blockNumber!)!,
    }))
    .sort((a, b) =>
      a.blockNumber === b.blockNumber
        ? a.logIndex - b.logIndex
        : a.blockNumber < b.blockNumber
          ? -1
          : 1,
    );
}
