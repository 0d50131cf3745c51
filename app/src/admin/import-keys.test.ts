import { join, resolve } from "node:path";

import { describe, expect, test } from "vitest";
import { generatePrivateKey, privateKeyToAddress } from "viem/accounts";

import { roundFolder } from "../../../cli/lib/round-keys.ts";

import { generateEscrowKey } from "../../../core/escrow.ts";
import { initialProgress } from "../chain/progress.ts";
import type { RoundInfo } from "../chain/round.ts";
import { evaluatorHash } from "../lib/route.ts";
import {
  KeyFileError,
  cliInvitesPath,
  hasCurrentKey,
  mergeSecrets,
  readEscrowKeyFile,
  readInvitesFile,
  type KeyFileTarget,
} from "./import-keys.ts";

const REGISTRY = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const OTHER_REGISTRY = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";
const escrow = generateEscrowKey();
const inviteKeys = [generatePrivateKey(), generatePrivateKey()];
const invites = inviteKeys.map((key) => privateKeyToAddress(key));
const round = {
  roundId: 3n,
  escrowPublicKey: escrow.publicKey,
  invites,
} as unknown as RoundInfo;
const target: KeyFileTarget = {
  chainId: 1337,
  registry: REGISTRY,
  round,
  seats: initialProgress(invites, 1n).seats,
};

/** Builds invites.json as `jurybox round create` writes it. */
function cliInvites(
  keys: `0x${string}`[],
  locator: { chainId: number; registry: `0x${string}`; roundId: bigint } = {
    chainId: 1337,
    registry: REGISTRY,
    roundId: 3n,
  },
): string {
  return JSON.stringify(
    keys.map((key, seat) => ({
      seat,
      label: `좌석 ${seat + 1}`,
      inviteAddress: privateKeyToAddress(key),
      invitePrivateKey: key,
      url: `http://127.0.0.1:5173/${evaluatorHash({ ...locator, seat }, key)}`,
    })),
  );
}

describe("key files", () => {
  test("reads both escrow key file shapes", () => {
    const download = JSON.stringify({ escrowPrivateKey: escrow.privateKey });
    const cli = JSON.stringify(escrow);
    expect(readEscrowKeyFile("a.json", download, target)).toBe(
      escrow.privateKey,
    );
    expect(readEscrowKeyFile("b.json", cli, target)).toBe(escrow.privateKey);
  });

  test("rejects another round's escrow key", () => {
    const other = JSON.stringify(generateEscrowKey());
    expect(() => readEscrowKeyFile("c.json", other, target)).toThrow(
      /another round/,
    );
    expect(() => readEscrowKeyFile("d.json", "{", target)).toThrow(
      KeyFileError,
    );
  });

  test("reads invites.json by seat", () => {
    const file = JSON.stringify([
      { seat: 1, invitePrivateKey: inviteKeys[1] },
      { seat: 0, invitePrivateKey: inviteKeys[0] },
    ]);
    expect(readInvitesFile("invites.json", file, target)).toEqual(inviteKeys);
  });

  test("reads the CLI's invites.json", () => {
    const file = cliInvites(inviteKeys);
    expect(readInvitesFile("invites.json", file, target)).toEqual(inviteKeys);
  });

  test("rejects an incomplete invites.json", () => {
    const file = JSON.stringify([{ seat: 0, invitePrivateKey: inviteKeys[0] }]);
    expect(() => readInvitesFile("invites.json", file, target)).toThrow(
      /all 2 seats/,
    );
  });

  test("merge keeps a reissued seat's key", () => {
    const reissued = generatePrivateKey();
    const seats = initialProgress(invites, 1n).seats;
    seats[1] = {
      ...seats[1],
      invite: privateKeyToAddress(reissued),
      replacedInvites: [invites[1]],
    };
    const merged = mergeSecrets(
      { inviteKeys: [null, reissued], escrowSaved: true },
      { inviteKeys },
      seats,
    );
    expect(merged.inviteKeys).toEqual([inviteKeys[0], reissued]);
    expect(hasCurrentKey(merged, seats[0])).toBe(true);
    expect(hasCurrentKey(merged, seats[1])).toBe(true);
  });

  test("merge keeps what is already there", () => {
    const merged = mergeSecrets(
      { inviteKeys: ["0xaa"], escrowSaved: false },
      { escrowPrivateKey: escrow.privateKey },
    );
    expect(merged).toEqual({
      inviteKeys: ["0xaa"],
      escrowPrivateKey: escrow.privateKey,
      escrowSaved: true,
    });
  });
});

describe("key files of another round", () => {
  const instead = `load ${cliInvitesPath(1337, REGISTRY, 3n)} instead`;

  test("rejects invites.json of another chain id", () => {
    const file = cliInvites(inviteKeys, {
      chainId: 31337,
      registry: REGISTRY,
      roundId: 3n,
    });
    expect(() => readInvitesFile("invites.json", file, target)).toThrow(
      `invites.json is for chain id 31337, not chain id 1337; ${instead}.`,
    );
  });

  test("rejects invites.json of another registry", () => {
    const file = cliInvites(inviteKeys, {
      chainId: 1337,
      registry: OTHER_REGISTRY,
      roundId: 3n,
    });
    expect(() => readInvitesFile("invites.json", file, target)).toThrow(
      `invites.json is for registry ${OTHER_REGISTRY}, not registry ${REGISTRY}; ${instead}.`,
    );
  });

  test("rejects invites.json of another round", () => {
    const file = cliInvites(inviteKeys, {
      chainId: 1337,
      registry: REGISTRY,
      roundId: 2n,
    });
    expect(() => readInvitesFile("invites.json", file, target)).toThrow(
      `invites.json is for round 2, not round 3; ${instead}.`,
    );
  });

  test("rejects keys that were never the seats' invites", () => {
    const other = [generatePrivateKey(), generatePrivateKey()];
    const file = JSON.stringify(
      other.map((key, seat) => ({ seat, invitePrivateKey: key })),
    );
    expect(() => readInvitesFile("invites.json", file, target)).toThrow(
      /seat 1 an invite key \(address 0x[0-9a-f]{40}\) that was never this seat's invite in round 3/,
    );
    expect(() => readInvitesFile("invites.json", file, target)).toThrow(
      instead,
    );
  });

  test("accepts keys of replaced invites", () => {
    const reissued = generatePrivateKey();
    const seats = initialProgress(invites, 1n).seats;
    seats[0] = {
      ...seats[0],
      invite: privateKeyToAddress(reissued),
      replacedInvites: [invites[0]],
    };
    const file = cliInvites(inviteKeys);
    expect(readInvitesFile("invites.json", file, { ...target, seats })).toEqual(
      inviteKeys,
    );
  });

  test("rejects an inviteAddress of another key", () => {
    const file = JSON.stringify([
      { seat: 0, invitePrivateKey: inviteKeys[0], inviteAddress: invites[1] },
      { seat: 1, invitePrivateKey: inviteKeys[1] },
    ]);
    expect(() => readInvitesFile("invites.json", file, target)).toThrow(
      /inviteAddress that is not the address of its invitePrivateKey/,
    );
  });

  test("rejects an escrow download of another round", () => {
    const file = JSON.stringify({
      chainId: 1337,
      registry: REGISTRY,
      roundId: "4",
      escrowPrivateKey: escrow.privateKey,
    });
    expect(() => readEscrowKeyFile("key.json", file, target)).toThrow(
      /^key\.json is for round 4, not round 3; load jurybox-round-3-escrow-key\.json/,
    );
  });

  test("rejects an escrow download of another registry", () => {
    const file = JSON.stringify({
      chainId: 1337,
      registry: OTHER_REGISTRY,
      roundId: "3",
      escrowPrivateKey: escrow.privateKey,
    });
    expect(() => readEscrowKeyFile("key.json", file, target)).toThrow(
      `key.json is for registry ${OTHER_REGISTRY}, not registry ${REGISTRY}`,
    );
  });
});

describe("cliInvitesPath", () => {
  test("matches the CLI's round folder", () => {
    const registry = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    const path = cliInvitesPath(1337, registry, 12n);
    expect(path).toBe(
      ".jurybox/rounds/1337-0x5fbdb2315678afecb367f032d93f642f64180aa3-12/invites.json",
    );
    expect(resolve(path)).toBe(
      join(roundFolder(1337, registry, 12n), "invites.json"),
    );
  });
});
