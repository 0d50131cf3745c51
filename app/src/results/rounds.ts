import {
  encodeEventTopics,
  getAddress,
  parseEventLogs,
  type Address,
  type Log,
  type PublicClient,
} from "viem";

import { registryAbi } from "../chain/abi.ts";
import {
  listRounds,
  readRoundCounters,
  readRoundResult,
  type RoundSummary,
} from "../chain/round.ts";
import {
  phaseNumber,
  readIndexedRoundList,
  toSeatCounts,
  unavailableReason,
  type IndexedListRound,
  type IndexerEndpoint,
} from "./indexer.ts";
import { readHead } from "./round-view.ts";
import {
  chooseSource,
  countsFromContract,
  reconcileCounts,
  winnerIndex,
  type ChainReason,
} from "./source.ts";

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

/** The round list as the page shows it, with its source and block. */
export interface RoundListView {
  source: "indexer" | "chain";
  /** Reason the chain was read; undefined when the indexer is the source. */
  reason?: ChainReason;
  block: bigint;
  time: number;
  rounds: RoundListEntry[];
  /** True when the indexer's counts of some round differed from the registry's. */
  countsDiffered: boolean;
}

/**
 * Reads the round list from the indexer when it keeps up with the chain,
 * checking each round's phase, counters and winner against the registry
 * at the indexer's block, and from the chain's events otherwise. A
 * differing phase or winner makes the whole list come from the chain;
 * differing counts are replaced by the registry's.
 */
export async function readRoundListView(
  client: PublicClient,
  registry: Address,
  endpoint: IndexerEndpoint | undefined,
): Promise<RoundListView> {
  const fromChain = async (reason: ChainReason): Promise<RoundListView> => ({
    source: "chain",
    reason,
    countsDiffered: false,
    ...(await readRoundList(client, registry)),
  });
  if (endpoint === undefined) return fromChain({ kind: "notConfigured" });
  let listed: Awaited<ReturnType<typeof readIndexedRoundList>>;
  try {
    listed = await readIndexedRoundList(endpoint);
  } catch (error) {
    return fromChain(unavailableReason(error));
  }
  const choice = chooseSource(listed.indexed, await readHead(client));
  if (choice.source === "chain") return fromChain(choice.reason);
  const indexed = listed.indexed!;

  const confirmed = await Promise.all(
    listed.rounds.map((row) =>
      confirmListRound(client, registry, row, indexed.number),
    ),
  );
  if (confirmed.some((entry) => entry === undefined)) {
    return fromChain({ kind: "disagreed" });
  }
  const entries = confirmed as { entry: RoundListEntry; differed: boolean }[];
  return {
    source: "indexer",
    block: indexed.number,
    time: indexed.timestamp,
    rounds: entries.map(({ entry }) => entry),
    countsDiffered: entries.some(({ differed }) => differed),
  };
}

/**
 * Returns the list entry of one indexed round with the registry's counts
 * at `block`, or undefined when its phase or winner differs on chain.
 */
async function confirmListRound(
  client: PublicClient,
  registry: Address,
  row: IndexedListRound,
  block: bigint,
): Promise<{ entry: RoundListEntry; differed: boolean } | undefined> {
  const roundId = BigInt(row.id);
  const counters = await readRoundCounters(client, registry, roundId, block);
  const phase = phaseNumber(row.phase);
  if (counters.phase !== phase) return undefined;
  let winner: string | null | undefined;
  if (phase === PHASE_FINALIZED) {
    const { results } = await readRoundResult(client, registry, roundId);
    const index = winnerIndex(results);
    if (index !== (row.winnerIndex ?? -1)) return undefined;
    winner = index < 0 ? null : row.winnerName;
  }
  const contract = countsFromContract(counters);
  const { differing } = reconcileCounts(toSeatCounts(row), contract);
  return {
    entry: {
      roundId,
      admin: getAddress(row.admin),
      title: row.title,
      referenceNumber: row.reference,
      phase,
      seats: contract.invited,
      claimed: contract.claimed,
      committed: contract.committed,
      revealed: contract.revealed,
      recused: contract.recused,
      winner,
    },
    differed: differing.length > 0,
  };
}
