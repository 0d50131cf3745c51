import { useEffect, useRef, useState } from "react";
import type { Address, PublicClient } from "viem";

import { describeReadFailure } from "./read-failure.tsx";
import { checkRegistry, type RegistryCheck } from "./registry-check.ts";
import { nextStale, overdueStale, type StaleState } from "./StaleNotice.tsx";

/** Poll intervals a read may stay pending before the page counts as not updating. */
const OVERDUE_INTERVALS = 3;

/**
 * Shortest wait, in milliseconds, before a pending read counts as
 * overdue. It is above the 4 s that a read gives the indexer before it
 * reads the chain instead, so that switch alone does not mark the page.
 */
const MIN_OVERDUE_MS = 6_000;

/** Options of useChainPoll. */
export interface ChainPollOptions<T> {
  client: PublicClient;
  /** The link's chain id. Nothing is read from a server on another chain. */
  chainId: number;
  /**
   * The link's registry. When given, it is checked once after the chain
   * id, and nothing is read unless it contains a Jurybox registry.
   */
  registry?: Address;
  /** Milliseconds between the end of one read and the start of the next. */
  intervalMs: number;
  /** The read of one value. A new function restarts polling, so keep it stable with useMemo. */
  read: () => Promise<T>;
  onValue: (value: T) => void;
  /** A handler that returns true for an error it handled itself, and false to report it as stale. */
  onError?: (error: unknown) => boolean;
}

/**
 * Calls `read` every `intervalMs` while mounted, once the server's chain
 * id matches the link's and the link's registry address contains a
 * registry. A failed read keeps the last value and sets `stale` until a
 * read succeeds again. A read still pending after OVERDUE_INTERVALS
 * intervals (MIN_OVERDUE_MS at least) sets `stale` too. `wrongChain` is the server's chain id when
 * it differs, and `registryProblem` is what the registry address contains
 * instead of a registry. In both cases nothing else is read.
 */
export function useChainPoll<T>(options: ChainPollOptions<T>): {
  wrongChain: number | undefined;
  registryProblem: Exclude<RegistryCheck, "registry"> | undefined;
  stale: StaleState | undefined;
} {
  const { client, chainId, registry, intervalMs, read } = options;
  const [wrongChain, setWrongChain] = useState<number>();
  const [registryProblem, setRegistryProblem] =
    useState<Exclude<RegistryCheck, "registry">>();
  const [stale, setStale] = useState<StaleState>();
  // The latest callbacks, so that a new closure per render does not
  // restart the polling.
  const callbacks = useRef(options);
  useEffect(() => {
    callbacks.current = options;
  });

  useEffect(() => {
    let stopped = false;
    let chainChecked = false;
    let registryChecked = registry === undefined;
    // UTC seconds of the last successful read.
    let lastSuccess: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    const overdueMs = Math.max(OVERDUE_INTERVALS * intervalMs, MIN_OVERDUE_MS);
    const markOverdue = () => {
      if (stopped) return;
      const seconds = overdueMs / 1000;
      setStale((previous) => overdueStale(previous, seconds, lastSuccess));
    };
    const poll = async () => {
      // A request to a hung node waits for the client's timeout (10 s, one
      // retry), far longer than the interval, so the watchdog marks the
      // page as not updating before that request fails.
      watchdog = setTimeout(markOverdue, overdueMs);
      try {
        if (!chainChecked) {
          const actual = await client.getChainId();
          if (stopped) return;
          if (actual !== chainId) {
            setWrongChain(actual);
            return;
          }
          chainChecked = true;
        }
        if (!registryChecked) {
          const check = await checkRegistry(client, registry!);
          if (stopped) return;
          if (check !== "registry") {
            setRegistryProblem(check);
            return;
          }
          registryChecked = true;
        }
        const value = await read();
        if (stopped) return;
        lastSuccess = Date.now() / 1000;
        callbacks.current.onValue(value);
        setStale(undefined);
      } catch (error) {
        if (stopped) return;
        if (!callbacks.current.onError?.(error)) {
          const failure = describeReadFailure(error);
          setStale((previous) => nextStale(previous, failure, lastSuccess));
        }
      } finally {
        clearTimeout(watchdog);
      }
      if (!stopped) timer = setTimeout(() => void poll(), intervalMs);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
      clearTimeout(watchdog);
    };
  }, [client, chainId, registry, intervalMs, read]);

  return { wrongChain, registryProblem, stale };
}
