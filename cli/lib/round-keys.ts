import { randomBytes } from "node:crypto";
import { chmod, mkdir, rename, rm, rmdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";

import type { Address, Hex } from "viem";
import { generatePrivateKey, privateKeyToAddress } from "viem/accounts";

import { generateEscrowKey, type EscrowKey } from "../../core/index.ts";

/** A seat's one-time invite key; its address goes on chain. */
export interface InviteKey {
  seat: number;
  privateKey: Hex;
  address: Address;
}

export interface RoundKeys {
  invites: InviteKey[];
  escrow: EscrowKey;
}

/** Generates one invite key per seat and a fresh escrow key pair. */
export function generateRoundKeys(seats: number): RoundKeys {
  const invites = Array.from({ length: seats }, (_, seat) => {
    const privateKey = generatePrivateKey();
    return { seat, privateKey, address: privateKeyToAddress(privateKey) };
  });
  return { invites, escrow: generateEscrowKey() };
}

/** Returns the folder of a round's keys and invites, under the working folder. */
export function roundFolder(
  chainId: number,
  registry: Address,
  roundId: bigint,
): string {
  return resolve(
    ".jurybox",
    "rounds",
    `${chainId}-${registry.toLowerCase()}-${roundId}`,
  );
}

/**
 * Returns the name a seat has on screen and on its QR label. Seats are
 * numbered from 0 on chain and from 1 for people ("좌석 1" is seat 0).
 */
export function seatLabel(seat: number): string {
  return `좌석 ${seat + 1}`;
}

export interface SeatInvite {
  seat: number;
  /** The seat's name on screen and on its QR label, e.g. "좌석 1". */
  label: string;
  inviteAddress: Address;
  invitePrivateKey: Hex;
  url: string;
}

/** Builds the tablet URL of the app's evaluator route for one seat. */
export function inviteUrl(
  appUrl: string,
  chainId: number,
  registry: Address,
  roundId: bigint,
  invite: InviteKey,
): string {
  const base = appUrl.replace(/\/+$/, "");
  return (
    `${base}/#/e/${chainId}/${registry}/${roundId}/` +
    `${invite.seat}/${invite.privateKey}`
  );
}

/**
 * Writes the keys into a private staging folder before the round exists,
 * so a crash after createRound cannot lose them. `commit` adds the URLs and
 * renames the folder once the round id is known; `discard` removes it when
 * nothing was created.
 */
export async function stageRoundKeys(keys: RoundKeys): Promise<{
  commit: (
    folder: string,
    invites: SeatInvite[],
    round: object,
  ) => Promise<void>;
  discard: () => Promise<void>;
}> {
  const staging = resolve(
    ".jurybox",
    "rounds",
    `pending-${Date.now()}-${randomBytes(4).toString("hex")}`,
  );
  await mkdir(staging, { recursive: true, mode: 0o700 });
  await chmod(staging, 0o700);
  await writePrivate(join(staging, "escrow.json"), keys.escrow);
  await writePrivate(
    join(staging, "invites.json"),
    keys.invites.map((invite) => ({
      seat: invite.seat,
      inviteAddress: invite.address,
      invitePrivateKey: invite.privateKey,
    })),
  );

  return {
    async commit(folder, invites, round) {
      await writePrivate(join(staging, "invites.json"), invites);
      await writePrivate(join(staging, "round.json"), round);
      await moveAside(folder);
      await rename(staging, folder);
    },
    async discard() {
      await rm(staging, { recursive: true, force: true });
      // Leaves no empty rounds folder behind when this was the first round.
      await rmdir(dirname(staging)).catch(() => undefined);
    },
  };
}

/**
 * Renames an existing folder of the same round out of the way. That happens
 * only after the chain was reset and the registry redeployed at the same
 * address, and the old keys may still be needed for its records.
 */
async function moveAside(folder: string): Promise<void> {
  try {
    await rename(folder, `${folder}.replaced-${Date.now()}`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

async function writePrivate(path: string, value: unknown): Promise<void> {
  await writeFile(path, JSON.stringify(value, null, 2) + "\n", {
    mode: 0o600,
  });
  await chmod(path, 0o600);
}
