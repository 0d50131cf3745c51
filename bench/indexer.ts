// Measures how fast a fresh indexer backfills registry events. It fills an
// embedded anvil chain with at least 100,000 events from the real registry,
// starts `ponder start` on an empty database, and times Ponder's backfill
// from the registry's deployment block to the head.
//
// Run alone with `npx node bench/indexer.ts` (set DATABASE_URL for
// Postgres); bench/run.ts may call `measureIndexerBackfill`. Generating the
// events takes one to four minutes on two cores.
//
// The load (bench/indexer-load.ts): 20 rounds whose 25 claims each share
// one or two one-second blocks, then 100,000 re-commits mined in blocks of
// about 730 and 270 (1,000 per pair), about 290 blocks in all.
//
// NOTE: the 5,000 events/s target is not reached. With nothing else on 2
// cores (Ponder 0.16.10, anvil), PGlite gave 2,327 to 2,654 events/s: the
// fetch phase took 28 to 33 s of 38 to 43 s, and the Ponder process used
// 45 CPU seconds. Postgres 15 gave 3,523 (fetch 27 s of 28.5 s, 27 CPU
// seconds). A machine busy with other jobs gave 375 to 1,195. The fetch
// phase is Ponder's own work: it writes every block, transaction and log
// to its sync tables. A CPU profile on PGlite put 39 % of the process's
// time in PGlite (WebAssembly Postgres and its file writes) and 22 % in
// drizzle building insert statements of up to 16,000 parameters. Ponder
// is CPU-bound, so only a backfill that skips its sync tables would reach
// the target here. Later Postgres runs and what else was tried (a faster
// drizzle check, Node 24, Ponder 0.17) are in docs/BENCHMARKS.md. No JSON-RPC request timed out in these runs; with
// Ponder's 10 s limit, 60 did on the busy machine.
import { execFileSync } from "node:child_process";
import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { toEventSelector } from "viem";

import { startChain } from "../cli/chain/index.ts";
import { ensureDeployed } from "../cli/deploy/ensure-deployed.ts";
import { startIndexer } from "../cli/indexer/index.ts";
import { loadAdminAccount } from "../cli/lib/admin-key.ts";
import { connectRpc } from "../cli/lib/chain-client.ts";
import { compileIfMissing } from "../cli/lib/compile.ts";
import { evaluationRegistryAbi } from "../core/generated/registry-abi.ts";
import { generateLoad, type LoadPlan } from "./indexer-load.ts";

const PROJECT_ROOT = fileURLToPath(new URL("..", import.meta.url));

const HANDLED_EVENTS: readonly string[] = [
  "RoundCreated",
  "SeatClaimed",
  "SeatReissued",
  "SeatRecused",
  "SheetCommitted",
  "ScoringClosed",
  "SheetRevealed",
  "RoundFinalized",
  "RoundCancelled",
];

/** 20 rounds × 25 claimed seats × 200 commits: 100,520 events in all. */
export const DEFAULT_PLAN: LoadPlan = {
  rounds: 20,
  seats: 26,
  commitsPerSeat: 200,
};

/** The result of one benchmark run. */
export interface IndexerBenchmark {
  /** Registry events divided by the backfill's duration. */
  indexerEventsPerSec: number;
  /** Registry events on the chain, counted with eth_getLogs. */
  events: number;
  /** Backfill duration in seconds, between Ponder's start and end log lines. */
  seconds: number;
  /**
   * Seconds of Ponder's fetch phase within the backfill: JSON-RPC requests
   * and writing the blocks, transactions and logs to Ponder's sync tables.
   */
  fetchSeconds: number;
  /** Seconds from starting the indexer until Ponder reports it ready. */
  secondsToReady: number;
  /**
   * CPU seconds (user and system) that the Ponder process used from its
   * start until ready, from /proc; undefined where /proc is missing. Other
   * processes delay the backfill but add little to this figure. A Postgres
   * server's own CPU time is not included.
   */
  ponderCpuSeconds: number | undefined;
  /** Blocks from the deployment block to the head. */
  blocks: number;
  /**
   * The machine's 1-minute load average when the backfill ended. Other
   * processes on the same cores slow the backfill down, so compare runs
   * at similar loads only.
   */
  loadAverage: number;
}

const quietLogger = { info() {}, warn() {}, error() {} };

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

/** Returns the time of the first line of Ponder's JSON log with a message. */
function findLogTime(text: string, message: string): number | undefined {
  for (const line of text.split("\n")) {
    if (!line.startsWith("{") || !line.includes(message)) continue;
    const entry = JSON.parse(line) as { msg?: string; time?: number };
    if (entry.msg === message) return entry.time;
  }
  return undefined;
}

/**
 * Returns the user and system CPU seconds of a running process from
 * /proc/<pid>/stat, or undefined where that file cannot be read.
 */
async function readCpuSeconds(pid: number): Promise<number | undefined> {
  let text: string;
  try {
    text = await readFile(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined;
  }
  // The command name is in brackets and may contain spaces, so split after
  // it. utime and stime are the 14th and 15th fields of the line (proc(5)).
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  const ticksPerSecond = Number(
    execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim(),
  );
  return Number((ticks / ticksPerSecond).toFixed(2));
}

/** Durations read from Ponder's log, in seconds. */
interface BackfillTimes {
  /** From "Started backfill indexing" to "Completed backfill indexing…". */
  backfill: number;
  /** Ponder's fetch phase within it (JSON-RPC and its sync tables). */
  fetch: number;
}

/**
 * Reads the backfill's durations from Ponder's log. Waits up to 10 s for
 * the end line, because the log file is written asynchronously.
 */
async function readBackfillTimes(logFile: string): Promise<BackfillTimes> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const text = await readFile(logFile, "utf8");
    const at = (message: string) => findLogTime(text, message);
    const started = at("Started backfill indexing");
    const completed = at("Completed backfill indexing across all chains");
    const fetchStarted = at("Started fetching backfill JSON-RPC data");
    const fetched = at("Finished fetching backfill JSON-RPC data");
    if (started !== undefined && completed !== undefined) {
      const fetch =
        fetchStarted !== undefined && fetched !== undefined
          ? (fetched - fetchStarted) / 1000
          : 0;
      return { backfill: (completed - started) / 1000, fetch };
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${logFile} is missing Ponder's backfill start or end line.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Topics of the events that the indexer handles, as subgraph/src does. */
const HANDLED_TOPICS = new Set(
  evaluationRegistryAbi
    .filter(
      (item): item is Extract<typeof item, { type: "event" }> =>
        item.type === "event" && HANDLED_EVENTS.includes(item.name),
    )
    .map((item) => toEventSelector(item)),
);

/**
 * Counts the handled registry events from the deployment block to the
 * head, five blocks per request, because a full block has about 730 logs
 * and viem rejects responses above 10 MB. The constructor's RoleGranted
 * logs are not counted: no handler reads them, so Ponder skips them.
 */
async function countEvents(
  connection: Awaited<ReturnType<typeof connectRpc>>,
  registry: `0x${string}`,
  fromBlock: bigint,
  toBlock: bigint,
): Promise<number> {
  let count = 0;
  for (let start = fromBlock; start <= toBlock; start += 5n) {
    const end = start + 4n < toBlock ? start + 4n : toBlock;
    const logs = await connection.client.getLogs({
      address: registry,
      fromBlock: start,
      toBlock: end,
    });
    count += logs.filter((log) => HANDLED_TOPICS.has(log.topics[0]!)).length;
  }
  return count;
}

/**
 * Generates the load on a chain in a temporary folder, then times a fresh
 * indexer's backfill on PGlite (or on Postgres when `databaseUrl` is set).
 * Checks that the indexer stored one commitment row per SheetCommitted.
 */
export async function measureIndexerBackfill(
  options: {
    plan?: LoadPlan;
    databaseUrl?: string;
    /** A path to copy Ponder's log to before the folder is removed. */
    keepLog?: string;
    log?: (line: string) => void;
  } = {},
): Promise<IndexerBenchmark> {
  const plan = options.plan ?? DEFAULT_PLAN;
  const log = options.log ?? ((line: string) => console.log(line));
  const hre = (await import("hardhat")).default;
  await compileIfMissing(hre, log);

  const dir = await mkdtemp(join(tmpdir(), "jurybox-bench-indexer-"));
  const deploymentId = `bench-indexer-${Date.now()}`;
  const deploymentFolder = join(
    PROJECT_ROOT,
    "ignition",
    "deployments",
    deploymentId,
  );
  // Saving the whole history every second would compete with the load.
  const chain = await startChain({
    dataDir: join(dir, "chain"),
    port: await freePort(),
    blockTime: 0,
    saveIntervalMs: 3_600_000,
    logger: quietLogger,
  });
  try {
    const deployment = await ensureDeployed({
      chain,
      dataDir: join(dir, "chain"),
      deploymentId,
      logger: quietLogger,
    });
    const deploymentsFile = join(dir, "deployments.json");
    const entry = {
      registry: deployment.registry,
      deployBlock: deployment.deployBlock.toString(),
    };
    await writeFile(
      deploymentsFile,
      JSON.stringify({ [chain.chainId]: entry }),
    );
    const admin = await loadAdminAccount(
      join(dir, "chain", "keys", "admin.json"),
    );
    const connection = await connectRpc(chain.rpcUrl);
    const session = { connection, registry: deployment.registry };

    log(
      `Generating ${plan.rounds} rounds × ${plan.seats - 1} claimed seats × ` +
        `${plan.commitsPerSeat} commits on ${chain.rpcUrl}…`,
    );
    const commits = await generateLoad(session, admin, plan, log);
    const head = await connection.client.getBlockNumber({ cacheTime: 0 });
    const events = await countEvents(
      connection,
      deployment.registry,
      deployment.deployBlock,
      head,
    );
    log(`The chain holds ${events} registry events up to block ${head}`);

    log("Starting a fresh indexer…");
    const started = performance.now();
    const indexer = await startIndexer({
      rpcUrl: chain.rpcUrl,
      chainId: chain.chainId,
      dataDir: join(dir, "indexer-data"),
      port: await freePort(),
      databaseUrl: options.databaseUrl,
      deploymentsFile,
      logger: quietLogger,
    });
    try {
      await indexer.waitUntilReady(1_800_000);
      const secondsToReady = (performance.now() - started) / 1000;
      const ponderCpuSeconds = await readCpuSeconds(indexer.pid);
      const times = await readBackfillTimes(indexer.logFile);
      await checkCommitments(indexer.url, commits, deployment.registry);
      return {
        indexerEventsPerSec: Math.round(events / times.backfill),
        events,
        seconds: Number(times.backfill.toFixed(2)),
        fetchSeconds: Number(times.fetch.toFixed(2)),
        secondsToReady: Number(secondsToReady.toFixed(2)),
        ponderCpuSeconds,
        blocks: Number(head - deployment.deployBlock),
        loadAverage: Number(loadavg()[0].toFixed(2)),
      };
    } finally {
      await indexer.stop();
      if (options.keepLog !== undefined) {
        await copyFile(indexer.logFile, options.keepLog);
      }
    }
  } finally {
    await chain.stop();
    await rm(deploymentFolder, { recursive: true, force: true });
    await rm(dir, { recursive: true, force: true });
  }
}

/** Throws unless the indexer has one commitment row per commit sent. */
async function checkCommitments(
  url: string,
  commits: number,
  registry: string,
): Promise<void> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ commitments { totalCount } }" }),
  });
  const body = (await response.json()) as {
    data?: { commitments: { totalCount: number } };
  };
  const indexed = body.data?.commitments.totalCount;
  if (indexed !== commits) {
    throw new Error(
      `The indexer returned ${indexed} commitments of registry ${registry}, ` +
        `but ${commits} commits were sent; see the indexer log.`,
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await measureIndexerBackfill();
  console.log(JSON.stringify(result, null, 2));
  process.exit(0);
}
