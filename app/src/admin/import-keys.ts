import { isHex, type Address, type Hex } from "viem";
import { privateKeyToAddress } from "viem/accounts";

import { escrowPublicKeyOf } from "../../../core/escrow.ts";
import type { SeatProgress } from "../chain/progress.ts";
import type { RoundInfo } from "../chain/round.ts";
import { parseHash } from "../lib/route.ts";
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
 * Reads an escrow key file: the console's download (`{"chainId", "registry",
 * "roundId", "escrowPrivateKey"}`) or the CLI's escrow.json
 * (`{"privateKey": …}`). The round named in the file, if any, must be this
 * one, and the key must be the one whose public key the round carries.
 */
export function readEscrowKeyFile(
  name: string,
  text: string,
  target: KeyFileTarget,
): Hex {
  const { round } = target;
  let parsed: {
    escrowPrivateKey?: unknown;
    privateKey?: unknown;
    chainId?: unknown;
    registry?: unknown;
    roundId?: unknown;
  };
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new KeyFileError(name, "is not valid JSON");
  }
  if (parsed === null || typeof parsed !== "object") {
    throw new KeyFileError(name, "is not a JSON object");
  }
  if (
    parsed.chainId !== undefined ||
    parsed.registry !== undefined ||
    parsed.roundId !== undefined
  ) {
    if (
      typeof parsed.chainId !== "number" ||
      typeof parsed.registry !== "string" ||
      typeof parsed.roundId !== "string" ||
      !/^[0-9]{1,78}$/.test(parsed.roundId)
    ) {
      throw new KeyFileError(
        name,
        'has an invalid "chainId", "registry" or "roundId"',
      );
    }
    checkFileRound(
      name,
      target,
      {
        chainId: parsed.chainId,
        registry: parsed.registry,
        roundId: BigInt(parsed.roundId),
      },
      escrowInstead(target),
    );
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
      `holds the escrow key of another round, not of round ${round.roundId}; ${escrowInstead(target)}`,
    );
  }
  return key;
}

/** The round a key file must belong to, and its seats as the chain has them. */
export interface KeyFileTarget {
  chainId: number;
  registry: Address;
  round: RoundInfo;
  /** Current and replaced invites per seat, from the round's events. */
  seats: readonly Pick<SeatProgress, "seat" | "invite" | "replacedInvites">[];
}

function invitesInstead({ chainId, registry, round }: KeyFileTarget): string {
  const path = cliInvitesPath(chainId, registry, round.roundId);
  return `load ${path} instead`;
}

function escrowInstead({ chainId, registry, round }: KeyFileTarget): string {
  const folder = cliInvitesPath(chainId, registry, round.roundId).replace(
    /invites\.json$/,
    "",
  );
  return (
    `load jurybox-round-${round.roundId}-escrow-key.json (the console's ` +
    `download) or ${folder}escrow.json instead`
  );
}

/**
 * Checks the round named inside a key file (the console's escrow download
 * and each URL of invites.json carry one) against the round on screen.
 */
function checkFileRound(
  name: string,
  target: KeyFileTarget,
  found: { chainId: number; registry: string; roundId: bigint },
  instead: string,
): void {
  const { chainId, registry, round } = target;
  if (found.chainId !== chainId) {
    throw new KeyFileError(
      name,
      `is for chain id ${found.chainId}, not chain id ${chainId}; ${instead}`,
    );
  }
  if (found.registry.toLowerCase() !== registry.toLowerCase()) {
    throw new KeyFileError(
      name,
      `is for registry ${found.registry}, not registry ${registry}; ${instead}`,
    );
  }
  if (found.roundId !== round.roundId) {
    throw new KeyFileError(
      name,
      `is for round ${found.roundId}, not round ${round.roundId}; ${instead}`,
    );
  }
}

/**
 * Reads the round of a file field that is a tablet URL
 * (`…#/e/<chainId>/<registry>/<roundId>/<seat>/<key>`), or undefined when
 * the URL has no such fragment.
 */
function roundOfUrl(url: string) {
  const route = parseHash(url.slice(Math.max(url.indexOf("#"), 0)));
  return route.name === "evaluator" ? route : undefined;
}

/**
 * Reads the CLI's invites.json: `[{ "seat": 0, "invitePrivateKey": "0x…",
 * "inviteAddress"?, "url"? }, …]`. Each key's address must be the seat's
 * invite on chain, current or replaced, and each URL must name this chain,
 * registry, round and seat. Returns the keys by seat.
 */
export function readInvitesFile(
  name: string,
  text: string,
  target: KeyFileTarget,
): Hex[] {
  const { round } = target;
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
    inviteAddress?: unknown;
    url?: unknown;
  }[]) {
    const seat = entry?.seat;
    if (
      typeof seat !== "number" ||
      !Number.isInteger(seat) ||
      seat < 0 ||
      seat >= round.invites.length ||
      !isKey(entry.invitePrivateKey)
    ) {
      throw new KeyFileError(
        name,
        "has an entry without a valid seat and invitePrivateKey",
      );
    }
    const key = entry.invitePrivateKey;
    if (typeof entry.url === "string") {
      const linked = roundOfUrl(entry.url);
      if (linked) {
        checkFileRound(name, target, linked, invitesInstead(target));
        if (linked.seat !== seat || linked.inviteKey !== key) {
          throw new KeyFileError(
            name,
            `lists seat ${seat + 1} with a URL of another seat or key; load the file that jurybox round create wrote, unedited`,
          );
        }
      }
    }
    const address = privateKeyToAddress(key).toLowerCase();
    if (
      typeof entry.inviteAddress === "string" &&
      entry.inviteAddress.toLowerCase() !== address
    ) {
      throw new KeyFileError(
        name,
        `lists for seat ${seat + 1} an inviteAddress that is not the address of its invitePrivateKey`,
      );
    }
    const onChain = target.seats.find((item) => item.seat === seat);
    const known = onChain
      ? [onChain.invite, ...onChain.replacedInvites]
      : [round.invites[seat]];
    if (!known.some((invite) => invite.toLowerCase() === address)) {
      throw new KeyFileError(
        name,
        `has for seat ${seat + 1} an invite key (address ${address}) that was never this seat's invite in round ${round.roundId}, so it belongs to another round; ${invitesInstead(target)}`,
      );
    }
    keys[seat] = key;
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

/**
 * Returns whether this browser keeps the private key of the seat's current
 * invite on chain.
 */
export function hasCurrentKey(
  secrets: RoundSecrets | null,
  seat: Pick<SeatProgress, "seat" | "invite">,
): boolean {
  const key = secrets?.inviteKeys[seat.seat];
  return (
    typeof key === "string" &&
    privateKeyToAddress(key).toLowerCase() === seat.invite.toLowerCase()
  );
}

/**
 * Merges imported keys into what this browser already keeps of the round.
 * A seat keeps its stored key when that key is the seat's current invite on
 * chain (a seat reissued in this browser), so an older invites.json cannot
 * replace it.
 */
export function mergeSecrets(
  current: RoundSecrets | null,
  change: { inviteKeys?: Hex[]; escrowPrivateKey?: Hex },
  seats: readonly Pick<SeatProgress, "seat" | "invite">[] = [],
): RoundSecrets {
  const stored = current?.inviteKeys ?? [];
  const inviteKeys = change.inviteKeys
    ? change.inviteKeys.map((key, seat) => {
        const onChain = seats.find((item) => item.seat === seat);
        return onChain && hasCurrentKey(current, onChain) ? stored[seat] : key;
      })
    : stored;
  return {
    inviteKeys,
    escrowPrivateKey: change.escrowPrivateKey ?? current?.escrowPrivateKey,
    escrowSaved: true,
  };
}
