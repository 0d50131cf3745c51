import type { Address, PublicClient } from "viem";

import type { RoundProgress } from "../chain/progress.ts";
import {
  loadRound,
  readRoundCounters,
  readRoundResult,
  type RoundInfo,
} from "../chain/round.ts";
import { RoundWatcher } from "../chain/watch.ts";
import {
  findIndexer,
  phaseNumber,
  readIndexedRound,
  toProgress,
  toRoundInfo,
  toSeatCounts,
  unavailableReason,
  type IndexedRound,
  type IndexerEndpoint,
} from "./indexer.ts";
import {
  chooseSource,
  countsFromContract,
  reconcileCounts,
  resultsEqual,
  type BlockStamp,
  type ChainReason,
  type SeatCounts,
} from "./source.ts";

/** The round page's data, with its source and the block it is as of. */
export interface RoundView {
  source: "indexer" | "chain";
  /** Reason the chain was read; undefined when the indexer is the source. */
  reason?: ChainReason;
  /** The block the data is as of, and its time (UTC seconds). */
  block: bigint;
  time?: number;
  round: RoundInfo;
  progress: RoundProgress;
  /** The registry's counts at `block`. */
  counts: SeatCounts;
  /** The counts in which the indexer differed from the registry. */
  countsDiffered: (keyof SeatCounts)[];
  /** True when the indexer's result lines differed from `getResult`. */
  resultDiffered: boolean;
}

export class ChainUnavailableError extends Error {
  constructor() {
    super(
      "The chain could not be read through /rpc; the page tries again in " +
        "a few seconds.",
    );
    this.name = "ChainUnavailableError";
  }
}

/** Reads the latest block's number and time. */
export async function readHead(client: PublicClient): Promise<BlockStamp> {
  const block = await client.getBlock({ blockTag: "latest" });
  return { number: block.number, timestamp: Number(block.timestamp) };
}

/**
 * Reads one round for the public page on each `read()`: from the indexer
 * while it keeps up with the chain and agrees with the registry, and from
 * the chain's events (the RoundWatcher) otherwise. Either way the counts
 * shown are the registry's own counters.
 */
export class RoundViewReader {
  readonly #client: PublicClient;
  readonly #chainId: number;
  readonly #registry: Address;
  readonly #roundId: bigint;
  #endpoint?: IndexerEndpoint;
  #chainRound?: RoundInfo;
  #watcher?: RoundWatcher;

  constructor(
    client: PublicClient,
    chainId: number,
    registry: Address,
    roundId: bigint,
  ) {
    this.#client = client;
    this.#chainId = chainId;
    this.#registry = registry;
    this.#roundId = roundId;
  }

  async read(): Promise<RoundView> {
    // Read again until found: `jurybox up` starts the indexer after the
    // app server, so a page opened early finds no indexer at first.
    this.#endpoint ??= await findIndexer(this.#chainId, this.#registry);
    if (this.#endpoint === undefined) {
      return this.#readChain({ kind: "notConfigured" });
    }
    let indexed: BlockStamp | undefined;
    let row: IndexedRound | null;
    try {
      ({ indexed, round: row } = await readIndexedRound(
        this.#endpoint,
        this.#roundId,
      ));
    } catch (error) {
      return this.#readChain(unavailableReason(error));
    }
    // Read after the indexer, which chooseSource requires.
    const head = await readHead(this.#client).catch(() => {
      throw new ChainUnavailableError();
    });
    const choice = chooseSource(indexed, head);
    if (choice.source === "chain") return this.#readChain(choice.reason);
    if (row === null) return this.#readChain({ kind: "notIndexed" });
    const view = await this.#confirm(row, indexed!);
    return view ?? this.#readChain({ kind: "disagreed" });
  }

  /**
   * Checks the indexer's round against the registry at the indexer's
   * block: the phase must match, the counts shown are the registry's, and
   * a result that differs from `getResult` is replaced by it. Returns
   * undefined when the phases differ.
   */
  async #confirm(
    row: IndexedRound,
    indexed: BlockStamp,
  ): Promise<RoundView | undefined> {
    const counters = await readRoundCounters(
      this.#client,
      this.#registry,
      this.#roundId,
      indexed.number,
    );
    if (counters.phase !== phaseNumber(row.phase)) return undefined;
    const progress = toProgress(row, indexed.number);
    const { counts, differing } = reconcileCounts(
      toSeatCounts(row),
      countsFromContract(counters),
    );
    let resultDiffered = false;
    if (progress.finalized) {
      const chain = await readRoundResult(
        this.#client,
        this.#registry,
        this.#roundId,
      );
      if (
        !resultsEqual(progress.finalized.results, chain.results) ||
        progress.finalized.lotterySeed !== chain.lotterySeed
      ) {
        resultDiffered = true;
        progress.finalized = { ...progress.finalized, ...chain };
      }
    }
    return {
      source: "indexer",
      block: indexed.number,
      time: indexed.timestamp,
      round: toRoundInfo(row),
      progress,
      counts,
      countsDiffered: differing,
      resultDiffered,
    };
  }

  /** Reads the round from its chain events, as the page did without an indexer. */
  async #readChain(reason: ChainReason): Promise<RoundView> {
    this.#chainRound ??= await loadRound(
      this.#client,
      this.#registry,
      this.#roundId,
    );
    this.#watcher ??= new RoundWatcher(
      this.#client,
      this.#registry,
      this.#chainRound,
    );
    await this.#watcher.poll();
    const state = this.#watcher.getState();
    if (!state.online) throw new ChainUnavailableError();
    const counters = await readRoundCounters(
      this.#client,
      this.#registry,
      this.#roundId,
      state.progress.block,
    );
    return {
      source: "chain",
      reason,
      block: state.progress.block,
      time: state.chainTime,
      round: this.#chainRound,
      progress: state.progress,
      counts: countsFromContract(counters),
      countsDiffered: [],
      resultDiffered: false,
    };
  }
}
