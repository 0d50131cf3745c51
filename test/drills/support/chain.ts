import { randomBytes } from "node:crypto";
import { copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

import type { Address, LocalAccount } from "viem";

import { resolveJuryboxPaths } from "../../../cli/chain/paths.ts";
import { startChain, type RunningChain } from "../../../cli/chain/index.ts";
import { ensureDeployed } from "../../../cli/deploy/ensure-deployed.ts";
import { loadAdminAccount } from "../../../cli/lib/admin-key.ts";
import {
  connectRpc,
  type ChainConnection,
} from "../../../cli/lib/chain-client.ts";
import { compileIfMissing } from "../../../cli/lib/compile.ts";
import type { RegistrySession } from "../../../cli/lib/create-round.ts";
import { PROJECT_ROOT } from "../../../cli/lib/project.ts";
import { isRunning, killPid, onCleanup } from "./cleanup.ts";

/** A logger that keeps the chain's log lines for a failure report. */
export function memoryLogger() {
  const lines: string[] = [];
  return {
    lines,
    info: (message: string) => void lines.push(`info ${message}`),
    warn: (message: string) => void lines.push(`warn ${message}`),
    error: (message: string) => void lines.push(`error ${message}`),
  };
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

/** Creates a temporary folder that is removed when the drill ends. */
export async function makeDrillDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `jurybox-drill-${prefix}-`));
  onCleanup(`remove ${dir}`, () => rm(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Deploys the registry with Ignition under a deployment id of its own, so
 * the project's `chain-<id>` records are never touched, and removes the
 * Ignition folder when the drill ends. The admin key in `dataDir` signs.
 */
export async function deployRegistry(
  chain: { rpcUrl: string; chainId: number; saveState?: () => Promise<void> },
  dataDir: string,
): Promise<{ registry: Address; deployBlock: bigint }> {
  const hre = (await import("hardhat")).default;
  await compileIfMissing(hre, () => {});
  const deploymentId = `drill-${randomBytes(4).toString("hex")}`;
  const folder = join(PROJECT_ROOT, "ignition", "deployments", deploymentId);
  onCleanup(`remove ${folder}`, () =>
    rm(folder, { recursive: true, force: true }),
  );
  return ensureDeployed({
    chain,
    dataDir,
    deploymentId,
    logger: memoryLogger(),
  });
}

/** An embedded chain run by a supervisor in this process, with a registry. */
export interface DrillChain {
  dataDir: string;
  chain: RunningChain;
  connection: ChainConnection;
  session: RegistrySession;
  admin: LocalAccount;
  deployBlock: bigint;
  log: string[];
  stop(): Promise<void>;
}

/**
 * Starts the embedded chain through `startChain` in a temporary folder on
 * a free loopback port, deploys the registry and loads the admin key.
 * `adminKeyFrom` copies the admin key of another drill chain, so that the
 * same deployment transactions give the same registry address.
 */
export async function startDrillChain(
  options: {
    blockTime?: number;
    chainId?: number;
    adminKeyFile?: string;
  } = {},
): Promise<DrillChain> {
  const dir = await makeDrillDir("chain");
  const dataDir = join(dir, ".jurybox");
  const paths = resolveJuryboxPaths(dataDir);
  if (options.adminKeyFile !== undefined) {
    await mkdir(paths.keysDir, { recursive: true, mode: 0o700 });
    await copyFile(options.adminKeyFile, paths.adminKeyFile);
  }
  const logger = memoryLogger();
  const chain = await startChain({
    dataDir,
    port: await freePort(),
    chainId: options.chainId,
    blockTime: options.blockTime ?? 1,
    logger,
  });
  const stop = onCleanup(`stop the chain on ${chain.rpcUrl}`, async () => {
    const pid = chain.pid;
    await chain.stop();
    if (pid !== undefined && isRunning(pid)) killPid(pid, "anvil");
  });
  const { registry, deployBlock } = await deployRegistry(chain, dataDir);
  const connection = await connectRpc(chain.rpcUrl);
  return {
    dataDir,
    chain,
    connection,
    session: { connection, registry },
    admin: await loadAdminAccount(paths.adminKeyFile),
    deployBlock,
    log: logger.lines,
    stop,
  };
}
