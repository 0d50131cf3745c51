import type { Command } from "commander";
import { getAddress, isAddress, type Address, type Hex } from "viem";

import { loadAdminAccount } from "../lib/admin-key.ts";
import { connectRpc } from "../lib/chain-client.ts";
import { InvalidArgumentError } from "../lib/errors.ts";
import { readOptions } from "../lib/options.ts";
import { registryAbi } from "../lib/registry-abi.ts";
import { resolveRegistry } from "../lib/registry-address.ts";
import { sendContract } from "../lib/send.ts";
import { printJson } from "../output/json.ts";

export function defineGrantAdmin(program: Command): void {
  program
    .command("grant-admin")
    .argument("<address>", "account that may create rounds from now on")
    .description(
      "grant ROUND_ADMIN_ROLE on the registry, signed by the local admin key",
    )
    .action(async (address: string, _options: object, command: Command) => {
      await runGrantAdmin(address, command);
    });
}

async function runGrantAdmin(text: string, command: Command): Promise<void> {
  const options = readOptions(command);
  if (!isAddress(text, { strict: false })) {
    throw new InvalidArgumentError("address", text, "a 0x address");
  }
  const account = getAddress(text);

  const connection = await connectRpc(options.rpc);
  const session = await resolveRegistry(connection, options.registry);
  const admin = await loadAdminAccount(options.adminKeyFile);
  const contract = { address: session.registry, abi: registryAbi } as const;
  const role = await connection.client.readContract({
    ...contract,
    functionName: "ROUND_ADMIN_ROLE",
  });
  const alreadyHeld = await connection.client.readContract({
    ...contract,
    functionName: "hasRole",
    args: [role, account],
  });
  let transactionHash: Hex | null = null;
  if (!alreadyHeld) {
    const receipt = await sendContract(connection, admin, {
      ...contract,
      functionName: "grantRole",
      args: [role, account],
    });
    transactionHash = receipt.transactionHash;
  }

  if (options.json) {
    printJson({
      account,
      role,
      registry: session.registry,
      granted: !alreadyHeld,
      transactionHash,
    });
    return;
  }
  process.stdout.write(describe(account, session.registry, transactionHash));
}

function describe(
  account: Address,
  registry: Address,
  transactionHash: Hex | null,
): string {
  if (transactionHash === null) {
    return `${account} already holds ROUND_ADMIN_ROLE on ${registry}; nothing was sent.\n`;
  }
  return (
    `Granted ROUND_ADMIN_ROLE on ${registry} to ${account} ` +
    `(transaction ${transactionHash}).\n`
  );
}
