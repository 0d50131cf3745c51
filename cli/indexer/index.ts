import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import {
  describeProcess,
  isRecordedProcessAlive,
  readProcessRecord,
  removeProcessRecord,
  sleep,
  terminateProcess,
  writeProcessRecord,
} from "../chain/process-record.ts";
import { consoleChainLogger, type ChainLogger } from "../chain/logger.ts";
import { isPortFree } from "../lib/ports.ts";
import { computeBuildKey, readPonderVersion } from "./build-key.ts";
import { IndexerNotReadyError, IndexerPortInUseError } from "./errors.ts";
import { launchPonder } from "./ponder-process.ts";

export * from "./errors.ts";

const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SUBGRAPH_DIR = join(PROJECT_ROOT, "subgraph");

/** Options of `startIndexer`. */
export interface StartIndexerOptions {
  /** JSON-RPC URL of the chain to index. */
  rpcUrl: string;
  chainId: number;
  /** The `.jurybox` directory; the indexer keeps its files in `indexer/`. */
  dataDir: string;
  /** TCP port of the GraphQL server on 127.0.0.1. */
  port: number;
  /** Postgres connection string; default DATABASE_URL, else PGlite. */
  databaseUrl?: string;
  /** Registry address and start block per chain id; default core/generated/deployments.json. */
  deploymentsFile?: string;
  /** Milliseconds to wait for the HTTP server; default 120000. */
  startTimeoutMs?: number;
  logger?: ChainLogger;
}

/** A running indexer. */
export interface RunningIndexer {
  /** GraphQL endpoint, e.g. http://127.0.0.1:42069/graphql. */
  url: string;
  /** Process id of `ponder start`. */
  pid: number;
  /** Database schema that contains this build's tables. */
  schema: string;
  /** File with Ponder's output. */
  logFile: string;
  /** Resolves with the exit code or signal when the process exits. */
  exited: Promise<string>;
  /** Resolves once past blocks are indexed (Ponder's /ready returns 200). */
  waitUntilReady(timeoutMs?: number): Promise<void>;
  /** Stops Ponder with SIGTERM, then SIGKILL after 10 s. */
  stop(): Promise<void>;
}

/**
 * Starts `ponder start` for subgraph/ as a child process serving GraphQL
 * on 127.0.0.1, and resolves once its HTTP server listens. Indexes into
 * PGlite under `<dataDir>/indexer/pglite`, or into Postgres when a
 * database URL is given. Stops an indexer that an earlier, killed run
 * left behind on the same data directory first.
 */
export async function startIndexer(
  options: StartIndexerOptions,
): Promise<RunningIndexer> {
  const logger = options.logger ?? consoleChainLogger;
  const indexerDir = join(options.dataDir, "indexer");
  const pidFile = join(indexerDir, "ponder.pid");
  const logFile = join(indexerDir, "ponder.log");
  await mkdir(indexerDir, { recursive: true });
  await stopLeftover(pidFile, logger);
  await assertPortFree(options.port);

  const deploymentsFile =
    options.deploymentsFile ??
    join(PROJECT_ROOT, "core", "generated", "deployments.json");
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  const buildKey = await computeBuildKey({
    projectRoot: PROJECT_ROOT,
    ponderVersion: await readPonderVersion(),
    deploymentsFile,
    chainId: options.chainId,
  });
  const schema = `jurybox_${buildKey}`;
  if (databaseUrl === undefined) {
    await dropOtherPgliteBuild(indexerDir, buildKey, logger);
  }

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PONDER_TELEMETRY_DISABLED: "true",
    JURYBOX_RPC_URL: options.rpcUrl,
    JURYBOX_CHAIN_ID: String(options.chainId),
    JURYBOX_DEPLOYMENTS_FILE: deploymentsFile,
    JURYBOX_INDEXER_DIR: indexerDir,
  };
  delete env.DATABASE_URL;
  delete env.DATABASE_PRIVATE_URL;
  delete env.DATABASE_SCHEMA;
  if (databaseUrl !== undefined) env.DATABASE_URL = databaseUrl;

  const ponder = await launchPonder({
    subgraphDir: SUBGRAPH_DIR,
    schema,
    port: options.port,
    env,
    logFile,
    logger,
    startTimeoutMs: options.startTimeoutMs ?? 120_000,
  });
  const record = await describeProcess(ponder.pid, {
    host: "127.0.0.1",
    port: ponder.port,
  });
  await writeProcessRecord(pidFile, record);
  void ponder.exited.then(() => removeRecordOf(pidFile, ponder.pid));

  const origin = `http://127.0.0.1:${ponder.port}`;
  const database = databaseUrl === undefined ? "PGlite" : "Postgres";
  logger.info(
    `Indexer ready: GraphQL ${origin}/graphql (pid ${ponder.pid}, ` +
      `${database}, schema ${schema}, log ${logFile})`,
  );
  return {
    url: `${origin}/graphql`,
    pid: ponder.pid,
    schema,
    logFile,
    exited: ponder.exited,
    waitUntilReady: (timeoutMs = 300_000) =>
      waitForReady(origin, timeoutMs, logFile, ponder.exited),
    async stop() {
      await terminateProcess(record, 10_000);
      await ponder.exited;
      await removeRecordOf(pidFile, ponder.pid);
    },
  };
}

/** Stops a `ponder start` that a killed `jurybox up` left running. */
async function stopLeftover(pidFile: string, logger: ChainLogger) {
  const record = await readProcessRecord(pidFile);
  if (record === undefined) return;
  if (!(await isRecordedProcessAlive(record))) {
    // The earlier run was killed together with its indexer.
    await removeProcessRecord(pidFile);
    return;
  }
  logger.warn(
    `Stopping the indexer (pid ${record.pid}) that an earlier run left ` +
      "behind, because only one indexer may use the database",
  );
  await terminateProcess(record, 10_000);
  await removeProcessRecord(pidFile);
}

async function removeRecordOf(pidFile: string, pid: number) {
  const record = await readProcessRecord(pidFile);
  if (record?.pid === pid) await removeProcessRecord(pidFile);
}

/**
 * Deletes the PGlite files when they hold another build's index, because
 * PGlite keeps every old schema and the index can always be rebuilt from
 * the chain. Records the current build key.
 */
async function dropOtherPgliteBuild(
  indexerDir: string,
  buildKey: string,
  logger: ChainLogger,
) {
  const keyFile = join(indexerDir, "build-key");
  const previous = await readFile(keyFile, "utf8").then(
    (text) => text.trim(),
    () => undefined,
  );
  if (previous === buildKey) return;
  if (previous !== undefined) {
    logger.info(
      `Rebuilding the index from the start block, because the indexer or ` +
        `the registry deployment changed (build ${previous} → ${buildKey})`,
    );
  }
  await rm(join(indexerDir, "pglite"), { recursive: true, force: true });
  await writeFile(keyFile, `${buildKey}\n`);
}

async function assertPortFree(port: number): Promise<void> {
  if (!(await isPortFree("127.0.0.1", port))) {
    throw new IndexerPortInUseError(port);
  }
}

async function waitForReady(
  origin: string,
  timeoutMs: number,
  logFile: string,
  exited: Promise<string>,
): Promise<void> {
  let exitStatus: string | undefined;
  void exited.then((status) => (exitStatus = status));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitStatus !== undefined) {
      throw new IndexerNotReadyError(
        `${origin} (exited with ${exitStatus})`,
        timeoutMs,
        logFile,
      );
    }
    const response = await fetch(`${origin}/ready`).catch(() => undefined);
    if (response?.status === 200) return;
    await sleep(200);
  }
  throw new IndexerNotReadyError(origin, timeoutMs, logFile);
}
