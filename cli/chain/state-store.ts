import { constants } from "node:fs";
import {
  link,
  open,
  readFile,
  rename,
  rm,
  stat,
  writeFile,
} from "node:fs/promises";
import { dirname } from "node:path";
import { gunzipSync } from "node:zlib";

import { ChainStateDamagedError, ChainStateUnreadableError } from "./errors.ts";
import type { JuryboxPaths } from "./paths.ts";

/** A state file that decompressed and parsed as an anvil state dump. */
export interface VerifiedState {
  file: string;
  /** The decompressed JSON text, as `anvil --load-state` reads it. */
  json: string;
  bestBlockNumber: bigint;
  blockCount: number;
}

/**
 * Decompresses and parses an anvil state dump and checks the fields that
 * `--load-state` needs. Throws `ChainStateDamagedError` on any failure.
 */
export function verifyStateDump(file: string, gzip: Buffer): VerifiedState {
  let json: string;
  try {
    json = gunzipSync(gzip).toString("utf8");
  } catch (error) {
    throw new ChainStateDamagedError(file, describe(error));
  }
  let dump: unknown;
  try {
    dump = JSON.parse(json);
  } catch (error) {
    throw new ChainStateDamagedError(file, describe(error));
  }
  if (typeof dump !== "object" || dump === null) {
    throw new ChainStateDamagedError(file, "the JSON is not an object");
  }
  const {
    best_block_number: best,
    blocks,
    accounts,
  } = dump as Record<string, unknown>;
  if (typeof best !== "string" && typeof best !== "number") {
    throw new ChainStateDamagedError(file, "best_block_number is missing");
  }
  if (!Array.isArray(blocks) || typeof accounts !== "object") {
    throw new ChainStateDamagedError(file, "blocks or accounts are missing");
  }
  return {
    file,
    json,
    bestBlockNumber: BigInt(best),
    blockCount: blocks.length,
  };
}

/** Reads and verifies one state file; see `verifyStateDump`. */
export async function readStateFile(file: string): Promise<VerifiedState> {
  return verifyStateDump(file, await readFile(file));
}

/**
 * Writes a gzip state dump so that a crash at any moment leaves a loadable
 * file: the dump goes to a temporary file that is fsynced, the current file
 * is kept as the previous copy through a hard link, and a rename puts the
 * new file in place. The dump is decompressed first, so a truncated dump
 * never replaces a good file.
 */
export async function writeStateDump(
  paths: JuryboxPaths,
  gzip: Buffer,
): Promise<void> {
  try {
    gunzipSync(gzip);
  } catch (error) {
    throw new ChainStateDamagedError(
      "the anvil_dumpState reply",
      describe(error),
    );
  }
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
 * previous copy. Returns no state when neither file exists, and throws
 * `ChainStateUnreadableError` when files exist but none verifies, so that a
 * damaged chain is never silently replaced by an empty one.
 */
export async function selectStateToLoad(
  paths: JuryboxPaths,
): Promise<StateSelection> {
  const skipped: string[] = [];
  let found = 0;
  for (const file of [paths.stateFile, paths.previousStateFile]) {
    if (!(await exists(file))) continue;
    found += 1;
    try {
      return { state: await readStateFile(file), skipped };
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

/** Writes the decompressed state that `anvil --load-state` reads. */
export async function writeLoadFile(
  paths: JuryboxPaths,
  state: VerifiedState,
): Promise<void> {
  await writeFile(paths.loadStateFile, state.json, { mode: 0o600 });
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
