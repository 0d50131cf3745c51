import type { ChainLogger } from "./logger.ts";
import type { JuryboxPaths } from "./paths.ts";
import { requestRpc } from "./rpc.ts";
import { writeStateDump } from "./state-store.ts";

/** A save slower than this is reported, at most once per SLOW_REPORT_MS. */
const SLOW_SAVE_MS = 500;
const SLOW_REPORT_MS = 60_000;
/** After the first failure, only every FAILURE_REPORT_EVERY-th one is logged. */
const FAILURE_REPORT_EVERY = 60;

/**
 * Takes `anvil_dumpState` over RPC at a fixed interval and writes it with
 * `writeStateDump`. A save is skipped when no block was mined since the
 * last one, so a chain that mines on demand costs nothing while idle.
 */
export class StateSaver {
  #paths: JuryboxPaths;
  #url: string;
  #historical: boolean;
  #logger: ChainLogger;
  #timer?: NodeJS.Timeout;
  #running?: Promise<void>;
  /** Serialises saves, which share one temporary file. */
  #queue: Promise<unknown> = Promise.resolve();
  #savedBlock?: bigint;
  #failures = 0;
  #lastSlowReport = 0;
  #lastSave?: { block: bigint; milliseconds: number; bytes: number };

  constructor(
    paths: JuryboxPaths,
    url: string,
    historical: boolean,
    logger: ChainLogger,
  ) {
    this.#paths = paths;
    this.#url = url;
    this.#historical = historical;
    this.#logger = logger;
  }

  /** Number of the newest block known to be in the state file. */
  get savedBlock(): bigint | undefined {
    return this.#savedBlock;
  }

  /** Block, duration and compressed size of the last save. */
  get lastSave() {
    return this.#lastSave;
  }

  /** Starts saving every `intervalMs`; `savedBlock` is the loaded block. */
  start(intervalMs: number, savedBlock: bigint | undefined): void {
    this.#savedBlock = savedBlock;
    const tick = () => {
      const started = Date.now();
      this.#running = this.#saveIfChanged().finally(() => {
        this.#running = undefined;
        if (this.#timer === undefined) return;
        const delay = Math.max(0, intervalMs - (Date.now() - started));
        this.#timer = setTimeout(tick, delay);
      });
    };
    this.#timer = setTimeout(tick, intervalMs);
  }

  /** Stops the interval and waits for a save in progress. */
  async stop(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }

  /** Saves the state of the supervised anvil now. */
  async saveNow(): Promise<void> {
    await this.saveFrom(this.#url);
  }

  /** Saves the state of the anvil at `url`; returns the saved block. */
  saveFrom(url: string): Promise<bigint> {
    const save = this.#queue.then(() => this.#save(url));
    this.#queue = save.catch(() => undefined);
    return save;
  }

  async #save(url: string): Promise<bigint> {
    const started = performance.now();
    const block = BigInt(await requestRpc<string>(url, "eth_blockNumber"));
    const dump = await requestRpc<string>(
      url,
      "anvil_dumpState",
      [this.#historical],
      120_000,
    );
    const gzip = Buffer.from(dump.slice(2), "hex");
    await writeStateDump(this.#paths, gzip);
    // The dump may contain blocks mined after eth_blockNumber; the next
    // save then runs again, which is safe.
    this.#savedBlock = block;
    const milliseconds = performance.now() - started;
    this.#lastSave = { block, milliseconds, bytes: gzip.length };
    this.#reportSlow(block, milliseconds, gzip.length);
    return block;
  }

  async #saveIfChanged(): Promise<void> {
    try {
      const block = BigInt(
        await requestRpc<string>(this.#url, "eth_blockNumber", [], 5000),
      );
      if (block !== this.#savedBlock) await this.saveFrom(this.#url);
      if (this.#failures > 0) {
        this.#logger.info(
          `State saving works again after ${this.#failures} failures`,
        );
        this.#failures = 0;
      }
    } catch (error) {
      this.#failures += 1;
      if (this.#failures % FAILURE_REPORT_EVERY === 1) {
        this.#logger.warn(
          `Saving the chain state failed (${this.#failures} in a row): ` +
            `${(error as Error).message}`,
        );
      }
    }
  }

  #reportSlow(block: bigint, milliseconds: number, bytes: number): void {
    const now = Date.now();
    if (
      milliseconds < SLOW_SAVE_MS ||
      now - this.#lastSlowReport < SLOW_REPORT_MS
    ) {
      return;
    }
    this.#lastSlowReport = now;
    this.#logger.warn(
      `Saving the state took ${Math.round(milliseconds)} ms at block ` +
        `${block} (${Math.round(bytes / 1024)} KiB compressed); every ` +
        `block adds to each save, so mining on demand keeps saves short`,
    );
  }
}
