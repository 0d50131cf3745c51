import { sleep } from "../chain/process-record.ts";
import { consoleChainLogger } from "../chain/logger.ts";
import {
  startIndexer,
  type RunningIndexer,
  type StartIndexerOptions,
} from "./index.ts";

/** First wait before starting the indexer again after it died. */
const FIRST_RESTART_DELAY_MS = 1_000;
/** Maximum wait between two attempts. */
const MAX_RESTART_DELAY_MS = 30_000;
/** A run this long counts as healthy and resets the wait to the first one. */
const HEALTHY_RUN_MS = 60_000;

/** Options of `superviseIndexer`. */
export interface SuperviseIndexerOptions extends StartIndexerOptions {
  /**
   * Called with the GraphQL URL after each start, and with undefined when
   * the indexer died and its restart begins. `stop` makes no call.
   */
  onUrl?: (url: string | undefined) => void;
  /** Wait before the first restart; doubles per failed attempt. */
  firstRestartDelayMs?: number;
  /** Starts the indexer; default `startIndexer`. */
  start?: (options: StartIndexerOptions) => Promise<RunningIndexer>;
}

/** An indexer that is started again whenever it exits on its own. */
export interface SupervisedIndexer {
  /** The indexer that runs now; undefined while restarting and after stop. */
  readonly current: RunningIndexer | undefined;
  /** Number of restarts after an unexpected exit. */
  readonly restarts: number;
  /** Resolves once the next start after `sinceRestarts` restarts has listened. */
  waitForRestart(sinceRestarts: number): Promise<RunningIndexer>;
  /** Stops the indexer and the restarts. */
  stop(): Promise<void>;
}

/**
 * Keeps the indexer running beside the chain. When `ponder start` exits
 * without a stop request (a crash, kill -9, out of memory), the exit is
 * logged and the indexer is started again. The wait before an attempt is
 * 1 s and doubles while attempts fail, up to 30 s. Ponder resumes from its
 * database. While it is down the app server's /graphql responds with 503 and
 * code INDEXER_RESTARTING, and the public pages read the chain and show why.
 *
 * The first start fails like `startIndexer`, so the caller decides whether
 * an indexer that never started stops everything.
 */
export async function superviseIndexer(
  options: SuperviseIndexerOptions,
): Promise<SupervisedIndexer> {
  const logger = options.logger ?? consoleChainLogger;
  const start = options.start ?? startIndexer;
  const firstDelay = options.firstRestartDelayMs ?? FIRST_RESTART_DELAY_MS;
  let current: RunningIndexer | undefined = await start(options);
  let stopped = false;
  let restarts = 0;
  let wakeStop: (() => void) | undefined;
  const stopSignal = new Promise<void>((resolve) => (wakeStop = resolve));
  const waiters: Array<{
    since: number;
    resolve: (indexer: RunningIndexer) => void;
  }> = [];

  options.onUrl?.(current.url);

  const watch = async (running: RunningIndexer, startedAt: number) => {
    let delay = firstDelay;
    let runStartedAt = startedAt;
    let watched: RunningIndexer = running;
    for (;;) {
      const status = await watched.exited;
      if (stopped) return;
      current = undefined;
      options.onUrl?.(undefined);
      if (Date.now() - runStartedAt >= HEALTHY_RUN_MS) delay = firstDelay;
      logger.warn(
        `The indexer (pid ${watched.pid}) exited with ${status}; starting ` +
          `it again in ${Math.round(delay / 1000)} s. The public pages read ` +
          `the chain until it is back. Its log: ${watched.logFile}`,
      );
      for (;;) {
        await Promise.race([sleep(delay), stopSignal]);
        if (stopped) return;
        try {
          watched = await start(options);
          break;
        } catch (error) {
          delay = Math.min(delay * 2, MAX_RESTART_DELAY_MS);
          logger.warn(
            `Starting the indexer again failed: ${(error as Error).message} ` +
              `Next attempt in ${Math.round(delay / 1000)} s.`,
          );
        }
      }
      if (stopped) {
        await watched.stop();
        return;
      }
      restarts += 1;
      current = watched;
      runStartedAt = Date.now();
      delay = Math.min(delay * 2, MAX_RESTART_DELAY_MS);
      options.onUrl?.(watched.url);
      logger.info(`The indexer is running again (pid ${watched.pid})`);
      for (const waiter of waiters.splice(0)) {
        if (restarts > waiter.since) waiter.resolve(watched);
        else waiters.push(waiter);
      }
    }
  };
  const watching = watch(current, Date.now());

  return {
    get current() {
      return current;
    },
    get restarts() {
      return restarts;
    },
    waitForRestart(sinceRestarts) {
      if (current !== undefined && restarts > sinceRestarts) {
        return Promise.resolve(current);
      }
      return new Promise((resolve) => {
        waiters.push({ since: sinceRestarts, resolve });
      });
    },
    async stop() {
      if (stopped) return watching;
      stopped = true;
      wakeStop?.();
      await current?.stop();
      current = undefined;
      await watching;
    },
  };
}
