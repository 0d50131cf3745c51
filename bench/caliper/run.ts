// Hyperledger Caliper benchmark of the registry's hot paths: sheet commits,
// reveals, and the reveals that run the tally, on rounds of 15 seats × 30
// bidders × 20 criteria. It starts a fresh embedded chain in a temporary
// folder (anvil 1.7.1 under the chain supervisor, a block a second) and
// deploys the registry with the project's Ignition module. The CLI's
// client code prepares the rounds, and Caliper 0.6's Ethereum connector
// sends every measured transaction. bench/caliper/README.md reports a run.
//
// Usage: node bench/caliper/run.ts [--rounds 20] [--workers 2]
//          [--commit-tps 50] [--reveal-tps 10] [--tally-tps 2] [--keep]
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { startChain } from "../../cli/chain/index.ts";
import { ensureDeployed } from "../../cli/deploy/ensure-deployed.ts";
import { loadAdminAccount } from "../../cli/lib/admin-key.ts";
import { connectRpc } from "../../cli/lib/chain-client.ts";
import { compileIfMissing } from "../../cli/lib/compile.ts";
import { parseCaseFile } from "../../core/index.ts";
import { makeCaseFile } from "../case-generator.ts";
import { SendQueue } from "../scale-round.ts";
import { freePort } from "./free-port.ts";
import { writeCaliperFiles, type RoundRates } from "./config.ts";
import {
  ensureCaliperInstalled,
  launchCaliper,
  stopRunningCommands,
} from "./launch.ts";
import { orderPayloads } from "./payloads.ts";
import { formatRounds, parseCaliperReport } from "./report.ts";
import { calibrateGas, countFinalized, prepareRound } from "./rounds.ts";
import { signerGasFloor } from "./signer-gas.ts";

const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const RESULTS_FILE = join(PROJECT_ROOT, "bench", "results", "caliper.json");
const SHAPE = { seats: 15, bidders: 30, criteria: 20 };
const BLOCK_TIME_S = 1;
const CALIPER_TIMEOUT_MS = 15 * 60_000;
const quietLogger = { info() {}, warn() {}, error() {} };
const log = (line: string) => process.stderr.write(`${line}\n`);

export interface CaliperRunOptions {
  /** Jury rounds whose sheets Caliper commits and reveals. */
  rounds: number;
  workers: number;
  rates: RoundRates;
  /** Keep the temporary folder with Caliper's files and report. */
  keep: boolean;
}

/** Runs the benchmark and returns its figures, which main writes to caliper.json. */
export async function runCaliperBenchmark(options: CaliperRunOptions) {
  await ensureCaliperInstalled(log);
  const hre = (await import("hardhat")).default;
  await compileIfMissing(hre, log);

  const dir = await mkdtemp(join(tmpdir(), "jurybox-caliper-"));
  const dataDir = join(dir, ".jurybox");
  const deploymentId = `caliper-${randomBytes(4).toString("hex")}`;
  const port = await freePort();
  const chain = await startChain({
    dataDir,
    port,
    blockTime: BLOCK_TIME_S,
    logger: quietLogger,
  });
  const cleanups: (() => Promise<unknown>)[] = [
    async () => stopRunningCommands(),
    () => chain.stop(),
    () =>
      rm(join(PROJECT_ROOT, "ignition", "deployments", deploymentId), {
        recursive: true,
        force: true,
      }),
  ];
  if (!options.keep) {
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
  }
  const cleanUp = async () => {
    for (const cleanup of cleanups.splice(0)) {
      await cleanup().catch(() => undefined);
    }
  };
  // A stopped run must not leave anvil or Caliper's workers behind.
  const onSignal = (signal: NodeJS.Signals) => {
    log(`Stopping on ${signal}`);
    void cleanUp().then(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    log(`Deploying the registry to ${chain.rpcUrl}`);
    const { registry } = await ensureDeployed({
      chain,
      dataDir,
      deploymentId,
      logger: quietLogger,
    });
    const session = { connection: await connectRpc(chain.rpcUrl), registry };
    const admin = await loadAdminAccount(join(dataDir, "keys", "admin.json"));
    const adminQueue = new SendQueue();
    const prepare = (index: number) =>
      prepareRound(
        session,
        admin,
        adminQueue,
        parseCaseFile(
          makeCaseFile(SHAPE.seats, SHAPE.bidders, SHAPE.criteria, index + 1),
        ),
      );

    log("Measuring gas on one round sent by the project's own client");
    const gas = await calibrateGas(session, await prepare(0));
    log(`Gas estimates with margin: ${JSON.stringify(gas)}`);

    log(`Creating ${options.rounds} rounds and claiming every seat`);
    const sealed = [];
    for (let index = 1; index <= options.rounds; index += 4) {
      const batch = Array.from(
        { length: Math.min(4, options.rounds + 1 - index) },
        (_, offset) => prepare(index + offset),
      );
      sealed.push(...(await Promise.all(batch)));
    }
    const payloads = orderPayloads(sealed);
    const gasLimits = {
      commitSheet: Math.max(
        gas.commitSheet,
        signerGasFloor("commitSheet", payloads.commits),
      ),
      revealSheet: Math.max(
        gas.revealSheet,
        signerGasFloor("revealSheet", payloads.reveals),
      ),
      finalReveal: Math.max(
        gas.finalReveal,
        signerGasFloor("revealSheet", payloads.finalReveals),
      ),
    };
    log(`Gas limits for Caliper's signer: ${JSON.stringify(gasLimits)}`);

    const files = await writeCaliperFiles({
      dir,
      wsUrl: chain.rpcUrl.replace(/^http/, "ws"),
      anvilPort: port,
      chainId: chain.chainId,
      registry,
      gas: gasLimits,
      payloads,
      workers: options.workers,
      rates: options.rates,
    });
    const loadBefore = loadavg();
    await launchCaliper(files, dir, CALIPER_TIMEOUT_MS);
    const loadAfter = loadavg();
    const rounds = parseCaliperReport(
      await readFile(files.report, "utf8"),
      files.report,
    );
    const roundIds = sealed.map((calls) => calls[0].roundId);
    const finalized = await countFinalized(session, roundIds);
    if (options.keep) log(`Caliper's files are kept in ${dir}`);
    return {
      tool: "Hyperledger Caliper 0.6.0, @hyperledger/caliper-ethereum 0.6.0",
      node: process.version,
      chain: `anvil 1.7.1, embedded, a block every ${BLOCK_TIME_S} s, block gas limit 30000000, gas price 0`,
      transport: "WebSocket, 127.0.0.1",
      roundShape: `${SHAPE.seats}x${SHAPE.bidders}x${SHAPE.criteria}`,
      juryRounds: options.rounds,
      juryRoundsFinalized: finalized,
      workers: options.workers,
      targetTps: options.rates,
      gasEstimatesWithMargin: gas,
      gasLimits,
      rounds,
      loadAverage1mBefore: Number(loadBefore[0].toFixed(2)),
      loadAverage1mAfter: Number(loadAfter[0].toFixed(2)),
      machineCores: cpus().length,
      measuredAt: new Date().toISOString(),
    };
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await cleanUp();
  }
}

function wholeNumber(name: string, text: string | undefined): number {
  if (text === undefined || !/^[1-9]\d*$/.test(text)) {
    throw new Error(`--${name} is "${text}"; give a whole number from 1.`);
  }
  return Number(text);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rounds: { type: "string", default: "20" },
      workers: { type: "string", default: "2" },
      "commit-tps": { type: "string", default: "50" },
      "reveal-tps": { type: "string", default: "10" },
      "tally-tps": { type: "string", default: "2" },
      keep: { type: "boolean", default: false },
    },
  });
  const rounds = wholeNumber("rounds", values.rounds);
  const workers = wholeNumber("workers", values.workers);
  // Caliper gives each worker floor(txNumber / workers) transactions.
  if (rounds % workers !== 0) {
    throw new Error(
      `--rounds ${rounds} is not a multiple of --workers ${workers}; ` +
        `choose a multiple so that every prepared call is sent.`,
    );
  }

  const figures = await runCaliperBenchmark({
    rounds,
    workers,
    rates: {
      commit: wholeNumber("commit-tps", values["commit-tps"]),
      reveal: wholeNumber("reveal-tps", values["reveal-tps"]),
      finalReveal: wholeNumber("tally-tps", values["tally-tps"]),
    },
    keep: values.keep,
  });

  process.stdout.write(`${formatRounds(figures.rounds)}\n`);
  for (const round of figures.rounds) {
    for (const row of round.resources) {
      const cells = Object.entries(row).map(
        ([name, value]) => `${name} ${value}`,
      );
      process.stdout.write(`${round.name}: ${cells.join(", ")}\n`);
    }
  }
  process.stdout.write(
    `jury rounds finalized: ${figures.juryRoundsFinalized} of ` +
      `${figures.juryRounds}\n`,
  );

  await mkdir(join(PROJECT_ROOT, "bench", "results"), { recursive: true });
  await writeFile(RESULTS_FILE, `${JSON.stringify(figures, null, 2)}\n`);
  log(`Wrote ${RESULTS_FILE}`);

  const failed = figures.rounds.some((round) => round.failed > 0);
  const unfinished = figures.juryRoundsFinalized !== figures.juryRounds;
  // Clients of the stopped chain may keep sockets open for a while.
  process.exit(failed || unfinished ? 1 : 0);
}

await main();
