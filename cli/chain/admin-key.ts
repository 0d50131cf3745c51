import { chmod, mkdir, open, readFile, rename, stat } from "node:fs/promises";
import { dirname } from "node:path";

import type { Address, Hex } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";

import { resolveJuryboxPaths } from "./paths.ts";

/** The local administrator key of the embedded chain. */
export interface AdminKey {
  address: Address;
  privateKey: Hex;
}

/** Raised when the admin key file exists but cannot be used. */
export class AdminKeyFileError extends Error {
  constructor(file: string, reason: string) {
    super(
      `The admin key file ${file} is unusable: ${reason}; restore it from ` +
        `a backup, or move it aside to create a new key (the registry ` +
        `deployed with the old key then needs a new deployment).`,
    );
    this.name = "AdminKeyFileError";
  }
}

/**
 * Loads `.jurybox/keys/admin.json`, creating it with a fresh random key on
 * first use. The file is written with mode 0600 in a directory with mode
 * 0700, and the key is never logged. The account needs no funds because the
 * embedded chain charges no gas.
 */
export async function ensureAdminKey(dataDir?: string): Promise<AdminKey> {
  const file = resolveJuryboxPaths(dataDir).adminKeyFile;
  try {
    return await loadAdminKey(dataDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const privateKey = generatePrivateKey();
  const key = { address: privateKeyToAccount(privateKey).address, privateKey };
  const temporary = `${file}.tmp`;
  const handle = await open(temporary, "w", 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(key, null, 2)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
  return key;
}

/**
 * Loads `.jurybox/keys/admin.json`. Throws an ENOENT error when it does not
 * exist and `AdminKeyFileError` when it is malformed. Tightens the file mode
 * to 0600 if others could read it.
 */
export async function loadAdminKey(dataDir?: string): Promise<AdminKey> {
  const file = resolveJuryboxPaths(dataDir).adminKeyFile;
  const text = await readFile(file, "utf8");
  if (((await stat(file)).mode & 0o077) !== 0) await chmod(file, 0o600);
  let parsed: Partial<AdminKey>;
  try {
    parsed = JSON.parse(text) as Partial<AdminKey>;
  } catch {
    throw new AdminKeyFileError(file, "it is not valid JSON");
  }
  const { privateKey } = parsed;
  if (
    typeof privateKey !== "string" ||
    !/^0x[0-9a-fA-F]{64}$/.test(privateKey)
  ) {
    throw new AdminKeyFileError(file, "privateKey is not 32 bytes of hex");
  }
  const address = privateKeyToAccount(privateKey as Hex).address;
  if (parsed.address !== undefined && parsed.address !== address) {
    throw new AdminKeyFileError(file, "address does not match privateKey");
  }
  return { address, privateKey: privateKey as Hex };
}
