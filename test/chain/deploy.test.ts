import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadAdminKey } from "../../cli/chain/admin-key.ts";
import { startChain, type RunningChain } from "../../cli/chain/index.ts";
import { resolveJuryboxPaths } from "../../cli/chain/paths.ts";
import { readDeployment } from "../../cli/deploy/deployment-record.ts";
import { writeDeploymentsFile } from "../../cli/deploy/deployments-file.ts";
import { ensureDeployed } from "../../cli/deploy/ensure-deployed.ts";
import { evaluationRegistryAbi } from "../../core/generated/registry-abi.ts";
import {
  freePort,
  killIfAlive,
  makeClients,
  makeTempDir,
  recordingLogger,
} from "./helpers.ts";

const deploymentsDir = join("ignition", "deployments");
const artifact =
  "artifacts/contracts/EvaluationRegistry.sol/EvaluationRegistry.json";

describe("registry deployment", () => {
  // A unique id keeps the test away from the real chain-1337 deployment.
  const deploymentId = `chain-1337-test-${process.pid}-${Date.now()}`;
  const logger = recordingLogger();
  const pids: (number | undefined)[] = [];
  let dataDir: string;
  let port: number;
  let chain: RunningChain;

  beforeAll(async () => {
    if (!existsSync(artifact)) {
      execFileSync("npx", ["hardhat", "compile"], { stdio: "inherit" });
    }
    dataDir = await makeTempDir();
    port = await freePort();
    chain = await startChain({ dataDir, port, logger });
    pids.push(chain.pid);
  });

  afterAll(async () => {
    await chain?.stop();
    for (const pid of pids) killIfAlive(pid);
    await rm(join(deploymentsDir, deploymentId), {
      recursive: true,
      force: true,
    });
  });

  it("deploys once with the admin key", async () => {
    const first = await ensureDeployed({
      chain,
      dataDir,
      deploymentId,
      logger,
    });
    expect(first.deployed).toBe(true);

    const admin = await loadAdminKey(dataDir);
    const { publicClient } = makeClients(chain.rpcUrl);
    expect(await publicClient.getBalance({ address: admin.address })).toBe(0n);
    const isAdmin = await publicClient.readContract({
      address: first.registry,
      abi: evaluationRegistryAbi,
      functionName: "hasRole",
      args: [`0x${"00".repeat(32)}`, admin.address],
    });
    expect(isAdmin).toBe(true);
    const receiptBlock = await publicClient.getBlock({
      blockNumber: first.deployBlock,
    });
    expect(receiptBlock.transactions.length).toBeGreaterThan(0);

    const second = await ensureDeployed({
      chain,
      dataDir,
      deploymentId,
      logger,
    });
    expect(second).toEqual({ ...first, deployed: false });

    const record = await readDeployment(1337, { deploymentsDir, deploymentId });
    expect(record?.registry).toBe(first.registry);
    expect(record?.deployBlock).toBe(first.deployBlock);
  });

  it("lists finished deployments by chain id", async () => {
    const folder = await makeTempDir();
    await cp(join(deploymentsDir, deploymentId), join(folder, "chain-1337"), {
      recursive: true,
    });
    await mkdir(join(folder, "chain-99"));
    await mkdir(join(folder, "other"));
    const outputFile = join(folder, "generated", "deployments.json");

    const record = await readDeployment(1337, { deploymentsDir, deploymentId });
    const written = await writeDeploymentsFile(folder, outputFile);
    const expected = {
      "1337": {
        registry: record?.registry,
        deployBlock: record?.deployBlock.toString(),
      },
    };
    expect(written).toEqual(expected);
    expect(JSON.parse(await readFile(outputFile, "utf8"))).toEqual(expected);
  });

  it("deploys again after the chain is wiped", async () => {
    const before = await readDeployment(1337, { deploymentsDir, deploymentId });
    await chain.stop();
    const paths = resolveJuryboxPaths(dataDir);
    await rm(paths.stateFile);
    await rm(paths.previousStateFile);
    chain = await startChain({ dataDir, port, logger });
    pids.push(chain.pid);

    const again = await ensureDeployed({
      chain,
      dataDir,
      deploymentId,
      logger,
    });
    expect(again.deployed).toBe(true);
    expect(logger.lines.join("\n")).toContain(
      `the chain has no contract at ${before?.registry}`,
    );
    const { publicClient } = makeClients(chain.rpcUrl);
    const code = await publicClient.getCode({ address: again.registry });
    expect(code?.length ?? 0).toBeGreaterThan(2);
  });
});
