import {
  chmod,
  mkdir,
  mkdtemp,
  readdir,
  rename,
  rm,
  rmdir,
  stat,
  writeFile,
} from "node:fs/promises";
import { dirname, join } from "node:path";

import {
  OutputFolderNotEmptyError,
  OutputFolderUnwritableError,
} from "./errors.ts";

/** One file of the generated network, relative to the output folder. */
export interface OutputFile {
  path: string;
  content: string;
  /** Permission bits, e.g. 0o600 for private keys. */
  mode: number;
}

/** Folders are private to their owner because some of them hold keys. */
const FOLDER_MODE = 0o700;

/** Lists a folder, or returns undefined when it does not exist. */
async function listFolder(folder: string): Promise<string[] | undefined> {
  let isFolder: boolean;
  try {
    isFolder = (await stat(folder)).isDirectory();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new OutputFolderUnwritableError(folder, error);
  }
  if (!isFolder) {
    throw new OutputFolderUnwritableError(
      folder,
      new Error("it is a file, not a folder"),
    );
  }
  try {
    return (await readdir(folder)).sort();
  } catch (error) {
    throw new OutputFolderUnwritableError(folder, error);
  }
}

async function writeAll(root: string, files: readonly OutputFile[]) {
  for (const file of files) {
    const target = join(root, file.path);
    await mkdir(dirname(target), { recursive: true, mode: FOLDER_MODE });
    await writeFile(target, file.content, { mode: file.mode });
    // The process umask may have cleared bits; set the mode exactly.
    await chmod(target, file.mode);
  }
}

/**
 * Writes the files into `outDir`. They are first written to a temporary
 * folder beside it, so a failure leaves nothing behind. A missing or empty
 * `outDir` is then replaced by that folder in one rename. With `force`, a
 * non-empty `outDir` receives the files one by one: files of the same name
 * are replaced and all others are kept.
 */
export async function writeNetworkFiles(
  outDir: string,
  files: readonly OutputFile[],
  force: boolean,
): Promise<void> {
  const entries = await listFolder(outDir);
  if (entries !== undefined && entries.length > 0 && !force) {
    throw new OutputFolderNotEmptyError(outDir, entries);
  }

  const parent = dirname(outDir);
  let createdParent: string | undefined;
  let staging: string;
  try {
    createdParent = await mkdir(parent, { recursive: true });
    staging = await mkdtemp(join(parent, ".jurybox-network-"));
  } catch (error) {
    if (createdParent !== undefined) {
      await rm(createdParent, { recursive: true, force: true });
    }
    throw new OutputFolderUnwritableError(outDir, error);
  }

  try {
    await writeAll(staging, files);
    await chmod(staging, FOLDER_MODE);
    if (entries === undefined || entries.length === 0) {
      if (entries !== undefined) await rmdir(outDir);
      await rename(staging, outDir);
      return;
    }
    for (const file of files) {
      const target = join(outDir, file.path);
      await mkdir(dirname(target), { recursive: true, mode: FOLDER_MODE });
      await rename(join(staging, file.path), target);
    }
    await rm(staging, { recursive: true, force: true });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (createdParent !== undefined) {
      await rm(createdParent, { recursive: true, force: true });
    }
    throw new OutputFolderUnwritableError(outDir, error);
  }
}
