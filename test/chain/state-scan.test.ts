import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

import { describe, expect, it } from "vitest";

import { ChainStateDamagedError } from "../../cli/chain/errors.ts";
import { scanStateDump } from "../../cli/chain/state-scan.ts";
import { makeTempDir } from "./helpers.ts";

/** Builds a dump with `storageBytes` of storage before the block number. */
function bigDump(storageBytes: number, best: number): string {
  const slots: Record<string, string> = {};
  for (let slot = 0; slot * 140 < storageBytes; slot += 1) {
    slots[`0x${slot.toString(16).padStart(64, "0")}`] = `0x${"ab".repeat(32)}`;
  }
  return JSON.stringify({
    block: { number: "0x1" },
    accounts: {
      "0x00000000000000000000000000000000000000aa": { storage: slots },
    },
    best_block_number: `0x${best.toString(16)}`,
    blocks: [{ header: { number: "0x1" } }],
    transactions: [],
    historical_states: null,
  });
}

describe("state dump scan", () => {
  it("finds the block number after megabytes of accounts", async () => {
    const json = bigDump(3_000_000, 0x1234);
    const dir = await makeTempDir();
    const output = join(dir, "load.json");

    const scanned = await scanStateDump("dump", gzipSync(json), output);
    expect(scanned.bestBlockNumber).toBe(0x1234n);
    expect(scanned.jsonBytes).toBe(Buffer.byteLength(json));
    expect(await readFile(output, "utf8")).toBe(json);
  });

  it("finds a key split between two chunks", async () => {
    // zlib hands out 16 KiB chunks; shift the key across that boundary.
    for (let pad = 16_360; pad < 16_400; pad += 3) {
      const json =
        `{"accounts":{"pad":"${"x".repeat(pad)}"},` +
        `"best_block_number":"0x2a","blocks":[]}`;
      const scanned = await scanStateDump("dump", gzipSync(json));
      expect(scanned.bestBlockNumber).toBe(42n);
    }
  });

  it("rejects a dump whose JSON stops early", async () => {
    const json = bigDump(100_000, 7);
    await expect(
      scanStateDump("dump", gzipSync(json.slice(0, -40))),
    ).rejects.toThrow(/the JSON object does not end/);
  });

  it("names the file of a damaged gzip stream", async () => {
    const gzip = gzipSync(bigDump(100_000, 7));
    const damaged = gzip.subarray(0, gzip.length - 100);
    const error = await scanStateDump("state.json.gz", damaged).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ChainStateDamagedError);
    expect((error as ChainStateDamagedError).file).toBe("state.json.gz");
  });

  it("stops writing its output cleanly on damage", async () => {
    // A damaged stream destroyed the output file's stream while a write
    // was still in flight, and the write's error then escaped as an
    // uncaught exception in about half the attempts.
    const uncaught: unknown[] = [];
    const record = (error: unknown) => uncaught.push(error);
    process.on("uncaughtException", record);
    try {
      const gzip = gzipSync(bigDump(20_000_000, 7));
      const dir = await makeTempDir();
      const file = join(dir, "state.json.gz");
      await writeFile(file, gzip.subarray(0, gzip.length / 2));
      for (let attempt = 0; attempt < 10; attempt += 1) {
        const output = join(dir, `load-${attempt}.json`);
        await expect(scanStateDump(file, file, output)).rejects.toThrow(
          ChainStateDamagedError,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      process.off("uncaughtException", record);
    }
    expect(uncaught).toEqual([]);
  });
});
