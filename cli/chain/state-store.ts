import { constants } from "node:fs";
import { link, open, rename, rm, stat } from "node:fs/promises";
import { dirname } from "node:path";

import { ChainStateDamagedError, ChainStateUnreadableError } from "./errors.ts";
import type { JuryboxPaths } from "./paths.ts";
import { scanStateDump } from "./state-scan.ts";

/** A state file whose gzip stream and JSON shape checked out. */
export interface VerifiedState {
  file: string;
  bestBlockNumber: bigint;
  /** Bytes of JSON inside the file. */
  jsonBytes: number;
}

/**
 * Reads and verifies one state file (see `scanStateDump`); with `output`,
 * writes the decompressed JSON there, as `anvil --load-state` reads it.
 * Throws `ChainStateDamagedError` when the file is not a whole dump.
 */
export async function readStateFile(
  file: string,
  output?: string,
): Promise<VerifiedState> {
  return { file, ...(await scanStateDump(file, file, output)) };
}

/**
 * Writes a gzip state dump so that a crash at any moment leaves a loadable
 * file: the dump goes to a temporary file that is fsynced, the current file
 * is kept as the previous copy through a hard link, and a rename puts the
 * new file in place. The dump is decompressed and checked first, off the
 * main thread, so a truncated dump never replaces a good file. Returns the
 * newest block in the dump.
 */
export async function writeStateDump(
  paths: JuryboxPaths,
  gzip: Buffer,
): Promise<bigint> {
  const scanned = await scanStateDump("the anvil_dumpState reply", gzip);
  const temporary = `${paths.stateFile}.tmp`;
  await writeAndSync(temporary, gzip);

  if (await exists(paths.stateFile)) {
    const previousLink = `${paths.previousStateFile}.tmp`;
    await rm(previousLink, { force: true });
    await link(paths.stateFile, previousLink);
    await rename(previousLink, paths.previousStateFile);
  }
  await rename(temporary, paths.stateFile);
  await syncDirectory(dirname(paths.stateFile));
  return scanned.bestBlockNumber;
}

/** The outcome of looking for a state file to load at start. */
export interface StateSelection {
  /** The file to load, or undefined when the chain starts empty. */
  state?: VerifiedState;
  /** One line per damaged file that was skipped. */
  skipped: string[];
}

/**
 * Picks the newest state file that verifies: the state file, else the
 * previous copy. With `output`, the chosen file's JSON is written there. Returns no state when neither file exists, and throws
 * `ChainStateUnreadableError` when files exist but none verifies, so that a
 * damaged chain is never silently replaced by an empty one.
 */
export async function selectStateToLoad(
  paths: JuryboxPaths,
  output?: string,
): Promise<StateSelection> {
  const skipped: string[] = [];
  let found = 0;
  for (const file of [paths.stateFile, paths.previousStateFile]) {
    if (!(await exists(file))) continue;
    found += 1;
    try {
      return { state: await readStateFile(file, output), skipped };
    } catch (error) {
      if (!(error instanceof ChainStateDamagedError)) throw error;
      skipped.push(`${error.file}: ${error.reason}`);
    }
  }
  if (found > 0) throw new ChainStateUnreadableError(skipped);
  return { skipped };
}

async function writeAndSync(file: string, data: Buffer): Promise<void> {
  const handle = await open(file, "w", 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
