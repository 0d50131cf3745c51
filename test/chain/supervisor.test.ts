import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAbiItem } from "viem";

import { startChain, type RunningChain } from "../../cli/chain/index.ts";
import {
  deployProbe,
  freePort,
  isAlive,
  killIfAlive,
  makeClients,
  makeTempDir,
  recordingLogger,
  sleep,
  storeValue,
  waitUntil,
} from "./helpers.ts";

const storedEvent = parseAbiItem(
  "event Stored(uint256 indexed key, uint256 value, address sender)",
);

describe("chain supervisor", () => {
  let chain: RunningChain;
  let dataDir: string;
  let port: number;
  const logger = recordingLogger();
  const startedPids = new Set<number>();

  beforeAll(async () => {
    dataDir = await makeTempDir();
    port = await freePort();
    chain = await startChain({ dataDir, port, logger });
    startedPids.add(chain.pid as number);
  });

  afterAll(async () => {
    await chain?.stop();
    for (const pid of startedPids) killIfAlive(pid);
  });

  it("mines unfunded legacy and EIP-1559 transactions", async () => {
    const { account, publicClient, walletClient } = makeClients(chain.rpcUrl);
    expect(await publicClient.getBalance(account)).toBe(0n);

    const legacy = await walletClient.sendTransaction({
      to: account.address,
      type: "legacy",
    });
    const eip1559 = await walletClient.sendTransaction({
      to: account.address,
      type: "eip1559",
    });
    const legacyReceipt = await publicClient.waitForTransactionReceipt({
      hash: legacy,
    });
    const eip1559Receipt = await publicClient.waitForTransactionReceipt({
      hash: eip1559,
    });
    expect(legacyReceipt.status).toBe("success");
    expect(legacyReceipt.type).toBe("legacy");
    expect(eip1559Receipt.status).toBe("success");
    expect(eip1559Receipt.type).toBe("eip1559");
  });

  it("rejects cross-origin browser requests", async () => {
    const preflight = await fetch(chain.rpcUrl, {
      method: "OPTIONS",
      headers: {
        origin: "http://example.test",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    });
    expect(preflight.ok).toBe(false);
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();

    const call = await fetch(chain.rpcUrl, {
      method: "POST",
      headers: { "content-type": "text/plain", origin: "http://example.test" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId" }),
    });
    expect(call.headers.get("access-control-allow-origin")).toBeNull();
    expect(await call.json()).toMatchObject({ error: { code: -32600 } });
  });

  it("keeps the base fee at zero after a block above the gas target", async () => {
    const probe = await deployProbe(chain.rpcUrl);
    const hash = await probe.walletClient.writeContract({
      address: probe.address,
      abi: probe.abi,
      functionName: "fill",
      args: [0n, 700n],
      gas: 16_000_000n,
    });
    const receipt = await probe.publicClient.waitForTransactionReceipt({
      hash,
    });
    expect(receipt.gasUsed).toBeGreaterThan(15_000_000n);

    const next = receipt.blockNumber + 1n;
    await waitUntil(
      async () => (await probe.publicClient.getBlockNumber()) >= next,
      10_000,
      `block ${next}`,
    );
    const block = await probe.publicClient.getBlock({ blockNumber: next });
    expect(block.baseFeePerGas).toBe(0n);
  });

  it("restarts anvil after kill -9 with state and logs", async () => {
    const probe = await deployProbe(chain.rpcUrl);
    for (let key = 1n; key <= 5n; key++) {
      await storeValue(probe, key, key * 100n);
    }
    const genesisBefore = await probe.publicClient.getBlock({
      blockNumber: 0n,
    });
    const latestBefore = await probe.publicClient.getBlock();
    // Saves run every second; 2.5 s covers the last receipt's block.
    await sleep(2500);

    const killedPid = chain.pid as number;
    process.kill(killedPid, "SIGKILL");
    await waitUntil(
      async () =>
        chain.pid !== undefined &&
        chain.pid !== killedPid &&
        (await probe.publicClient.getBlockNumber()) >= 0n,
      20_000,
      "the restarted anvil",
    );
    startedPids.add(chain.pid as number);
    expect(await isAlive(killedPid)).toBe(false);

    for (let key = 1n; key <= 5n; key++) {
      const value = await probe.publicClient.readContract({
        address: probe.address,
        abi: probe.abi,
        functionName: "values",
        args: [key],
      });
      expect(value).toBe(key * 100n);
    }
    const logs = await probe.publicClient.getLogs({
      address: probe.address,
      event: storedEvent,
      fromBlock: 0n,
    });
    expect(logs.map((log) => log.args.key)).toEqual([1n, 2n, 3n, 4n, 5n]);

    const genesisAfter = await probe.publicClient.getBlock({ blockNumber: 0n });
    expect(genesisAfter.hash).toBe(genesisBefore.hash);
    const firstBlock = await probe.publicClient.getBlock({ blockNumber: 1n });
    expect(firstBlock.parentHash).toBe(genesisAfter.hash);

    await waitUntil(
      async () =>
        (await probe.publicClient.getBlockNumber()) > latestBefore.number,
      10_000,
      "a block after the restart",
    );
    const latestAfter = await probe.publicClient.getBlock();
    expect(latestAfter.timestamp).toBeGreaterThanOrEqual(
      latestBefore.timestamp,
    );
    const now = BigInt(Math.floor(Date.now() / 1000));
    expect(now - latestAfter.timestamp).toBeLessThan(5n);
    expect(logger.lines.join("\n")).toContain(
      `anvil (pid ${killedPid}) exited unexpectedly (SIGKILL)`,
    );
  });

  it("saves the last block on a clean stop", async () => {
    const probe = await deployProbe(chain.rpcUrl);
    const receipt = await storeValue(probe, 77n, 7700n);
    // No wait: the final save of stop() must contain this block.
    await chain.stop();
    expect(logger.lines.at(-1)).toContain("Chain stopped");

    chain = await startChain({ dataDir, port, logger });
    startedPids.add(chain.pid as number);
    const { publicClient } = makeClients(chain.rpcUrl);
    expect(await publicClient.getBlockNumber()).toBeGreaterThanOrEqual(
      receipt.blockNumber,
    );
    const value = await publicClient.readContract({
      address: probe.address,
      abi: probe.abi,
      functionName: "values",
      args: [77n],
    });
    expect(value).toBe(7700n);
  });
});
