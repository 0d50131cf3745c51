// Reads the figures of the scale run from the chain and the disk: gas and
// transactions per block and per round, the state file's size, and the
// indexer's lag and database size.
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";

import { decodeFunctionData, type Hex } from "viem";

import { requestRpc } from "../cli/chain/rpc.ts";
import { registryAbi } from "../cli/lib/registry-abi.ts";

const RPC_TIMEOUT_MS = 120_000;

type RpcBlock = {
  gasUsed: Hex;
  transactions: { hash: Hex; input: Hex; to: Hex | null }[];
};
type RpcReceipt = {
  transactionHash: Hex;
  gasUsed: Hex;
  status: Hex;
  logs: { address: Hex; topics: Hex[]; data: Hex }[];
};

/** Gas and transaction figures of a block range. */
export interface BlockFigures {
  blocksUsed: number;
  transactions: number;
  revertedTransactions: number;
  txPerBlockMax: number;
  blockGasMax: number;
  /** Gas of each round's transactions, summed, by round id. */
  gasByRound: Map<bigint, number>;
  heaviestTxGas: number;
  heaviestTxFunction: string;
  /** Mean gas of each registry function's transactions. */
  meanGasByFunction: Record<string, number>;
  /** Bytes of transaction input data in the range. */
  calldataBytes: number;
  /** Bytes of event data and topics in the range. */
  logBytes: number;
}

/**
 * Reads every block of the range with its receipts and sorts the gas by
 * round (the first topic after the event signature is the round id in
 * every registry event) and by function. Blocks without transactions do
 * not count as used.
 */
export async function readBlockFigures(
  rpcUrl: string,
  registry: Hex,
  fromBlock: bigint,
  toBlock: bigint,
): Promise<BlockFigures> {
  const figures: BlockFigures = {
    blocksUsed: 0,
    transactions: 0,
    revertedTransactions: 0,
    txPerBlockMax: 0,
    blockGasMax: 0,
    gasByRound: new Map(),
    heaviestTxGas: 0,
    heaviestTxFunction: "",
    meanGasByFunction: {},
    calldataBytes: 0,
    logBytes: 0,
  };
  const byFunction = new Map<string, number[]>();
  for (let number = fromBlock; number <= toBlock; number += 1n) {
    const tag = `0x${number.toString(16)}`;
    // The supervisor's state saves slow anvil down on a large state.
    const block = await requestRpc<RpcBlock>(
      rpcUrl,
      "eth_getBlockByNumber",
      [tag, true],
      RPC_TIMEOUT_MS,
    );
    if (block.transactions.length === 0) continue;
    const receipts = await requestRpc<RpcReceipt[]>(
      rpcUrl,
      "eth_getBlockReceipts",
      [tag],
      RPC_TIMEOUT_MS,
    );
    figures.blocksUsed += 1;
    figures.transactions += block.transactions.length;
    figures.txPerBlockMax = Math.max(
      figures.txPerBlockMax,
      block.transactions.length,
    );
    figures.blockGasMax = Math.max(figures.blockGasMax, Number(block.gasUsed));
    for (const [index, receipt] of receipts.entries()) {
      const gas = Number(receipt.gasUsed);
      figures.calldataBytes += (block.transactions[index].input.length - 2) / 2;
      for (const log of receipt.logs) {
        figures.logBytes += (log.data.length - 2) / 2 + 32 * log.topics.length;
      }
      if (receipt.status !== "0x1") figures.revertedTransactions += 1;
      const name = functionName(block.transactions[index].input);
      byFunction.set(name, [...(byFunction.get(name) ?? []), gas]);
      if (gas > figures.heaviestTxGas) {
        figures.heaviestTxGas = gas;
        figures.heaviestTxFunction = name;
      }
      const event = receipt.logs.find(
        (log) => log.address.toLowerCase() === registry.toLowerCase(),
      );
      if (event === undefined || event.topics[1] === undefined) continue;
      const roundId = BigInt(event.topics[1]);
      figures.gasByRound.set(
        roundId,
        (figures.gasByRound.get(roundId) ?? 0) + gas,
      );
    }
  }
  for (const [name, gases] of byFunction) {
    const mean = gases.reduce((sum, gas) => sum + gas, 0) / gases.length;
    figures.meanGasByFunction[name] = Math.round(mean);
  }
  return figures;
}

function functionName(input: Hex): string {
  try {
    return decodeFunctionData({ abi: registryAbi, data: input }).functionName;
  } catch {
    return "other";
  }
}

/** Sizes of the gzip state file and of the JSON inside it, in bytes. */
export async function stateFileSizes(
  stateFile: string,
): Promise<{ gzipBytes: number; jsonBytes: number }> {
  const gzip = await readFile(stateFile);
  return { gzipBytes: gzip.length, jsonBytes: gunzipSync(gzip).length };
}

/** Total size of the files under a folder, in bytes. */
export async function folderBytes(folder: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(entry.parentPath ?? folder, entry.name);
    if (entry.isDirectory()) total += await folderBytes(path);
    else if (entry.isFile()) total += (await stat(path)).size;
  }
  return total;
}

/**
 * Sends `eth_blockNumber` every `everyMs` until stopped and keeps each
 * reply's latency; anvil serves no request while it dumps its state, so the
 * longest latency shows the longest stall that a client saw.
 */
export function probeLatency(rpcUrl: string, everyMs = 250) {
  const latencies: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      try {
        await requestRpc(rpcUrl, "eth_blockNumber", [], RPC_TIMEOUT_MS);
        latencies.push(performance.now() - started);
      } catch {
        latencies.push(RPC_TIMEOUT_MS);
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      const sorted = latencies.sort((a, b) => a - b);
      const at = (share: number) =>
        Math.round(sorted[Math.floor((sorted.length - 1) * share)] ?? 0);
      return {
        rpcLatencyMsMedian: at(0.5),
        rpcLatencyMsP99: at(0.99),
        rpcLatencyMsMax: at(1),
        rpcRepliesOver1s: sorted.filter((ms) => ms > 1000).length,
      };
    },
  };
}
