import { useEffect, useState, useSyncExternalStore } from "react";
import type { Address, PublicClient } from "viem";

import { applyEvent, initialProgress, type RoundProgress } from "./progress.ts";
import { fetchRoundEvents, type RoundInfo } from "./round.ts";

export interface WatchState {
  progress: RoundProgress;
  /** The chain's latest block at the last successful poll. */
  head: bigint;
  /** False while the RPC endpoint cannot be reached. */
  online: boolean;
  /** Local milliseconds of the last successful poll. */
  checkedAt?: number;
  /** UTC seconds of the head block: the chain's clock, which deadlines are checked against. */
  chainTime?: number;
}

/**
 * Returns the current time in UTC seconds for deadline checks: the later of
 * the local clock and the head block's time advanced by the seconds since
 * it was read. A chain that mines only on demand lags the clock between
 * transactions, and a test chain whose time was moved forward leads it.
 */
export function chainNow(state: WatchState): number {
  const local = Math.floor(Date.now() / 1000);
  if (state.chainTime === undefined || state.checkedAt === undefined) {
    return local;
  }
  const elapsed = Math.floor((Date.now() - state.checkedAt) / 1000);
  return Math.max(local, state.chainTime + elapsed);
}

/**
 * Follows one round's events by polling the chain head (once a second by
 * default) and reading the logs of each new block range. When the head is
 * lower than the blocks already read, the chain lost blocks in a restart,
 * so the watcher starts over from the round's creation.
 */
export class RoundWatcher {
  readonly #client: PublicClient;
  readonly #registry: Address;
  readonly #round: RoundInfo;
  readonly #intervalMs: number;
  readonly #listeners = new Set<() => void>();
  #state: WatchState;
  #timer?: ReturnType<typeof setTimeout>;
  #running = false;
  #polling?: Promise<void>;

  constructor(
    client: PublicClient,
    registry: Address,
    round: RoundInfo,
    intervalMs = 1_000,
  ) {
    this.#client = client;
    this.#registry = registry;
    this.#round = round;
    this.#intervalMs = intervalMs;
    this.#state = { progress: this.#fresh(), head: round.block, online: true };
  }

  #fresh(): RoundProgress {
    return initialProgress(
      this.#round.invites,
      this.#round.block - 1n,
      this.#round.createdAt,
    );
  }

  getState = (): WatchState => this.#state;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  start(): void {
    if (this.#running) return;
    this.#running = true;
    void this.poll();
  }

  stop(): void {
    this.#running = false;
    clearTimeout(this.#timer);
  }

  /** Polls now; concurrent calls share one poll. */
  poll(): Promise<void> {
    this.#polling ??= this.#pollOnce().finally(() => {
      this.#polling = undefined;
      if (this.#running) {
        clearTimeout(this.#timer);
        this.#timer = setTimeout(() => void this.poll(), this.#intervalMs);
      }
    });
    return this.#polling;
  }

  async #pollOnce(): Promise<void> {
    try {
      const head = await this.#client.getBlockNumber({ cacheTime: 0 });
      let progress = this.#state.progress;
      if (head < progress.block) progress = this.#fresh();
      if (head > progress.block) {
        const events = await fetchRoundEvents(
          this.#client,
          this.#registry,
          this.#round.roundId,
          progress.block + 1n,
          head,
        );
        progress = { ...events.reduce(applyEvent, progress), block: head };
      }
      let chainTime = this.#state.chainTime;
      if (head !== this.#state.head || chainTime === undefined) {
        const block = await this.#client.getBlock({ blockNumber: head });
        chainTime = Number(block.timestamp);
      }
      this.#set({
        progress,
        head,
        online: true,
        checkedAt: Date.now(),
        chainTime,
      });
    } catch {
      if (this.#state.online) this.#set({ ...this.#state, online: false });
    }
  }

  #set(state: WatchState): void {
    this.#state = state;
    for (const listener of this.#listeners) listener();
  }
}

/** Watches a round while the component is mounted. */
export function useRoundWatcher(
  client: PublicClient,
  registry: Address,
  round: RoundInfo,
): { state: WatchState; watcher: RoundWatcher } {
  const [watcher] = useState(() => new RoundWatcher(client, registry, round));
  useEffect(() => {
    watcher.start();
    const wake = () => void watcher.poll();
    window.addEventListener("online", wake);
    return () => {
      window.removeEventListener("online", wake);
      watcher.stop();
    };
  }, [watcher]);
  const state = useSyncExternalStore(watcher.subscribe, watcher.getState);
  return { state, watcher };
}
