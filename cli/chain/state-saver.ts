import type { ChainLogger } from "./logger.ts";
import type { JuryboxPaths } from "./paths.ts";
import { requestRpc } from "./rpc.ts";
import {
  lossWindowClass,
  lossWindowMs,
  referenceSaveMs,
  saveWaitMs,
  type SaveRecord,
} from "./save-schedule.ts";
import { writeStateDump } from "./state-store.ts";

/** After the first failure, only every FAILURE_REPORT_EVERY-th one is logged. */
const FAILURE_REPORT_EVERY = 60;

export interface StateSaverOptions {
  paths: JuryboxPaths;
  url: string;
  historical: boolean;
  logger: ChainLogger;
  /** Shortest time between the starts of two periodic saves. */
  intervalMs: number;
  /** The wait after a save is at least this many times its duration. */
  spacing: number;
  onSave?: (save: SaveRecord) => void;
}

/**
 * Takes `anvil_dumpState` over RPC and writes it with `writeStateDump`.
 * Periodic saves run one at a time and wait between them in proportion to
 * the last save's duration (see save-schedule.ts). A save is skipped when
 * no block was mined since the last one, so a chain that mines on demand
 * costs nothing while idle.
 */
export class StateSaver {
  #options: StateSaverOptions;
  #timer?: NodeJS.Timeout;
  #running?: Promise<void>;
  /** Serialises saves, which share one temporary file. */
  #queue: Promise<unknown> = Promise.resolve();
  #savedBlock?: bigint;
  #failures = 0;
  #lastSave?: SaveRecord;
  #referenceMs = 0;
  #reportedClass?: number;

  constructor(options: StateSaverOptions) {
    this.#options = options;
  }

  /** Number of the newest block known to be in the state file. */
  get savedBlock(): bigint | undefined {
    return this.#savedBlock;
  }

  /** The last completed save, with its wait and loss window. */
  get lastSave(): SaveRecord | undefined {
    return this.#lastSave;
  }

  /** Starts the periodic saves; `savedBlock` is the loaded block. */
  start(savedBlock: bigint | undefined): void {
    this.#savedBlock = savedBlock;
    const tick = () => {
      const started = Date.now();
      this.#running = this.#saveIfChanged().finally(() => {
        this.#running = undefined;
        if (this.#timer === undefined) return;
        this.#timer = setTimeout(tick, this.#waitMs(Date.now() - started));
      });
    };
    this.#timer = setTimeout(tick, this.#options.intervalMs);
  }

  /** Stops the periodic saves and waits for a save in progress. */
  async stop(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }

  /** Saves the state of the supervised anvil now. */
  async saveNow(): Promise<void> {
    await this.saveFrom(this.#options.url);
  }

  /** Saves the state of the anvil at `url`; returns the saved block. */
  saveFrom(url: string): Promise<bigint> {
    const save = this.#queue.then(() => this.#save(url));
    this.#queue = save.catch(() => undefined);
    return save;
  }

  /** Returns the wait after a tick (a check and maybe a save) of `tickMs`. */
  #waitMs(tickMs: number): number {
    const { intervalMs, spacing } = this.#options;
    return saveWaitMs(intervalMs, tickMs, this.#referenceMs, spacing);
  }

  async #save(url: string): Promise<bigint> {
    const { paths, historical, intervalMs, spacing } = this.#options;
    const startedAt = Date.now();
    const started = performance.now();
    const dump = await requestRpc<string>(
      url,
      "anvil_dumpState",
      [historical],
      120_000,
    );
    const dumpMs = Math.round(performance.now() - started);
    const gzip = Buffer.from(dump.slice(2), "hex");
    const block = await writeStateDump(paths, gzip);
    this.#savedBlock = block;
    const milliseconds = Math.round(performance.now() - started);
    const referenceMs = referenceSaveMs(dumpMs, this.#referenceMs);
    this.#referenceMs = referenceMs;
    const save: SaveRecord = {
      block,
      startedAt,
      milliseconds,
      dumpMs,
      referenceMs,
      bytes: gzip.length,
      waitMs: saveWaitMs(intervalMs, milliseconds, referenceMs, spacing),
      lossWindowMs: lossWindowMs(
        intervalMs,
        milliseconds,
        referenceMs,
        spacing,
      ),
    };
    this.#lastSave = save;
    this.#reportWindow(save);
    this.#options.onSave?.(save);
    return block;
  }

  async #saveIfChanged(): Promise<void> {
    const { url, logger } = this.#options;
    try {
      const block = BigInt(
        await requestRpc<string>(url, "eth_blockNumber", [], 5000),
      );
      if (block !== this.#savedBlock) await this.saveFrom(url);
      if (this.#failures > 0) {
        logger.info(
          `State saving works again after ${this.#failures} failures`,
        );
        this.#failures = 0;
      }
    } catch (error) {
      this.#failures += 1;
      if (this.#failures % FAILURE_REPORT_EVERY === 1) {
        logger.warn(
          `Saving the chain state failed (${this.#failures} in a row): ` +
            `${(error as Error).message}`,
        );
      }
    }
  }

  /** Logs the loss window when it first appears and when it changes class. */
  #reportWindow(save: SaveRecord): void {
    const size = lossWindowClass(save.lossWindowMs);
    if (size === this.#reportedClass) return;
    this.#reportedClass = size;
    const seconds = (ms: number) => (ms / 1000).toFixed(1);
    this.#options.logger.info(
      `State save ${seconds(save.milliseconds)} s at block ${save.block} ` +
        `(${(save.bytes / 1e6).toFixed(1)} MB compressed); the next in ` +
        `${seconds(save.waitMs)} s; a kill -9 now loses at most the blocks ` +
        `of the last ${seconds(save.lossWindowMs)} s`,
    );
  }
}
