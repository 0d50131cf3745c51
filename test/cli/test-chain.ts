import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

import {
  createPublicClient,
  http,
  type Address,
  type PublicClient,
} from "viem";

import { startChain, type RunningChain } from "../../cli/chain/index.ts";
import { ensureDeployed } from "../../cli/deploy/ensure-deployed.ts";
import { compileIfMissing } from "../../cli/lib/compile.ts";
import { PROJECT_ROOT } from "./run-cli.ts";

/** An embedded chain with a fresh registry, private to one test file. */
export interface TestChain {
  /** Temporary working folder of the CLI runs, with `.jurybox/` inside. */
  dir: string;
  rpcUrl: string;
  registry: Address;
  adminKeyFile: string;
  client: PublicClient;
  /** `--rpc`, `--registry` and `--admin-key-file` for this chain. */
  args: string[];
  stop: () => Promise<void>;
}

const quietLogger = { info() {}, warn() {}, error() {} };

/**
 * Starts anvil through the chain supervisor on a free loopback port in a
 * temporary folder, and deploys the registry under a deployment id of its
 * own, so the project's `chain-1337` record is never touched. Compiles the
 * contracts first when their artifacts are missing.
 */
export async function startTestChain(): Promise<TestChain> {
  const hre = (await import("hardhat")).default;
  await compileIfMissing(hre, () => {});

  const dir = await mkdtemp(join(tmpdir(), "jurybox-cli-"));
  const dataDir = join(dir, ".jurybox");
  const chain = await startChain({
    dataDir,
    port: await freePort(),
    blockTime: 0,
    logger: quietLogger,
  });

  const deploymentId = `cli-test-${randomBytes(4).toString("hex")}`;
  const deploymentFolder = join(
    PROJECT_ROOT,
    "ignition",
    "deployments",
    deploymentId,
  );
  let registry: Address;
  try {
    ({ registry } = await ensureDeployed({
      chain,
      dataDir,
      deploymentId,
      logger: quietLogger,
    }));
  } catch (error) {
    await stopChain(chain);
    throw error;
  }

  const adminKeyFile = join(dataDir, "keys", "admin.json");
  return {
    dir,
    rpcUrl: chain.rpcUrl,
    registry,
    adminKeyFile,
    client: createPublicClient({ transport: http(chain.rpcUrl) }),
    args: [
      "--rpc",
      chain.rpcUrl,
      "--registry",
      registry,
      "--admin-key-file",
      adminKeyFile,
    ],
    async stop() {
      await stopChain(chain);
      await rm(deploymentFolder, { recursive: true, force: true });
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Stops the chain through its supervisor, then makes sure that the anvil
 * process it ran is gone, killing it by its process id if it is not.
 */
async function stopChain(chain: RunningChain): Promise<void> {
  const pid = chain.pid;
  await chain.stop();
  if (pid !== undefined && isAlive(pid)) process.kill(pid, "SIGKILL");
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Asks the kernel for a free TCP port on 127.0.0.1. */
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
