import { readFile, truncate, writeFile, mkdir } from "node:fs/promises";
import { gzipSync } from "node:zlib";

import { describe, expect, it } from "vitest";

import { startChain } from "../../cli/chain/index.ts";
import { resolveJuryboxPaths } from "../../cli/chain/paths.ts";
import {
  ChainStateDamagedError,
  ChainStateUnreadableError,
} from "../../cli/chain/errors.ts";
import {
  readStateFile,
  selectStateToLoad,
  writeStateDump,
} from "../../cli/chain/state-store.ts";
import {
  deployProbe,
  freePort,
  killIfAlive,
  makeTempDir,
  recordingLogger,
  sleep,
  storeValue,
} from "./helpers.ts";

function fakeDump(bestBlock: number): Buffer {
  const dump = {
    block: {},
    accounts: {},
    best_block_number: `0x${bestBlock.toString(16)}`,
    blocks: [],
    transactions: [],
    historical_states: null,
  };
  return gzipSync(JSON.stringify(dump));
}

async function tempPaths() {
  const paths = resolveJuryboxPaths(await makeTempDir());
  await mkdir(paths.chainDir, { recursive: true });
  return paths;
}

describe("state files", () => {
  it("rotates the newest file into the previous copy", async () => {
    const paths = await tempPaths();
    await writeStateDump(paths, fakeDump(1));
    await writeStateDump(paths, fakeDump(2));

    const newest = await readStateFile(paths.stateFile);
    const previous = await readStateFile(paths.previousStateFile);
    expect(newest.bestBlockNumber).toBe(2n);
    expect(previous.bestBlockNumber).toBe(1n);
  });

  it("rejects a truncated dump before writing", async () => {
    const paths = await tempPaths();
    await writeStateDump(paths, fakeDump(5));
    const truncated = fakeDump(6).subarray(0, 20);

    await expect(writeStateDump(paths, truncated)).rejects.toThrow(
      ChainStateDamagedError,
    );
    expect((await readStateFile(paths.stateFile)).bestBlockNumber).toBe(5n);
  });

  it("selects the previous copy when the newest is damaged", async () => {
    const paths = await tempPaths();
    await writeStateDump(paths, fakeDump(7));
    await writeStateDump(paths, fakeDump(8));
    await truncate(paths.stateFile, 30);

    const selection = await selectStateToLoad(paths);
    expect(selection.state?.bestBlockNumber).toBe(7n);
    expect(selection.skipped).toHaveLength(1);
    expect(selection.skipped[0]).toContain(paths.stateFile);
  });

  it("rejects valid gzip that is not a dump", async () => {
    const paths = await tempPaths();
    await writeFile(paths.stateFile, gzipSync('{"hello":1}'));

    await expect(readStateFile(paths.stateFile)).rejects.toThrow(
      /best_block_number is missing/,
    );
  });

  it("refuses to start empty when all files are damaged", async () => {
    const paths = await tempPaths();
    await writeFile(paths.stateFile, "not gzip");
    await writeFile(paths.previousStateFile, gzipSync("{"));

    await expect(selectStateToLoad(paths)).rejects.toThrow(
      ChainStateUnreadableError,
    );
  });

  it("starts empty when no state file exists", async () => {
    const paths = await tempPaths();
    const selection = await selectStateToLoad(paths);
    expect(selection.state).toBeUndefined();
    expect(selection.skipped).toEqual([]);
  });

  it("loads the previous copy after damage on disk", async () => {
    const dataDir = await makeTempDir();
    const port = await freePort();
    const logger = recordingLogger();
    let chain = await startChain({ dataDir, port, logger });
    const pids = [chain.pid];
    try {
      const probe = await deployProbe(chain.rpcUrl);
      await storeValue(probe, 9n, 999n);
      // Two saves after the store put its block in the previous copy too.
      await sleep(2500);
      await chain.stop();

      const paths = resolveJuryboxPaths(dataDir);
      const previous = await readStateFile(paths.previousStateFile);
      const newest = await readFile(paths.stateFile);
      await writeFile(paths.stateFile, newest.subarray(0, newest.length / 2));

      chain = await startChain({ dataDir, port, logger });
      pids.push(chain.pid);
      const log = logger.lines.join("\n");
      expect(log).toContain(
        `Skipping a damaged state file: ${paths.stateFile}`,
      );
      expect(log).toContain(
        `Loaded block ${previous.bestBlockNumber} from ${paths.previousStateFile}`,
      );
      const value = await probe.publicClient.readContract({
        address: probe.address,
        abi: probe.abi,
        functionName: "values",
        args: [9n],
      });
      expect(value).toBe(999n);
    } finally {
      await chain.stop();
      for (const pid of pids) killIfAlive(pid);
    }
  });
});
