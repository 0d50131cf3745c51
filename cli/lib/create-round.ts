import {
  parseEventLogs,
  type Address,
  type LocalAccount,
  type TransactionReceipt,
} from "viem";

import { toRoundParams, type RoundDefinition } from "../../core/index.ts";
import type { ChainConnection } from "./chain-client.ts";
import { registryAbi } from "./registry-abi.ts";
import {
  seatLabel,
  generateRoundKeys,
  inviteUrl,
  roundFolder,
  stageRoundKeys,
  type RoundKeys,
  type SeatInvite,
} from "./round-keys.ts";
import { sendContract } from "./send.ts";

/** A registry on one chain. */
export interface RegistrySession {
  connection: ChainConnection;
  registry: Address;
}

export interface CreatedRound {
  roundId: bigint;
  receipt: TransactionReceipt;
  keys: RoundKeys;
  invites: SeatInvite[];
  /** The folder with the invites and the escrow key, when they were saved. */
  folder: string | null;
}

export interface CreateRoundOptions {
  /** Origin of the app whose evaluator route the invite URLs open. */
  appUrl: string;
  /** True to save the keys under .jurybox/rounds/; `simulate` keeps them in memory. */
  saveKeys: boolean;
  now?: Date;
}

/**
 * Generates the round's invite and escrow keys, sends createRound from the
 * administrator's key and returns the new round id. With `saveKeys`, the
 * keys are written to a private folder before sending, so they survive a
 * crash between sending and printing.
 */
export async function createRound(
  session: RegistrySession,
  admin: LocalAccount,
  round: RoundDefinition,
  options: CreateRoundOptions,
): Promise<CreatedRound> {
  const { connection, registry } = session;
  const keys = generateRoundKeys(round.evaluators);
  const params = toRoundParams(round, {
    invites: keys.invites.map((invite) => invite.address),
    escrowPublicKey: keys.escrow.publicKey,
    now: options.now,
  });

  const staged = options.saveKeys ? await stageRoundKeys(keys) : null;
  let receipt: TransactionReceipt;
  try {
    receipt = await sendContract(connection, admin, {
      address: registry,
      abi: registryAbi,
      functionName: "createRound",
      args: [params],
    });
  } catch (error) {
    await staged?.discard();
    throw error;
  }

  const [created] = parseEventLogs({
    abi: registryAbi,
    eventName: "RoundCreated",
    logs: receipt.logs,
  }) as unknown as { args: { roundId: bigint } }[];
  const roundId = created.args.roundId;
  const invites = keys.invites.map((invite) => ({
    seat: invite.seat,
    label: seatLabel(invite.seat),
    inviteAddress: invite.address,
    invitePrivateKey: invite.privateKey,
    url: inviteUrl(
      options.appUrl,
      connection.chainId,
      registry,
      roundId,
      invite,
    ),
  }));

  let folder: string | null = null;
  if (staged) {
    folder = roundFolder(connection.chainId, registry, roundId);
    await staged.commit(folder, invites, {
      chainId: connection.chainId,
      registry,
      roundId: roundId.toString(),
      title: params.title,
      referenceNumber: params.referenceNumber,
      transactionHash: receipt.transactionHash,
      blockNumber: Number(receipt.blockNumber),
      escrowPublicKey: keys.escrow.publicKey,
    });
  }
  return { roundId, receipt, keys, invites, folder };
}
