import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { createPublicClient, http, type Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startChain, type RunningChain } from "../../cli/chain/index.ts";
import { ensureDeployed } from "../../cli/deploy/ensure-deployed.ts";
import { loadAdminAccount } from "../../cli/lib/admin-key.ts";
import { connectRpc } from "../../cli/lib/chain-client.ts";
import { compileIfMissing } from "../../cli/lib/compile.ts";
import { createRound } from "../../cli/lib/create-round.ts";
import { parseCaseFile } from "../../core/index.ts";
import { evaluationRegistryAbi } from "../../core/generated/registry-abi.ts";
import { PROJECT_ROOT, runCli } from "../cli/run-cli.ts";
import { freePort } from "../cli/test-chain.ts";

// `jurybox verify --record FILE --rpc URL` on records exported before the
// embedded chain was stopped and started again. anvil reloads its saved
// state at the head only, so calls at the records' blocks fail, as they
// do on a node that prunes old state.

const quiet = { info() {}, warn() {}, error() {} };
const psatFile = join(PROJECT_ROOT, "test/vectors/case-psat-2023-q18.json");

let dir: string;
let dataDir: string;
let port: number;
let chain: RunningChain;
let registry: Address;
let deploymentFolder: string;
let finalFile: string;
let scoringFile: string;
let finalBlock: number;

const args = () => [
  "--rpc",
  chain.rpcUrl,
  "--registry",
  registry,
  "--admin-key-file",
  join(dataDir, "keys", "admin.json"),
];
const cli = (...words: string[]) => runCli([...words, ...args()], { cwd: dir });

async function exportTo(id: string, name: string): Promise<string> {
  const file = join(dir, name);
  const run = await cli("export", id, "--format", "json", "--out", file);
  expect(run.code, run.stderr).toBe(0);
  return file;
}

beforeAll(async () => {
  const hre = (await import("hardhat")).default;
  await compileIfMissing(hre, () => {});
  dir = await mkdtemp(join(tmpdir(), "jurybox-restart-"));
  dataDir = join(dir, ".jurybox");
  port = await freePort();
  const start = () =>
    startChain({ dataDir, port, blockTime: 0, logger: quiet });
  chain = await start();
  const deploymentId = `restart-test-${randomBytes(4).toString("hex")}`;
  deploymentFolder = join(
    PROJECT_ROOT,
    "ignition",
    "deployments",
    deploymentId,
  );
  ({ registry } = await ensureDeployed({
    chain,
    dataDir,
    deploymentId,
    logger: quiet,
  }));

  // A round left in scoring, and a round run to its result.
  const session = { connection: await connectRpc(chain.rpcUrl), registry };
  const admin = await loadAdminAccount(join(dataDir, "keys", "admin.json"));
  const psat = parseCaseFile(JSON.parse(readFileSync(psatFile, "utf8")));
  const open = await createRound(session, admin, psat, {
    appUrl: "http://127.0.0.1",
    saveKeys: false,
  });
  const simulated = await cli("simulate", psatFile, "--json");
  expect(simulated.code, simulated.stderr).toBe(0);
  const finalId = JSON.parse(simulated.stdout).roundId;
  finalFile = await exportTo(finalId, "final.record.json");
  scoringFile = await exportTo(String(open.roundId), "scoring.record.json");
  finalBlock = JSON.parse(readFileSync(finalFile, "utf8")).asOf.block;
  // One more round, so that the records' blocks are below the head.
  const more = await cli("simulate", psatFile, "--json");
  expect(more.code, more.stderr).toBe(0);

  await chain.stop();
  chain = await start();
});

afterAll(async () => {
  await chain?.stop();
  if (deploymentFolder)
    await rm(deploymentFolder, { recursive: true, force: true });
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("verify --record --rpc after a chain restart", () => {
  it("cannot call getRound at the record's block any more", async () => {
    // Without this the test would not show the fallback at work.
    const client = createPublicClient({ transport: http(chain.rpcUrl) });
    const head = await client.getBlockNumber();
    expect(head).toBeGreaterThan(BigInt(finalBlock));
    let failure: unknown;
    try {
      await client.readContract({
        address: registry,
        abi: evaluationRegistryAbi,
        functionName: "getRound",
        args: [1n],
        blockNumber: BigInt(finalBlock),
      });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(Error);
    expect(String((failure as Error).message)).toContain(
      "Invalid parameters were provided to the RPC method",
    );
  });

  it("compares a finalized round's record, reading its view at the head", async () => {
    const run = await runCli(
      ["verify", "--record", finalFile, "--rpc", chain.rpcUrl, "--json"],
      { cwd: dir },
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.ok).toBe(true);
    expect(report.comparedWithChain).toBe(true);
    for (const check of report.chainChecks) {
      expect(check.ok, check.detail).toBe(true);
    }
    const status = report.chainChecks.find(
      (check: { id: string }) => check.id === "chain-status",
    );
    expect(status.detail).toMatch(
      new RegExp(
        `^getRound of round \\d+ at block \\d+, the head: the node keeps ` +
          `no state at block ${finalBlock}, and the round was finalized by then`,
      ),
    );
  });

  it("refuses a round still open at the record's block", async () => {
    const run = await runCli(
      ["verify", "--record", scoringFile, "--rpc", chain.rpcUrl, "--json"],
      { cwd: dir },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error: The node keeps no state at block \d+/);
    expect(run.stderr).toContain("not finalized or cancelled");
    expect(run.stderr).toContain("archive node");
    expect(JSON.parse(run.stdout).error.code).toBe("state-unavailable");
  });
});
