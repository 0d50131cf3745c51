import { BaseError, ContractFunctionRevertedError, getAddress } from "viem";
import type { Address, Hex } from "viem";
import { evaluationRegistryAbi } from "../generated/registry-abi.ts";
import { buildRecord } from "./build-record.ts";
import { RoundNotFoundError, StateUnavailableError } from "./errors.ts";
import { readRoundLogs } from "./logs.ts";
import type { RecordClient, RoundEventLog } from "./logs.ts";
import type { EvaluationRecord, RecordStatus } from "./record.ts";

// Reads one round's evaluation record from any JSON-RPC node: the round's
// view and raw events, the calldata of the transactions that carry
// signatures, and block times. Every read is pinned to one block, so the
// record is a consistent picture "as of" that block.

/** Options of `fetchRoundRecord`. */
export type FetchRecordOptions = {
  /**
   * First block to search for events. By default it is found by binary
   * search on block times from the round's `createdAt`, with a fallback to
   * block 0 if RoundCreated is not in the range found.
   */
  fromBlock?: bigint;
  /** Block to read at; default the latest block. */
  toBlock?: bigint;
  /** At most this many blocks per eth_getLogs; default the whole range. */
  maxBlockRange?: bigint;
  /** Parallel requests for transactions and blocks; default 16. */
  concurrency?: number;
  /**
   * When the node cannot run getRound at `toBlock` (it keeps no state
   * there), read it at the head instead if the round was finalized or
   * cancelled at or before `toBlock`: no call changes a final round's
   * view. Default false, which rethrows the node's error.
   */
  finalStatusAtHead?: boolean;
};

/** The result of `fetchRoundRecordDetailed`. */
export type FetchedRecord = {
  record: EvaluationRecord;
  /**
   * The block whose state the round's getRound view was read at: the
   * record's block, or the head when `finalStatusAtHead` applied.
   */
  statusBlock: number;
};

/**
 * Reads the evaluation record of round `roundId` from the registry at
 * `registry`. Throws a `RoundNotFoundError` when the round does not exist
 * and a `RoundEventsError` when its RoundCreated event cannot be found.
 */
export async function fetchRoundRecord(
  client: RecordClient,
  registry: Address,
  roundId: bigint,
  options: FetchRecordOptions = {},
): Promise<EvaluationRecord> {
  const fetched = await fetchRoundRecordDetailed(
    client,
    registry,
    roundId,
    options,
  );
  return fetched.record;
}

/**
 * Reads a round's record like `fetchRoundRecord`, and also returns the
 * block whose state the round's view was read at. Throws a
 * `StateUnavailableError` when `finalStatusAtHead` is set, the node cannot
 * run the call at `toBlock`, and the round was not final by then.
 */
export async function fetchRoundRecordDetailed(
  client: RecordClient,
  registry: Address,
  roundId: bigint,
  options: FetchRecordOptions = {},
): Promise<FetchedRecord> {
  const concurrency = options.concurrency ?? 16;
  const [chainId, head] = await Promise.all([
    client.getChainId(),
    options.toBlock ?? client.getBlockNumber(),
  ]);
  const [atBlock, headBlock] = await Promise.all([
    readStatusOrFailure(client, registry, roundId, head),
    client.getBlock({ blockNumber: head }),
  ]);
  let status: RecordStatus;
  let statusBlock = head;
  let atHead = false;
  if ("status" in atBlock) {
    status = atBlock.status;
  } else {
    if (!options.finalStatusAtHead || options.toBlock === undefined) {
      throw atBlock.failure;
    }
    statusBlock = await client.getBlockNumber();
    atHead = true;
    status = await readFinalStatus(
      client,
      registry,
      roundId,
      head,
      statusBlock,
      atBlock.failure,
    );
  }

  const range = { toBlock: head, maxBlockRange: options.maxBlockRange };
  const fromBlock =
    options.fromBlock ??
    (await firstBlockAtOrAfter(client, BigInt(status.createdAt), head));
  let logs = await readRoundLogs(client, registry, roundId, {
    ...range,
    fromBlock,
  });
  const hasCreated = logs.some((log) => log.eventName === "RoundCreated");
  if (!hasCreated && options.fromBlock === undefined && fromBlock > 0n) {
    // Block times need not rise (an anvil restart rewrites block 0's time),
    // so search the whole chain before giving up.
    logs = await readRoundLogs(client, registry, roundId, {
      ...range,
      fromBlock: 0n,
    });
  }

  const [transactions, timestamps] = await Promise.all([
    readTransactions(client, logs, concurrency),
    readTimestamps(client, logs, concurrency),
  ]);
  if (atHead) requireFinalEvent(logs, roundId, head);
  const record = buildRecord({
    chainId,
    registry: getAddress(registry),
    roundId,
    asOf: {
      block: Number(head),
      blockHash: headBlock.hash as Hex,
      timestamp: Number(headBlock.timestamp),
    },
    status,
    logs,
    transactions,
    timestamps,
  });
  return { record, statusBlock: Number(statusBlock) };
}

/** Phases of a round that no call leaves: finalized and cancelled. */
const FINAL_PHASES = new Set([3, 4]);

/**
 * Reads getRound at `headBlock` after the read at `block` failed with
 * `failure`, and returns it when the round is final there. Whether it was
 * final by `block` is checked against the events by `requireFinalEvent`.
 */
async function readFinalStatus(
  client: RecordClient,
  registry: Address,
  roundId: bigint,
  block: bigint,
  headBlock: bigint,
  failure: unknown,
): Promise<RecordStatus> {
  let status: RecordStatus;
  try {
    status = await readStatus(client, registry, roundId, headBlock);
  } catch {
    // The call fails at the head too, so the node's own error is the more
    // useful one to report.
    throw failure;
  }
  if (!FINAL_PHASES.has(status.phase)) {
    throw stateUnavailable(
      roundId,
      block,
      "the round is not finalized or cancelled, so its view at the head " +
        "may differ",
      failure,
    );
  }
  return status;
}

/** Throws unless the round's final event is in `logs` (read up to `block`). */
function requireFinalEvent(
  logs: readonly RoundEventLog[],
  roundId: bigint,
  block: bigint,
): void {
  const final = logs.some(
    (log) =>
      (log.eventName === "RoundFinalized" ||
        log.eventName === "RoundCancelled") &&
      BigInt(log.block) <= block,
  );
  if (!final) {
    throw stateUnavailable(
      roundId,
      block,
      "the round was finalized or cancelled only after that block, so its " +
        "view at the head may differ",
      undefined,
    );
  }
}

function stateUnavailable(
  roundId: bigint,
  block: bigint,
  reason: string,
  cause: unknown,
): StateUnavailableError {
  let nodeMessage: string | undefined;
  if (cause instanceof BaseError) nodeMessage = cause.shortMessage;
  else if (cause instanceof Error) nodeMessage = cause.message;
  return new StateUnavailableError(
    `The node keeps no state at block ${block}, so round ${roundId}'s ` +
      `getRound view cannot be read there, and ${reason}.`,
    {
      details:
        nodeMessage === undefined ? [] : [`the node's error: ${nodeMessage}`],
      hint:
        "Compare with an archive node (one that keeps every block's " +
        "state), or export a fresh record from this node and check that one.",
      cause,
    },
  );
}

/** Reads getRound at `blockNumber`, returning a failure to read instead of throwing it. */
async function readStatusOrFailure(
  client: RecordClient,
  registry: Address,
  roundId: bigint,
  blockNumber: bigint,
): Promise<{ status: RecordStatus } | { failure: unknown }> {
  try {
    return { status: await readStatus(client, registry, roundId, blockNumber) };
  } catch (error) {
    // RegistryUnknownRound is a result of the call, not a missing state.
    if (error instanceof RoundNotFoundError) throw error;
    return { failure: error };
  }
}

async function readStatus(
  client: RecordClient,
  registry: Address,
  roundId: bigint,
  blockNumber: bigint,
): Promise<RecordStatus> {
  let view;
  try {
    view = await client.readContract({
      address: registry,
      abi: evaluationRegistryAbi,
      functionName: "getRound",
      args: [roundId],
      blockNumber,
    });
  } catch (error) {
    if (isUnknownRound(error)) throw new RoundNotFoundError(roundId, registry);
    throw error;
  }
  return {
    admin: getAddress(view.admin),
    phase: view.phase,
    seats: view.seats,
    claimed: view.claimed,
    committed: view.committed,
    revealed: view.revealed,
    recused: view.recused,
    minEvaluators: view.minEvaluators,
    bidders: view.bidders,
    criteria: view.criteria,
    qualitativeCriteria: view.qualitativeCriteria,
    scoringDeadline: Number(view.scoringDeadline),
    revealDeadline: Number(view.revealDeadline),
    createdAt: Number(view.createdAt),
    closedAt: Number(view.closedAt),
    finalizedAt: Number(view.finalizedAt),
  };
}

function isUnknownRound(error: unknown): boolean {
  if (!(error instanceof BaseError)) return false;
  const reverted = error.walk(
    (inner) => inner instanceof ContractFunctionRevertedError,
  );
  return (
    reverted instanceof ContractFunctionRevertedError &&
    reverted.data?.errorName === "RegistryUnknownRound"
  );
}

/** Binary search for the lowest block whose time is at least `time`. */
async function firstBlockAtOrAfter(
  client: RecordClient,
  time: bigint,
  head: bigint,
): Promise<bigint> {
  let low = 0n;
  let high = head;
  while (low < high) {
    const middle = (low + high) / 2n;
    const block = await client.getBlock({ blockNumber: middle });
    if (block.timestamp < time) low = middle + 1n;
    else high = middle;
  }
  return low;
}

const SIGNED_EVENTS = new Set(["SeatClaimed", "SeatRecused", "SheetCommitted"]);

async function readTransactions(
  client: RecordClient,
  logs: readonly RoundEventLog[],
  concurrency: number,
): Promise<Map<Hex, { to: Address | null; input: Hex }>> {
  const hashes = unique(
    logs
      .filter((log) => SIGNED_EVENTS.has(log.eventName))
      .map((log) => log.transactionHash),
  );
  const found = await mapLimit(hashes, concurrency, (hash) =>
    client.getTransaction({ hash }),
  );
  return new Map(
    found.map((transaction, index) => [
      hashes[index],
      { to: transaction.to ?? null, input: transaction.input },
    ]),
  );
}

/** Block times by block number, from the logs or else from the blocks. */
async function readTimestamps(
  client: RecordClient,
  logs: readonly RoundEventLog[],
  concurrency: number,
): Promise<Map<number, number>> {
  const times = new Map<number, number>();
  for (const log of logs) {
    if (log.timestamp !== undefined) times.set(log.block, log.timestamp);
  }
  const missing = unique(
    logs.map((log) => log.block).filter((block) => !times.has(block)),
  );
  const found = await mapLimit(missing, concurrency, (block) =>
    client.getBlock({ blockNumber: BigInt(block) }),
  );
  found.forEach((block, index) => {
    times.set(missing[index], Number(block.timestamp));
  });
  return times;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** Maps `values` with at most `limit` calls of `map` running at a time. */
async function mapLimit<T, R>(
  values: readonly T[],
  limit: number,
  map: (value: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(values.length);
  let next = 0;
  const worker = async () => {
    while (next < values.length) {
      const index = next++;
      results[index] = await map(values[index]);
    }
  };
  const workers = Array.from(
    { length: Math.max(1, Math.min(limit, values.length)) },
    worker,
  );
  await Promise.all(workers);
  return results;
}
