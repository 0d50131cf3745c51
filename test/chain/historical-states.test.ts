import { describe, expect, it } from "vitest";

import { startChain } from "../../cli/chain/index.ts";
import {
  deployProbe,
  freePort,
  killIfAlive,
  makeTempDir,
  recordingLogger,
  storeValue,
} from "./helpers.ts";

async function restartAndReadOldValue(preserveHistoricalStates: boolean) {
  const dataDir = await makeTempDir();
  const port = await freePort();
  const logger = recordingLogger();
  const options = { dataDir, port, logger, preserveHistoricalStates };
  let chain = await startChain(options);
  const pids = [chain.pid];
  try {
    const probe = await deployProbe(chain.rpcUrl);
    const first = await storeValue(probe, 1n, 10n);
    await storeValue(probe, 1n, 20n);
    await chain.stop();
    chain = await startChain(options);
    pids.push(chain.pid);
    return await probe.publicClient.readContract({
      address: probe.address,
      abi: probe.abi,
      functionName: "values",
      args: [1n],
      blockNumber: first.blockNumber,
    });
  } finally {
    await chain.stop();
    for (const pid of pids) killIfAlive(pid);
  }
}

describe("historical states", () => {
  it("serves old-block reads after restart when kept", async () => {
    expect(await restartAndReadOldValue(true)).toBe(10n);
  });

  it("rejects old-block reads after restart by default", async () => {
    await expect(restartAndReadOldValue(false)).rejects.toThrow(
      /BlockOutOfRange/,
    );
  });
});
