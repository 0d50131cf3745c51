import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import type { Address, LocalAccount } from "viem";

import { startChain, type RunningChain } from "../../../cli/chain/index.ts";
import { readProcessStartTime } from "../../../cli/chain/process-record.ts";
import { ensureDeployed } from "../../../cli/deploy/ensure-deployed.ts";
import { loadAdminAccount } from "../../../cli/lib/admin-key.ts";
import { connectRpc } from "../../../cli/lib/chain-client.ts";
import { compileIfMissing } from "../../../cli/lib/compile.ts";
import type { RegistrySession } from "../../../cli/lib/create-round.ts";

export const PROJECT_ROOT = fileURLToPath(new URL("../../..", import.meta.url));

/** An embedded chain with a fresh registry, private to one test file. */
export interface IndexerTestChain {
  /** Temporary folder of the chain, the deployments file and indexers. */
  dir: string;
  rpcUrl: string;
  chainId: number;
  registry: Address;
  deployBlock: bigint;
  /** A deployments file (chain id → registry, deployBlock) for the indexer. */
  deploymentsFile: string;
  admin: LocalAccount;
  session: RegistrySession;
  /** Process id of the current anvil child. */
  readonly anvilPid: number | undefined;
  /** Returns the latest block number, never a cached one. */
  head(): Promise<bigint>;
  stop(): Promise<void>;
}

const quietLogger = { info() {}, warn() {}, error() {} };

/**
 * Starts anvil through the chain supervisor on a free loopback port in a
 * temporary folder and deploys the registry under a deployment id of its
 * own, so the project's `chain-1337` record and core/generated are never
 * touched. Writes a deployments file for the indexer in the folder.
 */
export async function startIndexerTestChain(
  options: { blockTime?: number } = {},
): Promise<IndexerTestChain> {
  const hre = (await import("hardhat")).default;
  await compileIfMissing(hre, () => {});

  const dir = await mkdtemp(join(tmpdir(), "jurybox-indexer-"));
  const dataDir = join(dir, "chain");
  const chain = await startChain({
    dataDir,
    port: await freePort(),
    blockTime: options.blockTime ?? 0,
    logger: quietLogger,
  });

  const deploymentId = `indexer-test-${randomBytes(4).toString("hex")}`;
  const deploymentFolder = join(
    PROJECT_ROOT,
    "ignition",
    "deployments",
    deploymentId,
  );
  const stop = async () => {
    await stopChain(chain);
    await rm(deploymentFolder, { recursive: true, force: true });
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const { registry, deployBlock } = await ensureDeployed({
      chain,
      dataDir,
      deploymentId,
      logger: quietLogger,
    });
    const deploymentsFile = join(dir, "deployments.json");
    const entry = { registry, deployBlock: deployBlock.toString() };
    await writeFile(
      deploymentsFile,
      JSON.stringify({ [chain.chainId]: entry }, null, 2),
    );
    const admin = await loadAdminAccount(join(dataDir, "keys", "admin.json"));
    const connection = await connectRpc(chain.rpcUrl);
    return {
      dir,
      rpcUrl: chain.rpcUrl,
      chainId: chain.chainId,
      registry,
      deployBlock,
      deploymentsFile,
      admin,
      session: { connection, registry },
      get anvilPid() {
        return chain.pid;
      },
      // viem caches the block number for the polling interval by default,
      // which would return the block before the last transaction.
      head: () => connection.client.getBlockNumber({ cacheTime: 0 }),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Stops the chain through its supervisor, then makes sure that its anvil
 * process is gone, killing it by its process id if it is not.
 */
async function stopChain(chain: RunningChain): Promise<void> {
  const pid = chain.pid;
  await chain.stop();
  if (pid !== undefined && (await isAlive(pid))) process.kill(pid, "SIGKILL");
}

/** True while the process runs; a zombie that released its port is not. */
export async function isAlive(pid: number): Promise<boolean> {
  return (await readProcessStartTime(pid)) !== undefined;
}

/** Asks the kernel for a TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
