import { parseEventLogs, type Address, type Hex } from "viem";
import { generatePrivateKey, privateKeyToAddress } from "viem/accounts";

import {
  generateEscrowKey,
  parseRoundFile,
  toRoundParams,
} from "../../../core/index.ts";
import { registryAbi } from "../chain/abi.ts";
import type { AdminContext } from "./AdminApp.tsx";

/** Thrown when the signed-in account may not create rounds. */
export class MissingRoundAdminRoleError extends Error {
  override name = "MissingRoundAdminRoleError";
  readonly account: Address;

  constructor(account: Address, registry: Address) {
    super(
      `Account ${account} does not hold ROUND_ADMIN_ROLE on registry ` +
        `${registry}; ask the registry's administrator to run ` +
        `\`jurybox grant-admin ${account}\`, then try again.`,
    );
    this.account = account;
  }
}

async function requireRoundAdmin(context: AdminContext): Promise<void> {
  const { client, config, signer } = context;
  const contract = { address: config.registry, abi: registryAbi } as const;
  const role = await client.readContract({
    ...contract,
    functionName: "ROUND_ADMIN_ROLE",
  });
  const allowed = await client.readContract({
    ...contract,
    functionName: "hasRole",
    args: [role, signer.address],
  });
  if (!allowed) {
    throw new MissingRoundAdminRoleError(signer.address, config.registry);
  }
}

/**
 * Creates a round from a round file. The file is checked with core's
 * schema first, so a `RoundFileError` lists every wrong field before
 * anything is sent, and an account without ROUND_ADMIN_ROLE gets a
 * `MissingRoundAdminRoleError` before any key is made. Then one invite key
 * per seat and the escrow key are
 * made and sealed in this browser, and `createRound` is sent. The keys are
 * stored before the transaction, so a page closed mid-way loses nothing.
 */
export async function createRound(
  context: AdminContext,
  roundFile: unknown,
): Promise<bigint> {
  const { client, config, store, signer } = context;
  const round = parseRoundFile(roundFile);
  await requireRoundAdmin(context);
  const inviteKeys: Hex[] = Array.from({ length: round.evaluators }, () =>
    generatePrivateKey(),
  );
  const escrow = generateEscrowKey();
  const params = toRoundParams(round, {
    invites: inviteKeys.map((key) => privateKeyToAddress(key)),
    escrowPublicKey: escrow.publicKey,
  });
  const secrets = {
    inviteKeys,
    escrowPrivateKey: escrow.privateKey,
    escrowSaved: false,
  };
  // Round 0 never exists, so its record stores the keys of a round being created.
  await store.saveSecrets(config.chainId, config.registry, 0n, secrets);

  const hash = await signer.send({
    functionName: "createRound",
    args: [params],
  });
  const receipt = await client.getTransactionReceipt({ hash });
  const [created] = parseEventLogs({
    abi: registryAbi,
    eventName: "RoundCreated",
    logs: receipt.logs,
  });
  const roundId = created.args.roundId;
  await store.saveSecrets(config.chainId, config.registry, roundId, secrets);
  return roundId;
}
