import { afterEach, describe, expect, it } from "vitest";

import { startChain, type SaveRecord } from "../../cli/chain/index.ts";
import {
  lossWindowClass,
  lossWindowMs,
  referenceSaveMs,
  saveWaitMs,
} from "../../cli/chain/save-schedule.ts";
import {
  compileProbe,
  deployProbe,
  freePort,
  killIfAlive,
  makeTempDir,
  recordingLogger,
  sleep,
  storeValue,
  waitUntil,
} from "./helpers.ts";

const pids = new Set<number>();

afterEach(() => {
  for (const pid of pids) killIfAlive(pid);
  pids.clear();
});

/** Fails when one save began before the one before it had finished. */
function expectNoOverlap(saves: readonly SaveRecord[]): void {
  for (let index = 1; index < saves.length; index += 1) {
    const before = saves[index - 1];
    expect(saves[index].startedAt).toBeGreaterThanOrEqual(
      before.startedAt + before.milliseconds - 1,
    );
  }
}

describe("save schedule", () => {
  it("keeps the interval while saves are short", () => {
    expect(saveWaitMs(1000, 20, 20, 4)).toBe(980);
    expect(saveWaitMs(1000, 300, 20, 4)).toBe(700);
    expect(lossWindowMs(1000, 20, 20, 4)).toBe(980 + 60 + 1000);
  });

  it("waits a multiple of a long save", () => {
    expect(saveWaitMs(1000, 5000, 5000, 4)).toBe(20_000);
    expect(lossWindowMs(1000, 5000, 5000, 4)).toBe(20_000 + 15_000 + 1000);
  });

  it("counts a stretched save in full in the window", () => {
    expect(lossWindowMs(1000, 9000, 250, 4)).toBe(1000 + 27_000 + 1000);
  });

  it("lets one stretched save raise the reference only a little", () => {
    expect(referenceSaveMs(3300, 0)).toBe(250);
    expect(referenceSaveMs(3300, 250)).toBe(750);
    expect(referenceSaveMs(400, 250)).toBe(400);
    // A lasting slowdown reaches the reference within a few saves.
    let reference = 100;
    for (let save = 0; save < 5; save += 1) {
      reference = referenceSaveMs(5000, reference);
    }
    expect(reference).toBe(5000);
  });

  it("classes loss windows by powers of two seconds", () => {
    expect(lossWindowClass(900)).toBe(0);
    expect(lossWindowClass(2000)).toBe(1);
    expect(lossWindowClass(2100)).toBe(2);
    expect(lossWindowClass(36_000)).toBe(6);
  });
});

describe("state saves on a running chain", () => {
  it("waits after each save in proportion to its dump", async () => {
    // solc blocks this process while it compiles, which would stretch a save.
    await compileProbe();
    const saves: SaveRecord[] = [];
    const chain = await startChain({
      dataDir: await makeTempDir(),
      port: await freePort(),
      logger: recordingLogger(),
      blockTime: 0,
      saveIntervalMs: 20,
      saveSpacing: 3,
      onSave: (save) => void saves.push(save),
    });
    pids.add(chain.pid as number);
    try {
      // Each transaction mines a block, so every periodic check finds one.
      const probe = await deployProbe(chain.rpcUrl);
      for (let key = 1n; saves.length < 4; key += 1n) {
        await storeValue(probe, key, key);
      }
    } finally {
      await chain.stop();
    }
    const periodic = saves.slice(1, 4);
    for (const save of periodic) {
      expect(save.referenceMs).toBeLessThanOrEqual(save.dumpMs);
      expect(save.waitMs).toBe(
        Math.max(20 - save.milliseconds, 3 * save.referenceMs),
      );
    }
    for (let index = 1; index < periodic.length; index += 1) {
      const before = periodic[index - 1];
      const gap = periodic[index].startedAt - before.startedAt;
      expect(gap).toBeGreaterThanOrEqual(
        before.milliseconds + 3 * before.referenceMs - 2,
      );
      expect(gap).toBeGreaterThanOrEqual(20 - 2);
      // A block was waiting, so the next save began soon after the wait.
      expect(gap).toBeLessThan(before.milliseconds + before.waitMs + 500);
    }
  });

  it("runs saves one at a time when asked for several", async () => {
    const saves: SaveRecord[] = [];
    const chain = await startChain({
      dataDir: await makeTempDir(),
      port: await freePort(),
      logger: recordingLogger(),
      saveIntervalMs: 10,
      onSave: (save) => void saves.push(save),
    });
    pids.add(chain.pid as number);
    try {
      await Promise.all([
        chain.saveState(),
        chain.saveState(),
        chain.saveState(),
      ]);
      await sleep(1500);
    } finally {
      await chain.stop();
    }
    expect(saves.length).toBeGreaterThanOrEqual(4);
    expectNoOverlap(saves);
  });

  it("keeps every block older than the stated window after kill -9", async () => {
    const logger = recordingLogger();
    const dataDir = await makeTempDir();
    const port = await freePort();
    let chain = await startChain({ dataDir, port, logger });
    pids.add(chain.pid as number);
    try {
      const probe = await deployProbe(chain.rpcUrl);
      const receipt = await storeValue(probe, 5n, 555n);
      await waitUntil(
        () => (chain.lastSave?.block ?? -1n) >= receipt.blockNumber,
        20_000,
        "a save of the store's block",
      );
      const window = chain.lastSave!.lossWindowMs;
      expect(logger.lines.join("\n")).toMatch(
        /a kill -9 now loses at most the blocks of the last \d+\.\d s/,
      );
      // A block mined `window` ago must be in the state file by now.
      const late = await storeValue(probe, 6n, 666n);
      await sleep(window);
      const saved = chain.lastSave!.block;
      expect(saved).toBeGreaterThanOrEqual(late.blockNumber);

      const killed = chain.pid as number;
      process.kill(killed, "SIGKILL");
      await waitUntil(
        () => chain.pid !== undefined && chain.pid !== killed,
        20_000,
        "the restarted anvil",
      );
      pids.add(chain.pid as number);
      const loaded = logger.lines.findLast((line) =>
        line.includes("Loaded block"),
      );
      const loadedBlock = BigInt(/Loaded block (\d+)/.exec(loaded ?? "")![1]);
      expect(loadedBlock).toBeGreaterThanOrEqual(saved);
      for (const [key, value] of [
        [5n, 555n],
        [6n, 666n],
      ]) {
        expect(
          await probe.publicClient.readContract({
            address: probe.address,
            abi: probe.abi,
            functionName: "values",
            args: [key],
          }),
        ).toBe(value);
      }
    } finally {
      await chain.stop();
    }
  });
});
