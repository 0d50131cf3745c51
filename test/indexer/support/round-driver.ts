import { readFile } from "node:fs/promises";
import { join } from "node:path";

import type { Hex, LocalAccount, TransactionReceipt } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";

import {
  caseSheetComments,
  caseSheetScores,
  hashReason,
  juryboxDomain,
  juryboxTypedData,
  parseCaseFile,
  type CaseFile,
  type RoundDefinition,
} from "../../../core/index.ts";
import {
  createRound,
  type RegistrySession,
} from "../../../cli/lib/create-round.ts";
import { registryAbi } from "../../../cli/lib/registry-abi.ts";
import type { RoundKeys } from "../../../cli/lib/round-keys.ts";
import {
  claimSeat,
  commitSheet,
  revealSheet,
  type SealedSheet,
} from "../../../cli/lib/seat-actions.ts";
import { sendContract } from "../../../cli/lib/send.ts";
import { PROJECT_ROOT } from "./test-chain.ts";

/** Reads a published case from test/vectors, e.g. "case-psat-2023-q18". */
export async function readCase(name: string): Promise<CaseFile> {
  const file = join(PROJECT_ROOT, "test", "vectors", `${name}.json`);
  return parseCaseFile(JSON.parse(await readFile(file, "utf8")));
}

/** A sheet of one seat: flat hundredths and one comment per bidder. */
export interface Sheet {
  scores: number[];
  comments: string[];
}

/** Returns the sheets of a case file, seat by seat. */
export function caseSheets(caseFile: CaseFile): Sheet[] {
  const scores = caseSheetScores(caseFile);
  const comments = caseSheetComments(caseFile);
  return scores.map((flat, seat) => ({
    scores: flat,
    comments: comments[seat],
  }));
}

/**
 * Drives one round through the registry as the tablets and the
 * administrator do: every device key is fresh and sends its own
 * zero-gas transactions.
 */
export class RoundDriver {
  readonly session: RegistrySession;
  readonly admin: LocalAccount;
  readonly roundId: bigint;
  readonly keys: RoundKeys;
  readonly invites: LocalAccount[];
  readonly devices = new Map<number, LocalAccount>();
  readonly sealed = new Map<number, SealedSheet>();

  private constructor(
    session: RegistrySession,
    admin: LocalAccount,
    roundId: bigint,
    keys: RoundKeys,
  ) {
    this.session = session;
    this.admin = admin;
    this.roundId = roundId;
    this.keys = keys;
    this.invites = keys.invites.map((key) =>
      privateKeyToAccount(key.privateKey),
    );
  }

  static async create(
    session: RegistrySession,
    admin: LocalAccount,
    round: RoundDefinition,
  ): Promise<RoundDriver> {
    const created = await createRound(session, admin, round, {
      appUrl: "http://127.0.0.1",
      saveKeys: false,
    });
    return new RoundDriver(session, admin, created.roundId, created.keys);
  }

  /** Claims a seat with its current invite and a fresh device key. */
  async claim(seat: number): Promise<void> {
    const device = privateKeyToAccount(generatePrivateKey());
    await claimSeat(
      this.session,
      this.roundId,
      seat,
      this.invites[seat],
      device,
    );
    this.devices.set(seat, device);
  }

  /** Gives a seat a fresh invite key from the administrator. */
  async reissue(seat: number): Promise<void> {
    const invite = privateKeyToAccount(generatePrivateKey());
    await this.sendAsAdmin("reissueSeat", [this.roundId, seat, invite.address]);
    this.invites[seat] = invite;
    this.devices.delete(seat);
  }

  /** Recuses a claimed seat; its device signs the reason. */
  async recuse(seat: number, reason: string): Promise<void> {
    const device = this.deviceOf(seat);
    const domain = juryboxDomain(
      this.session.connection.chainId,
      this.session.registry,
    );
    const signature = await device.signTypedData(
      juryboxTypedData(domain, "Recusal", {
        roundId: this.roundId,
        seat,
        reasonHash: hashReason(reason),
      }),
    );
    await this.send(device, "recuse", [this.roundId, seat, reason, signature]);
  }

  /** Commits (or re-commits) a sheet with a fresh salt and an escrow copy. */
  async commit(seat: number, sheet: Sheet): Promise<void> {
    const sealed = await commitSheet(
      this.session,
      this.roundId,
      seat,
      this.deviceOf(seat),
      sheet,
      this.keys.escrow.publicKey,
    );
    this.sealed.set(seat, sealed);
  }

  /** Reveals the latest committed sheet of a seat from its device. */
  async reveal(seat: number): Promise<TransactionReceipt> {
    const sealed = this.sealed.get(seat);
    if (sealed === undefined) throw new Error(`Seat ${seat} has no sheet.`);
    return revealSheet(
      this.session,
      this.roundId,
      seat,
      this.deviceOf(seat),
      sealed,
    );
  }

  async cancel(reason: string): Promise<void> {
    await this.sendAsAdmin("cancelRound", [this.roundId, reason]);
  }

  private deviceOf(seat: number): LocalAccount {
    const device = this.devices.get(seat);
    if (device === undefined) throw new Error(`Seat ${seat} is not claimed.`);
    return device;
  }

  private sendAsAdmin(functionName: string, args: readonly unknown[]) {
    return this.send(this.admin, functionName, args);
  }

  private send(
    account: LocalAccount,
    functionName: string,
    args: readonly unknown[],
  ): Promise<TransactionReceipt> {
    return sendContract(this.session.connection, account, {
      address: this.session.registry,
      abi: registryAbi,
      functionName,
      args,
    });
  }
}
