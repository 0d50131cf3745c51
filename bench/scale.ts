// Scale run of Jurybox. It starts a fresh embedded chain in a temporary
// folder (anvil under the chain supervisor, a block a second) and runs N
// rounds of 15 seats × 30 bidders × 20 criteria end to end, several at a
// time. It measures time, blocks, gas and the state file, and the
// indexer's lag and database size when the indexer is installed.
// docs/SCALE.md reports a run.
//
// It writes the figures to bench/results/scale-N-rounds-SHAPE.json, where
// bench/run.ts reads the last 100-round run.
//
// Usage: node bench/scale.ts [--rounds 100] [--concurrency 6]
//          [--seats 15 --bidders 30 --criteria 20] [--no-indexer] [--json]
// BENCH_SCALE_ROUNDS sets the default of --rounds.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

import { startChain, type SaveRecord } from "../cli/chain/index.ts";
import { ensureDeployed } from "../cli/deploy/ensure-deployed.ts";
import { loadAdminAccount } from "../cli/lib/admin-key.ts";
import { connectRpc } from "../cli/lib/chain-client.ts";
import { compileIfMissing } from "../cli/lib/compile.ts";
import { parseCaseFile } from "../core/index.ts";
import { makeCaseFile } from "./case-generator.ts";
import {
  folderBytes,
  probeLatency,
  readBlockFigures,
  stateFileSizes,
} from "./scale-measure.ts";
import { measureIndexer, startScaleIndexer } from "./scale-indexer.ts";
import { runRounds } from "./scale-round.ts";

const PROJECT_ROOT = fileURLToPath(new URL("..", import.meta.url));
const quietLogger = { info() {}, warn() {}, error() {} };

/** Figures of the supervisor's periodic state saves during the run. */
function saveRecorder(progress: (line: string) => void) {
  const saves: SaveRecord[] = [];
  const onSave = (save: SaveRecord) => {
    saves.push(save);
    if (saves.length % 5 !== 0) return;
    progress(
      `state save ${saves.length}: ${save.milliseconds} ms (dump ` +
        `${save.dumpMs} ms) at block ` +
        `${save.block}, ${(save.bytes / 1e6).toFixed(1)} MB, next in ` +
        `${save.waitMs} ms, loss window ${save.lossWindowMs} ms`,
    );
  };
  const figures = (): ScaleFigures => {
    const last = saves.at(-1);
    return {
      stateSaves: saves.length,
      slowestSaveMs: Math.max(0, ...saves.map((save) => save.milliseconds)),
      lastSaveMs: last?.milliseconds ?? 0,
      lastSaveDumpMs: last?.dumpMs ?? 0,
      lastSaveWaitMs: last?.waitMs ?? 0,
      lossWindowMsMax: Math.max(0, ...saves.map((save) => save.lossWindowMs)),
    };
  };
  return { onSave, figures };
}

export interface ScaleOptions {
  /** Rounds to run; default 100. */
  rounds?: number;
  seats?: number;
  bidders?: number;
  criteria?: number;
  /** Rounds in flight at once; default 6. */
  concurrency?: number;
  /** Run the indexer beside the chain; default true when it is installed. */
  indexer?: boolean;
  /** Receives a line per finished round. */
  onProgress?: (line: string) => void;
}

/** The figures of one scale run; sizes in bytes, times in milliseconds. */
export type ScaleFigures = Record<string, number | string>;

function freePort(): Promise<number> {
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

const megabytes = (bytes: number) => Math.round(bytes / 10_000) / 100;

/** Runs the scale run and returns its figures as a flat object. */
export async function runScale(
  options: ScaleOptions = {},
): Promise<ScaleFigures> {
  const rounds = options.rounds ?? 100;
  const seats = options.seats ?? 15;
  const bidders = options.bidders ?? 30;
  const criteria = options.criteria ?? 20;
  const concurrency = options.concurrency ?? 6;
  const progress = options.onProgress ?? (() => {});
  const withIndexer =
    options.indexer ??
    existsSync(join(PROJECT_ROOT, "cli", "indexer", "index.ts"));

  const hre = (await import("hardhat")).default;
  await compileIfMissing(hre, progress);
  const dir = await mkdtemp(join(tmpdir(), "jurybox-scale-"));
  const dataDir = join(dir, ".jurybox");
  const deploymentId = `scale-${randomBytes(4).toString("hex")}`;
  const saves = saveRecorder(progress);
  const chain = await startChain({
    dataDir,
    port: await freePort(),
    blockTime: 1,
    logger: quietLogger,
    onSave: saves.onSave,
  });
  const stops: (() => Promise<unknown>)[] = [
    () => rm(dir, { recursive: true, force: true }),
    () =>
      rm(join(PROJECT_ROOT, "ignition", "deployments", deploymentId), {
        recursive: true,
        force: true,
      }),
    () => chain.stop(),
  ];
  try {
    const { registry, deployBlock } = await ensureDeployed({
      chain,
      dataDir,
      deploymentId,
      logger: quietLogger,
    });
    const connection = await connectRpc(chain.rpcUrl);
    const session = { connection, registry };
    const admin = await loadAdminAccount(join(dataDir, "keys", "admin.json"));

    let indexer: Awaited<ReturnType<typeof startScaleIndexer>> | undefined;
    if (withIndexer) {
      indexer = await startScaleIndexer(
        chain,
        { registry, deployBlock },
        dir,
        await freePort(),
        quietLogger,
      );
      stops.push(() => indexer!.stop());
    }
    await chain.saveState();
    const before = await stateFileSizes(chain.stateFile);

    const caseFiles = Array.from({ length: rounds }, (_, index) =>
      parseCaseFile(makeCaseFile(seats, bidders, criteria, index + 1)),
    );
    const firstBlock =
      (await connection.client.getBlockNumber({ cacheTime: 0 })) + 1n;
    const latency = probeLatency(chain.rpcUrl);
    const started = performance.now();
    const finishedAt = await runRounds(
      session,
      admin,
      caseFiles,
      concurrency,
      progress,
    );
    const elapsedMs = Math.round(performance.now() - started);
    const latencyFigures = await latency.stop();
    const lastBlock = await connection.client.getBlockNumber({ cacheTime: 0 });

    const indexerFigures = indexer
      ? await measureIndexer(indexer, lastBlock, dir)
      : {};
    const saveStarted = performance.now();
    await chain.saveState();
    const stateSaveMs = Math.round(performance.now() - saveStarted);
    const after = await stateFileSizes(chain.stateFile);
    progress(`reading blocks ${firstBlock}–${lastBlock}`);
    const blocks = await readBlockFigures(
      chain.rpcUrl,
      registry,
      firstBlock,
      lastBlock,
    );
    return summarise({
      rounds,
      seats,
      bidders,
      criteria,
      concurrency,
      elapsedMs,
      finishedAt,
      blocks,
      before,
      after,
      stateSaveMs,
      indexerFigures,
      saveFigures: { ...saves.figures(), ...latencyFigures },
    });
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  }
}

function summarise(run: {
  rounds: number;
  seats: number;
  bidders: number;
  criteria: number;
  concurrency: number;
  elapsedMs: number;
  /** Milliseconds from the start until each round finalised, in order. */
  finishedAt: number[];
  blocks: Awaited<ReturnType<typeof readBlockFigures>>;
  before: { gzipBytes: number; jsonBytes: number };
  after: { gzipBytes: number; jsonBytes: number };
  stateSaveMs: number;
  saveFigures: ScaleFigures;
  indexerFigures: ScaleFigures;
}): ScaleFigures {
  const { rounds, blocks, before, after } = run;
  const roundGas = [...blocks.gasByRound.values()];
  const perHundred = (bytes: number) => megabytes((bytes / rounds) * 100);
  const msPerRound = Math.round(run.elapsedMs / rounds);
  // Rounds finish faster at the start than at the end, as the state grows.
  const tenth = Math.max(1, Math.floor(rounds / 10));
  const at = (index: number) => (index < 0 ? 0 : run.finishedAt[index]);
  const firstTenthMsPerRound = Math.round(at(tenth - 1) / tenth);
  const lastTenthMsPerRound = Math.round(
    (at(rounds - 1) - at(rounds - 1 - tenth)) / tenth,
  );
  const time: ScaleFigures =
    rounds === 100
      ? { scale100RoundsMs: run.elapsedMs }
      : {
          scaleRoundsMs: run.elapsedMs,
          scale100RoundsMsEstimate: msPerRound * 100,
        };
  const gas = blocks.meanGasByFunction;
  return {
    rounds,
    roundShape: `${run.seats}x${run.bidders}x${run.criteria}`,
    concurrency: run.concurrency,
    ...time,
    msPerRound,
    firstTenthMsPerRound,
    lastTenthMsPerRound,
    transactions: blocks.transactions,
    revertedTransactions: blocks.revertedTransactions,
    blocksUsed: blocks.blocksUsed,
    txPerBlockMax: blocks.txPerBlockMax,
    blockGasMax: blocks.blockGasMax,
    gasPerRound: Math.round(
      roundGas.reduce((sum, gas) => sum + gas, 0) / roundGas.length,
    ),
    gasPerRoundMax: Math.max(...roundGas),
    heaviestTxGas: blocks.heaviestTxGas,
    heaviestTxFunction: blocks.heaviestTxFunction,
    createGas: gas.createRound ?? 0,
    claimGasMean: gas.claimSeat ?? 0,
    commitGasMean: gas.commitSheet ?? 0,
    revealGasMean: gas.revealSheet ?? 0,
    chainStateMbPer100Rounds: perHundred(after.gzipBytes - before.gzipBytes),
    chainStateJsonMbPer100Rounds: perHundred(
      after.jsonBytes - before.jsonBytes,
    ),
    chainStateGzipMb: megabytes(after.gzipBytes),
    chainStateJsonMb: megabytes(after.jsonBytes),
    stateSaveMs: run.stateSaveMs,
    ...run.saveFigures,
    calldataKbPerRound: Math.round(blocks.calldataBytes / rounds / 1024),
    eventKbPerRound: Math.round(blocks.logBytes / rounds / 1024),
    ...run.indexerFigures,
    machineCores: cpus().length,
    measuredAt: new Date().toISOString(),
  };
}

const RESULTS_DIR = join(PROJECT_ROOT, "bench", "results");

/** Returns the result file of a run of `rounds` rounds of one shape. */
export function scaleResultFile(rounds: number, shape = "15x30x20"): string {
  return join(RESULTS_DIR, `scale-${rounds}-rounds-${shape}.json`);
}

/** Writes a run's figures where `scaleResultFile` finds them. */
async function writeScaleResult(figures: ScaleFigures): Promise<string> {
  const file = scaleResultFile(
    Number(figures.rounds),
    String(figures.roundShape),
  );
  await mkdir(RESULTS_DIR, { recursive: true });
  await writeFile(file, `${JSON.stringify(figures, null, 2)}\n`);
  return file;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rounds: {
        type: "string",
        default: process.env.BENCH_SCALE_ROUNDS ?? "100",
      },
      concurrency: { type: "string", default: "6" },
      seats: { type: "string", default: "15" },
      bidders: { type: "string", default: "30" },
      criteria: { type: "string", default: "20" },
      "no-indexer": { type: "boolean", default: false },
      json: { type: "boolean", default: false },
    },
  });
  const whole = (name: keyof typeof values) => {
    const text = String(values[name]);
    if (!/^[1-9]\d*$/.test(text)) {
      throw new Error(`--${name} is "${text}"; give a whole number from 1.`);
    }
    return Number(text);
  };
  const figures = await runScale({
    rounds: whole("rounds"),
    concurrency: whole("concurrency"),
    seats: whole("seats"),
    bidders: whole("bidders"),
    criteria: whole("criteria"),
    indexer: values["no-indexer"] ? false : undefined,
    onProgress: (line) => process.stderr.write(`${line}\n`),
  });
  const file = await writeScaleResult(figures);
  process.stderr.write(`Written to ${file}\n`);
  if (values.json) {
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  } else {
    const width = Math.max(...Object.keys(figures).map((key) => key.length));
    for (const [key, value] of Object.entries(figures)) {
      process.stdout.write(`${key.padEnd(width)}  ${value}\n`);
    }
  }
  // Clients of the stopped chain may keep sockets open for a while.
  process.exit(0);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await main();
}
