import { useEffect, useRef, useState } from "react";
import type { PublicClient } from "viem";

import { describeReadFailure } from "./read-failure.tsx";
import { nextStale, type StaleState } from "./StaleNotice.tsx";

/** Options of useChainPoll. */
export interface ChainPollOptions<T> {
  client: PublicClient;
  /** The link's chain id. Nothing is read from a server on another chain. */
  chainId: number;
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
 * id matches the link's. A failed read keeps the last value and sets
 * `stale` (since when reads fail, and why) until a read succeeds again.
 * `wrongChain` is the server's chain id when it differs; then nothing is
 * read.
 */
export function useChainPoll<T>(options: ChainPollOptions<T>): {
  wrongChain: number | undefined;
  stale: StaleState | undefined;
} {
  const { client, chainId, intervalMs, read } = options;
  const [wrongChain, setWrongChain] = useState<number>();
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
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
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
        const value = await read();
        if (stopped) return;
        callbacks.current.onValue(value);
        setStale(undefined);
      } catch (error) {
        if (stopped) return;
        if (!callbacks.current.onError?.(error)) {
          const failure = describeReadFailure(error);
          setStale((previous) => nextStale(previous, failure));
        }
      }
      if (!stopped) timer = setTimeout(() => void poll(), intervalMs);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [client, chainId, intervalMs, read]);

  return { wrongChain, stale };
}
