import { describe, expect, it } from "vitest";

import type {
  RunningIndexer,
  StartIndexerOptions,
} from "../../cli/indexer/index.ts";
import { superviseIndexer } from "../../cli/indexer/supervise.ts";

/**
 * Returns a stand-in for `ponder start` whose exit the test controls, so
 * that the restart schedule runs in milliseconds. supervise.test.ts kills
 * and restarts the real process.
 */
function fakeIndexer(pid: number) {
  let exit!: (status: string) => void;
  const exited = new Promise<string>((resolve) => (exit = resolve));
  const indexer: RunningIndexer = {
    url: `http://127.0.0.1:1/graphql#${pid}`,
    pid,
    schema: "test",
    logFile: "ponder.log",
    exited,
    waitUntilReady: async () => {},
    stop: async () => exit("SIGTERM"),
  };
  return { indexer, exit };
}

const options: StartIndexerOptions = {
  rpcUrl: "http://127.0.0.1:1",
  chainId: 1337,
  dataDir: "/nonexistent",
  port: 1,
};

describe("indexer restart schedule", () => {
  it("retries a failed start with a doubling wait", async () => {
    const warnings: string[] = [];
    const first = fakeIndexer(1);
    const second = fakeIndexer(2);
    const attempts: number[] = [];
    let calls = 0;
    const supervised = await superviseIndexer({
      ...options,
      firstRestartDelayMs: 20,
      logger: { info() {}, warn: (line) => warnings.push(line), error() {} },
      start: async () => {
        calls += 1;
        attempts.push(Date.now());
        if (calls === 1) return first.indexer;
        if (calls <= 3) throw new Error(`port taken (attempt ${calls})`);
        return second.indexer;
      },
    });

    first.exit("1");
    const restarted = await supervised.waitForRestart(0);
    expect(restarted.pid).toBe(2);
    expect(calls).toBe(4);
    // Waits of 20, 40 and 80 ms between the exit and the three attempts.
    expect(attempts[3] - attempts[2]).toBeGreaterThanOrEqual(75);
    expect(attempts[2] - attempts[1]).toBeGreaterThanOrEqual(35);
    expect(warnings[0]).toContain("The indexer (pid 1) exited with 1");
    expect(warnings[1]).toContain("port taken (attempt 2)");
    expect(warnings[2]).toContain("port taken (attempt 3)");
    await supervised.stop();
  });

  it("starts nothing after stop, also during a wait", async () => {
    const first = fakeIndexer(1);
    let calls = 0;
    const supervised = await superviseIndexer({
      ...options,
      firstRestartDelayMs: 50,
      logger: { info() {}, warn() {}, error() {} },
      start: async () => {
        calls += 1;
        return first.indexer;
      },
    });
    first.exit("SIGKILL");
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(supervised.current).toBeUndefined();
    await supervised.stop();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(calls).toBe(1);
  });

  it("fails like startIndexer when the first start fails", async () => {
    await expect(
      superviseIndexer({
        ...options,
        start: async () => {
          throw new Error("no HTTP server");
        },
      }),
    ).rejects.toThrow("no HTTP server");
  });
});
