import { join, resolve } from "node:path";

import { describe, expect, test } from "vitest";
import { generatePrivateKey } from "viem/accounts";

import { roundFolder } from "../../../cli/lib/round-keys.ts";

import { generateEscrowKey } from "../../../core/escrow.ts";
import type { RoundInfo } from "../chain/round.ts";
import {
  KeyFileError,
  cliInvitesPath,
  mergeSecrets,
  readEscrowKeyFile,
  readInvitesFile,
} from "./import-keys.ts";

const escrow = generateEscrowKey();
const round = {
  roundId: 3n,
  escrowPublicKey: escrow.publicKey,
  invites: ["0x01", "0x02"],
} as unknown as RoundInfo;

describe("key files", () => {
  test("reads both escrow key file shapes", () => {
    const download = JSON.stringify({ escrowPrivateKey: escrow.privateKey });
    const cli = JSON.stringify(escrow);
    expect(readEscrowKeyFile("a.json", download, round)).toBe(
      escrow.privateKey,
    );
    expect(readEscrowKeyFile("b.json", cli, round)).toBe(escrow.privateKey);
  });

  test("rejects another round's escrow key", () => {
    const other = JSON.stringify(generateEscrowKey());
    expect(() => readEscrowKeyFile("c.json", other, round)).toThrow(
      /another round/,
    );
    expect(() => readEscrowKeyFile("d.json", "{", round)).toThrow(KeyFileError);
  });

  test("reads invites.json by seat", () => {
    const keys = [generatePrivateKey(), generatePrivateKey()];
    const file = JSON.stringify([
      { seat: 1, invitePrivateKey: keys[1] },
      { seat: 0, invitePrivateKey: keys[0] },
    ]);
    expect(readInvitesFile("invites.json", file, round)).toEqual(keys);
  });

  test("rejects an incomplete invites.json", () => {
    const file = JSON.stringify([
      { seat: 0, invitePrivateKey: generatePrivateKey() },
    ]);
    expect(() => readInvitesFile("invites.json", file, round)).toThrow(
      /all 2 seats/,
    );
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
