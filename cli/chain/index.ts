import { checkAnvilSettings, findAnvilBinary } from "./anvil-command.ts";
import { ChainOptionError } from "./errors.ts";
import { consoleChainLogger, type ChainLogger } from "./logger.ts";
import { resolveJuryboxPaths } from "./paths.ts";
import { DEFAULT_SAVE_SPACING, type SaveRecord } from "./save-schedule.ts";
import { ChainSupervisor, type ChainExit } from "./supervisor.ts";

export type { ChainLogger } from "./logger.ts";
export type { ChainExit } from "./supervisor.ts";
export type { SaveRecord } from "./save-schedule.ts";
export { resolveJuryboxPaths, type JuryboxPaths } from "./paths.ts";
export * from "./errors.ts";

/** Options of `startChain`; every field has a default. */
export interface StartChainOptions {
  /** Directory for state, pid files and keys; default `./.jurybox`. */
  dataDir?: string;
  /** IPv4 loopback address to listen on; default 127.0.0.1. */
  host?: string;
  /** TCP port of the JSON-RPC server; default 8545. */
  port?: number;
  /** Default 1337. */
  chainId?: number;
  /**
   * Seconds between blocks; default 1. 0 mines one block per transaction
   * as it arrives and no empty blocks, which keeps the state small, but
   * `eth_call` on "latest" then runs at the time of the last transaction.
   */
  blockTime?: number;
  /** Shortest time between the starts of two state saves; default 1000. */
  saveIntervalMs?: number;
  /**
   * The wait after a state save is at least this many times its dump's
   * duration; default 4. anvil serves no request while it dumps, so it
   * then spends at most a fifth of its time dumping. The loss window grows
   * with the state: about 7 times one save's duration.
   */
  saveSpacing?: number;
  /** Called after each completed save, e.g. to record save times. */
  onSave?: (save: SaveRecord) => void;
  /**
   * Keep the state of past blocks in the saved state, so that reads at an
   * old block work after a restart; default false. Each block's state is a
   * full copy: 213 blocks over a contract with 1,000 storage slots saved as
   * 9.6 MB compressed, against 0.3 MB without (anvil 1.7.1).
   */
  preserveHistoricalStates?: boolean;
  /** Milliseconds to wait for anvil's RPC server; default 30000. */
  startTimeoutMs?: number;
  /** Path of the anvil binary; default the one from the npm package. */
  anvilPath?: string;
  logger?: ChainLogger;
}

/** A running embedded chain. */
export interface RunningChain {
  rpcUrl: string;
  chainId: number;
  /** The process id of the current anvil child; it changes on restart. */
  readonly pid: number | undefined;
  stateFile: string;
  /** The last completed save, with its wait and loss window. */
  readonly lastSave: SaveRecord | undefined;
  /** Resolves when the chain stops or the supervisor gives up. */
  exited: Promise<ChainExit>;
  /** Writes the state file now, e.g. right after a deployment. */
  saveState(): Promise<void>;
  /** Saves the state, stops anvil and removes the pid files. */
  stop(): Promise<void>;
}

const running = new Set<ChainSupervisor>();

/**
 * Starts the embedded zero-fee chain: anvil on 127.0.0.1 with the newest
 * good state from `.jurybox/chain/`, saved again every second, or less
 * often as the state grows (see `saveSpacing`). Resolves
 * once the RPC server responds. Stops an anvil that a killed supervisor left
 * running, after saving its state; throws `ChainAlreadyRunningError` when a
 * live supervisor owns the same directory.
 */
export async function startChain(
  options: StartChainOptions = {},
): Promise<RunningChain> {
  const paths = resolveJuryboxPaths(options.dataDir);
  const logger = options.logger ?? consoleChainLogger;
  const settings = {
    host: options.host ?? "127.0.0.1",
    port: options.port ?? 8545,
    chainId: options.chainId ?? 1337,
    blockTime: options.blockTime ?? 1,
    gasLimit: 30_000_000,
    preserveHistoricalStates: options.preserveHistoricalStates ?? false,
  };
  checkAnvilSettings(settings);
  const spacing = options.saveSpacing ?? DEFAULT_SAVE_SPACING;
  if (!Number.isFinite(spacing) || spacing < 0) {
    throw new ChainOptionError("saveSpacing", spacing, "a number from 0");
  }
  const supervisor = new ChainSupervisor({
    ...settings,
    paths,
    anvilPath: options.anvilPath ?? findAnvilBinary(),
    dumpIntervalMs: options.saveIntervalMs ?? 1000,
    saveSpacing: spacing,
    onSave: options.onSave,
    startTimeoutMs: options.startTimeoutMs ?? 30_000,
    logger,
  });
  await supervisor.start();
  running.add(supervisor);
  void supervisor.exited.then(() => running.delete(supervisor));

  const mining =
    settings.blockTime === 0
      ? "a block per transaction"
      : `a block every ${settings.blockTime} s`;
  logger.info(
    `Jurybox chain ready: RPC ${supervisor.rpcUrl}, chain id ` +
      `${settings.chainId}, ${mining}, state file ${paths.stateFile}`,
  );
  return {
    rpcUrl: supervisor.rpcUrl,
    chainId: settings.chainId,
    get pid() {
      return supervisor.pid;
    },
    stateFile: paths.stateFile,
    get lastSave() {
      return supervisor.lastSave;
    },
    exited: supervisor.exited,
    saveState: () => supervisor.saveState(),
    stop: () => supervisor.stop(),
  };
}

/** Stops every chain started by this process, saving each state first. */
export async function stopChain(): Promise<void> {
  await Promise.all([...running].map((supervisor) => supervisor.stop()));
}

/**
 * Stops the chains of this process on SIGINT or SIGTERM and then exits with
 * code 0. Returns a function that removes the handlers.
 */
export function stopChainOnSignals(): () => void {
  const handler = (signal: NodeJS.Signals) => {
    consoleChainLogger.info(`Received ${signal}; stopping the chain`);
    void stopChain().then(
      () => process.exit(0),
      (error: Error) => {
        consoleChainLogger.error(`Stopping the chain failed: ${error.message}`);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", handler);
  process.once("SIGTERM", handler);
  return () => {
    process.off("SIGINT", handler);
    process.off("SIGTERM", handler);
  };
}
