import { mkdir, rename, rm } from "node:fs/promises";
import { basename } from "node:path";

import type { AnvilSettings } from "./anvil-command.ts";
import {
  spawnAnvil,
  waitForPortFree,
  type RunningAnvil,
} from "./anvil-process.ts";
import { ChainAlreadyRunningError } from "./errors.ts";
import type { ChainLogger } from "./logger.ts";
import type { JuryboxPaths } from "./paths.ts";
import {
  describeProcess,
  isRecordedProcessAlive,
  readProcessRecord,
  removeProcessRecord,
  sleep,
  terminateProcess,
  writeProcessRecord,
} from "./process-record.ts";
import type { SaveRecord } from "./save-schedule.ts";
import { StateSaver } from "./state-saver.ts";
import { selectStateToLoad } from "./state-store.ts";

export interface SupervisorOptions extends AnvilSettings {
  paths: JuryboxPaths;
  anvilPath: string;
  dumpIntervalMs: number;
  /** The wait after a save is at least this many times its duration. */
  saveSpacing: number;
  onSave?: (save: SaveRecord) => void;
  startTimeoutMs: number;
  logger: ChainLogger;
}

/** The end of supervision: `stop()`, or anvil crashing too often. */
export type ChainExit =
  { reason: "stopped" } | { reason: "failed"; error: Error };

/** Restarts allowed within RESTART_WINDOW_MS before the supervisor gives up. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;
const STOP_GRACE_MS = 10_000;
/** How long a port may stay busy while an old anvil finishes exiting. */
const PORT_FREE_TIMEOUT_MS = 3000;

/**
 * Runs one anvil child: loads the newest good state, saves the state every
 * `dumpIntervalMs`, restarts anvil from the saved state when it dies and
 * saves a last time on `stop()`.
 */
export class ChainSupervisor {
  readonly rpcUrl: string;
  readonly exited: Promise<ChainExit>;
  #options: SupervisorOptions;
  #anvil?: RunningAnvil;
  #saver: StateSaver;
  #stopping = false;
  #restartTimes: number[] = [];
  #finish!: (exit: ChainExit) => void;

  constructor(options: SupervisorOptions) {
    this.#options = options;
    this.rpcUrl = `http://${options.host}:${options.port}`;
    this.#saver = new StateSaver({
      paths: options.paths,
      url: this.rpcUrl,
      historical: options.preserveHistoricalStates,
      logger: options.logger,
      intervalMs: options.dumpIntervalMs,
      spacing: options.saveSpacing,
      onSave: options.onSave,
    });
    this.exited = new Promise((resolve) => (this.#finish = resolve));
  }

  /** The process id of the current anvil child. */
  get pid(): number | undefined {
    return this.#anvil?.pid;
  }

  /** Number of the newest block in the state file, if one was written. */
  get savedBlock(): bigint | undefined {
    return this.#saver.savedBlock;
  }

  /** The last completed save, with its wait and loss window. */
  get lastSave(): SaveRecord | undefined {
    return this.#saver.lastSave;
  }

  /** Starts anvil and resolves once its RPC server responds. */
  async start(): Promise<void> {
    const { paths } = this.#options;
    await mkdir(paths.chainDir, { recursive: true, mode: 0o700 });
    await this.#acquireLock();
    try {
      await this.#stopStaleAnvil();
      await rename(paths.anvilLogFile, `${paths.anvilLogFile}.previous`).catch(
        () => undefined,
      );
      await this.#launch();
    } catch (error) {
      await removeProcessRecord(paths.supervisorPidFile);
      throw error;
    }
  }

  /** Saves the state now, whether or not a block was mined since the last save. */
  async saveState(): Promise<void> {
    await this.#saver.saveNow();
  }

  /** Saves the state a last time, stops anvil and removes the pid files. */
  async stop(): Promise<void> {
    if (this.#stopping) return;
    this.#stopping = true;
    const { paths, logger } = this.#options;
    await this.#saver.stop();
    const anvil = this.#anvil;
    if (anvil !== undefined) {
      try {
        await this.#saver.saveNow();
      } catch (error) {
        logger.warn(`The final state save failed: ${(error as Error).message}`);
      }
      await this.#stopChild(anvil);
    }
    await removeProcessRecord(paths.anvilPidFile);
    await removeProcessRecord(paths.supervisorPidFile);
    logger.info(
      `Chain stopped; state saved at block ${this.savedBlock ?? "none"} ` +
        `in ${paths.stateFile}`,
    );
    this.#finish({ reason: "stopped" });
  }

  async #acquireLock(): Promise<void> {
    const { paths } = this.#options;
    const existing = await readProcessRecord(paths.supervisorPidFile);
    if (
      existing !== undefined &&
      existing.pid !== process.pid &&
      (await isRecordedProcessAlive(existing))
    ) {
      throw new ChainAlreadyRunningError(existing.pid, paths.chainDir);
    }
    const record = await describeProcess(process.pid);
    await writeProcessRecord(paths.supervisorPidFile, record);
  }

  /**
   * Stops an anvil left running by a supervisor that was killed. Its state
   * is newer than the state file, so it is saved first.
   */
  async #stopStaleAnvil(): Promise<void> {
    const { paths, logger } = this.#options;
    const record = await readProcessRecord(paths.anvilPidFile);
    if (record === undefined) return;
    const ours =
      basename(record.executable).startsWith("anvil") &&
      (await isRecordedProcessAlive(record));
    if (!ours) {
      await removeProcessRecord(paths.anvilPidFile);
      return;
    }
    const url = `http://${record.host}:${record.port}`;
    logger.warn(
      `anvil (pid ${record.pid}) from an earlier supervisor still runs on ` +
        `${url}; saving its state and stopping it`,
    );
    try {
      const block = await this.#saver.saveFrom(url);
      logger.info(`Saved the state of pid ${record.pid} at block ${block}`);
    } catch (error) {
      logger.warn(
        `Saving the state of pid ${record.pid} failed, so the chain ` +
          `restarts from the last state file: ${(error as Error).message}`,
      );
    }
    if (await terminateProcess(record, STOP_GRACE_MS)) {
      logger.warn(`anvil (pid ${record.pid}) ignored SIGTERM and was killed`);
    }
    await removeProcessRecord(paths.anvilPidFile);
  }

  async #launch(): Promise<void> {
    const { paths, logger, anvilPath, startTimeoutMs, host, port } =
      this.#options;
    const selection = await selectStateToLoad(paths, paths.loadStateFile);
    for (const problem of selection.skipped) {
      logger.warn(`Skipping a damaged state file: ${problem}`);
    }
    await waitForPortFree(host, port, PORT_FREE_TIMEOUT_MS);
    const anvil = await spawnAnvil(
      anvilPath,
      this.#options,
      selection.state === undefined ? undefined : paths.loadStateFile,
      paths.anvilLogFile,
      startTimeoutMs,
      async (pid) => {
        const record = await describeProcess(pid, { host, port });
        await writeProcessRecord(paths.anvilPidFile, record);
      },
    );
    await rm(paths.loadStateFile, { force: true });
    if (this.#stopping) {
      // stop() ran while this restart was starting anvil.
      await this.#stopChild(anvil);
      await removeProcessRecord(paths.anvilPidFile);
      return;
    }
    this.#anvil = anvil;
    const loaded = selection.state;
    if (loaded === undefined) {
      logger.info(`Started a new empty chain (anvil pid ${anvil.pid})`);
    } else {
      logger.info(
        `Loaded block ${loaded.bestBlockNumber} from ${loaded.file} ` +
          `(anvil pid ${anvil.pid})`,
      );
    }
    this.#saver.start(loaded?.bestBlockNumber);
    void anvil.exit.then((exit) => this.#onExit(anvil, exit));
  }

  async #onExit(
    anvil: RunningAnvil,
    exit: { code: number | null; signal: NodeJS.Signals | null },
  ): Promise<void> {
    if (this.#stopping || this.#anvil !== anvil) return;
    const { logger, paths } = this.#options;
    this.#anvil = undefined;
    await this.#saver.stop();
    await removeProcessRecord(paths.anvilPidFile);
    const how = exit.signal ?? `exit code ${exit.code}`;
    logger.warn(
      `anvil (pid ${anvil.pid}) exited unexpectedly (${how}); restarting ` +
        `it from the state saved at block ${this.savedBlock ?? "none"}`,
    );
    await this.#restart();
  }

  async #restart(): Promise<void> {
    const { logger } = this.#options;
    for (let attempt = 0; !this.#stopping; attempt += 1) {
      const now = Date.now();
      this.#restartTimes = this.#restartTimes.filter(
        (time) => now - time < RESTART_WINDOW_MS,
      );
      if (this.#restartTimes.length >= MAX_RESTARTS) {
        const error = new Error(
          `anvil stopped ${MAX_RESTARTS} times within ` +
            `${RESTART_WINDOW_MS / 1000} s; see ` +
            `${this.#options.paths.anvilLogFile} and start the chain again.`,
        );
        logger.error(error.message);
        await removeProcessRecord(this.#options.paths.supervisorPidFile);
        this.#stopping = true;
        this.#finish({ reason: "failed", error });
        return;
      }
      this.#restartTimes.push(now);
      await sleep(Math.min(250 * 2 ** attempt, 4000));
      if (this.#stopping) return;
      try {
        await this.#launch();
        return;
      } catch (error) {
        logger.error(`Restarting anvil failed: ${(error as Error).message}`);
      }
    }
  }

  async #stopChild(anvil: RunningAnvil): Promise<void> {
    anvil.child.kill("SIGTERM");
    let timer: NodeJS.Timeout | undefined;
    const gracePeriod = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), STOP_GRACE_MS);
    });
    // The timer is cleared so that a clean stop lets the process exit at once.
    const stopped = await Promise.race([
      anvil.exit.then(() => true),
      gracePeriod,
    ]).finally(() => clearTimeout(timer));
    if (!stopped) {
      this.#options.logger.warn(
        `anvil (pid ${anvil.pid}) ignored SIGTERM and was killed`,
      );
      anvil.child.kill("SIGKILL");
      await anvil.exit;
    }
    this.#anvil = undefined;
  }
}
