import type { Command } from "commander";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";

import { loadAdminAccount } from "../lib/admin-key.ts";
import { connectRpc } from "../lib/chain-client.ts";
import { readOptions, rpcWasGiven } from "../lib/options.ts";
import { resolveRegistry } from "../lib/registry-address.ts";
import { readRoundFile } from "../lib/round-file.ts";
import { simulateRound } from "../lib/simulate-round.ts";
import { printJson } from "../output/json.ts";
import { renderResult } from "../output/result.ts";

export function defineSimulate(program: Command): void {
  program
    .command("simulate")
    .argument("<case>", "case file: a round file plus one sheet per seat")
    .description(
      "run a case file through a whole round (claim, commit, close, " +
        "reveal, finalise) and print the result the chain computed; on a " +
        "fresh in-process chain unless --rpc is given",
    )
    .action(async (file: string, _options: object, command: Command) => {
      await runSimulate(file, command);
    });
}

async function runSimulate(file: string, command: Command): Promise<void> {
  const options = readOptions(command);
  const progress = (line: string) => {
    if (!options.json) process.stdout.write(`• ${line}\n`);
  };
  const caseFile = await readRoundFile(file, "case");

  if (rpcWasGiven(command)) {
    const connection = await connectRpc(options.rpc);
    const session = await resolveRegistry(connection, options.registry);
    const admin = await loadAdminAccount(options.adminKeyFile);
    progress(
      `Using registry ${session.registry} on chain ${connection.chainId} ` +
        `at ${options.rpc}`,
    );
    const result = await simulateRound(session, admin, caseFile, progress);
    print(result, options.json);
    return;
  }

  // Loaded here because Hardhat and Ignition take a while to import.
  const { startInProcessChain } = await import("../lib/in-process-chain.ts");
  const admin = privateKeyToAccount(generatePrivateKey());
  progress("Starting an in-process Hardhat chain (chain id 1337, zero gas)");
  const chain = await startInProcessChain(admin.address, progress);
  try {
    progress(`Deployed the registry at ${chain.session.registry}`);
    const result = await simulateRound(
      chain.session,
      admin,
      caseFile,
      progress,
    );
    print(result, options.json);
  } finally {
    await chain.close();
  }
}

function print(
  result: Parameters<typeof renderResult>[0],
  json: boolean | undefined,
): void {
  if (json) printJson(result);
  else process.stdout.write("\n" + renderResult(result) + "\n");
}
