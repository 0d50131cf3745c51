import { isHex, type Address, type Hex } from "viem";

import { escrowPublicKeyOf } from "../../../core/escrow.ts";
import type { RoundInfo } from "../chain/round.ts";
import type { RoundSecrets } from "./admin-store.ts";

export class KeyFileError extends Error {
  constructor(name: string, reason: string) {
    super(`${name} ${reason}.`);
    this.name = "KeyFileError";
  }
}

function isKey(value: unknown): value is Hex {
  return typeof value === "string" && isHex(value) && value.length === 66;
}

/**
 * Reads an escrow key file: the console's download
 * (`{"escrowPrivateKey": …}`) or the CLI's escrow.json (`{"privateKey": …}`).
 * The key must be the one whose public key the round carries.
 */
export function readEscrowKeyFile(
  name: string,
  text: string,
  round: RoundInfo,
): Hex {
  let parsed: { escrowPrivateKey?: unknown; privateKey?: unknown };
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new KeyFileError(name, "is not valid JSON");
  }
  const key = parsed.escrowPrivateKey ?? parsed.privateKey;
  if (!isKey(key)) {
    throw new KeyFileError(
      name,
      'has no "escrowPrivateKey" or "privateKey" of 32 bytes',
    );
  }
  if (
    escrowPublicKeyOf(key).toLowerCase() !== round.escrowPublicKey.toLowerCase()
  ) {
    throw new KeyFileError(
      name,
      `holds the escrow key of another round, not of round ${round.roundId}`,
    );
  }
  return key;
}

/** Reads the CLI's invites.json: `[{ "seat": 0, "invitePrivateKey": "0x…" }, …]`. */
export function readInvitesFile(
  name: string,
  text: string,
  round: RoundInfo,
): Hex[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new KeyFileError(name, "is not valid JSON");
  }
  if (!Array.isArray(parsed))
    throw new KeyFileError(name, "is not a list of seats");
  const keys: Hex[] = [];
  for (const entry of parsed as {
    seat?: unknown;
    invitePrivateKey?: unknown;
  }[]) {
    const seat = entry?.seat;
    if (
      typeof seat !== "number" ||
      seat < 0 ||
      seat >= round.invites.length ||
      !isKey(entry.invitePrivateKey)
    ) {
      throw new KeyFileError(
        name,
        "has an entry without a valid seat and invitePrivateKey",
      );
    }
    keys[seat] = entry.invitePrivateKey;
  }
  if (
    keys.length !== round.invites.length ||
    keys.some((key) => key === undefined)
  ) {
    throw new KeyFileError(
      name,
      `does not list all ${round.invites.length} seats`,
    );
  }
  return keys;
}

/**
 * Returns the path where `jurybox round create` saves a round's invites.json,
 * relative to the folder the command ran in. The folder name follows
 * `roundFolder` in cli/lib/round-keys.ts.
 */
export function cliInvitesPath(
  chainId: number,
  registry: Address,
  roundId: bigint,
): string {
  const folder = `${chainId}-${registry.toLowerCase()}-${roundId}`;
  return `.jurybox/rounds/${folder}/invites.json`;
}

/** Merges imported keys into what this browser already keeps of the round. */
export function mergeSecrets(
  current: RoundSecrets | null,
  change: { inviteKeys?: Hex[]; escrowPrivateKey?: Hex },
): RoundSecrets {
  return {
    inviteKeys: change.inviteKeys ?? current?.inviteKeys ?? [],
    escrowPrivateKey: change.escrowPrivateKey ?? current?.escrowPrivateKey,
    escrowSaved: true,
  };
}
