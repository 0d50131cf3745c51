import { readFile } from "node:fs/promises";
import { resolve } from "node:path";

import type { Hex, LocalAccount } from "viem";
import { privateKeyToAccount } from "viem/accounts";

import { AdminKeyInvalidError, AdminKeyMissingError } from "./errors.ts";

export const DEFAULT_ADMIN_KEY_FILE = ".jurybox/keys/admin.json";

/**
 * Loads the round administrator's key: from --admin-key-file when given,
 * else from JURYBOX_ADMIN_KEY, else from .jurybox/keys/admin.json under the
 * working folder. A key file is JSON with a "privateKey" field, or the bare
 * 0x-prefixed key.
 */
export async function loadAdminAccount(
  keyFile: string | undefined,
): Promise<LocalAccount> {
  const fromEnv = process.env.JURYBOX_ADMIN_KEY;
  if (keyFile === undefined && fromEnv) {
    return toAccount({ key: fromEnv.trim() }, "JURYBOX_ADMIN_KEY");
  }

  const path = resolve(keyFile ?? DEFAULT_ADMIN_KEY_FILE);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new AdminKeyMissingError(path);
    }
    throw error;
  }
  return toAccount(extractKey(text, path), path);
}

/** Reads the key and, from the JSON form, the address recorded beside it. */
function extractKey(
  text: string,
  path: string,
): { key: string; address?: unknown } {
  const trimmed = text.trim();
  if (!trimmed.startsWith("{")) return { key: trimmed };
  try {
    const parsed = JSON.parse(trimmed) as {
      privateKey?: unknown;
      address?: unknown;
    };
    if (typeof parsed.privateKey === "string") {
      return { key: parsed.privateKey, address: parsed.address };
    }
  } catch {
    // Reported below as an invalid key file.
  }
  throw new AdminKeyInvalidError(
    path,
    'it is neither a key nor JSON with "privateKey"',
  );
}

function toAccount(
  { key, address }: { key: string; address?: unknown },
  source: string,
): LocalAccount {
  if (!/^0x[0-9a-fA-F]{64}$/.test(key)) {
    throw new AdminKeyInvalidError(source, "it is not 32 bytes of hex");
  }
  const account = privateKeyToAccount(key as Hex);
  if (address !== undefined && !isAddressEqual(account.address, address)) {
    throw new AdminKeyInvalidError(
      source,
      `its address ${String(address)} does not belong to its private key`,
    );
  }
  return account;
}

function isAddressEqual(actual: string, recorded: unknown): boolean {
  return (
    typeof recorded === "string" &&
    recorded.toLowerCase() === actual.toLowerCase()
  );
}
