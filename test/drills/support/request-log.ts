// Records when JSON-RPC requests of one method leave this process, by
// wrapping the global fetch that viem's HTTP transport calls.

/** Starts recording; `stop()` restores fetch and returns the send times. */
export function recordRequests(method: string): { stop(): number[] } {
  const original = globalThis.fetch;
  const times: number[] = [];
  const marker = `"method":"${method}"`;
  globalThis.fetch = (input, init) => {
    if (typeof init?.body === "string" && init.body.includes(marker)) {
      times.push(performance.now());
    }
    return original(input, init);
  };
  return {
    stop() {
      globalThis.fetch = original;
      return times;
    },
  };
}
