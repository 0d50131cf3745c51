import { stat } from "node:fs/promises";

import { describe, expect, it } from "vitest";

import { startChain } from "../../cli/chain/index.ts";
import {
  deployProbe,
  freePort,
  killIfAlive,
  makeTempDir,
  recordingLogger,
  sleep,
  storeValue,
} from "./helpers.ts";

describe("on-demand mining", () => {
  it("mines no empty blocks and skips idle saves", async () => {
    const dataDir = await makeTempDir();
    const port = await freePort();
    const logger = recordingLogger();
    let chain = await startChain({ dataDir, port, logger, blockTime: 0 });
    const pids = [chain.pid];
    try {
      expect(logger.lines.join("\n")).toContain("a block per transaction");
      const probe = await deployProbe(chain.rpcUrl);
      const receipt = await storeValue(probe, 4n, 444n);
      await sleep(1500);
      const savedAt = (await stat(chain.stateFile)).mtimeMs;

      await sleep(2500);
      expect(await probe.publicClient.getBlockNumber()).toBe(
        receipt.blockNumber,
      );
      expect((await stat(chain.stateFile)).mtimeMs).toBe(savedAt);

      process.kill(chain.pid as number, "SIGKILL");
      await chain.stop();
      chain = await startChain({ dataDir, port, logger, blockTime: 0 });
      pids.push(chain.pid);
      const value = await probe.publicClient.readContract({
        address: probe.address,
        abi: probe.abi,
        functionName: "values",
        args: [4n],
      });
      expect(value).toBe(444n);
    } finally {
      await chain.stop();
      for (const pid of pids) killIfAlive(pid);
    }
  });
});
