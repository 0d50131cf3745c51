import type { Command } from "commander";

import { readHeaviestTransaction } from "../network/gas-snapshot.ts";
import { generateNetwork, type GeneratedNetwork } from "../network/generate.ts";
import {
  DEFAULT_CHAIN_ID,
  parseNetworkOptions,
  type NetworkPlan,
  type RawNetworkOptions,
} from "../network/options.ts";
import { writeNetworkFiles } from "../network/write-output.ts";
import { readOptions } from "../lib/options.ts";
import { printJson } from "../output/json.ts";

const INIT_HELP = `
Writes the genesis, one folder per validator (private key, config.toml),
static-nodes.json, permissions_config.toml, docker-compose.yml and
RUNBOOK.md. Keys are generated now and never leave the output folder;
move each node-N folder to its validator's host. Besu is not started.

Example:
  jurybox network init --validators 4 --block-period 1 --out besu-network`;

export function defineNetwork(program: Command): void {
  const network = program
    .command("network")
    .description("generate the production Besu QBFT network");

  network
    .command("init")
    .description(
      "generate keys and Besu configuration for a zero-fee QBFT network",
    )
    .requiredOption(
      "--validators <count>",
      "number of validators; 4 or more tolerate a faulty one",
    )
    .requiredOption(
      "--block-period <seconds>",
      "seconds between blocks, a whole number; 1 or 2 suit Jurybox",
    )
    .requiredOption("--out <folder>", "new or empty folder to write into")
    .option("--chain-id <id>", "chain id", String(DEFAULT_CHAIN_ID))
    .option(
      "--gas-limit <gas>",
      "block gas limit, decimal or 0x hex (default: 30000000, or the " +
        "heaviest transaction in gas-snapshot.json if larger)",
    )
    .option(
      "--bootnode-host <address...>",
      "IPv4 address at which each node is reached, in node order, or one " +
        "address for all (default: every node in Docker on this host)",
    )
    .option(
      "--rpc-node <number>",
      "node whose JSON-RPC the app server uses",
      "1",
    )
    .option(
      "--rpc-host <address>",
      "IPv4 interface the RPC node's JSON-RPC listens on; the other nodes " +
        "listen on 127.0.0.1",
      "127.0.0.1",
    )
    .option(
      "--account <address...>",
      "round administrator to put in the accounts allowlist (repeatable)",
    )
    .option(
      "--deployer <address>",
      "deployer account for the allowlist (default: generate a deployer key)",
    )
    .option(
      "--account-permissioning",
      "enforce the accounts allowlist; this rejects evaluator tablets, " +
        "see RUNBOOK.md",
    )
    .option(
      "--force",
      "write into a non-empty folder, replacing generated files and keys",
    )
    .addHelpText("after", INIT_HELP)
    .action(async (_options: object, command: Command) => {
      await runInit(command);
    });
}

async function runInit(command: Command): Promise<void> {
  const options = readOptions<RawNetworkOptions>(command);
  const heaviest = readHeaviestTransaction();
  const { plan, warnings } = parseNetworkOptions(options, heaviest);
  for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
  const generated = generateNetwork(plan, { heaviest });
  await writeNetworkFiles(plan.outDir, generated.files, plan.force);

  if (options.json) {
    printJson(networkJson(plan, generated, warnings));
    return;
  }
  process.stdout.write(describe(plan, generated));
}

function networkJson(
  plan: NetworkPlan,
  generated: GeneratedNetwork,
  warnings: string[],
) {
  return {
    outDir: plan.outDir,
    chainId: plan.chainId,
    blockPeriodSeconds: plan.blockPeriodSeconds,
    gasLimit: plan.gasLimit.toString(),
    rpcUrl: generated.rpcUrl,
    deployer: generated.deployer,
    deployerKeyGenerated: generated.deployerKeyGenerated,
    accountPermissioning: plan.accountPermissioning,
    nodes: generated.nodes.map((node) => ({
      name: node.name,
      address: node.key.address,
      enode: node.enode,
      rpc: `${node.rpcHttpHost}:${node.rpcPort}`,
      rpcNode: node.isRpcNode,
    })),
    warnings,
  };
}

function describe(plan: NetworkPlan, generated: GeneratedNetwork): string {
  const lines = [
    `Wrote a ${plan.validators}-validator QBFT network to ${plan.outDir}`,
    `  chain id ${plan.chainId}, a block every ${plan.blockPeriodSeconds} s, ` +
      `gas limit ${plan.gasLimit.toLocaleString("en-US")}, zero fees`,
  ];
  for (const node of generated.nodes) {
    const role = node.isRpcNode ? `  RPC ${generated.rpcUrl}` : "";
    lines.push(
      `  ${node.name}  ${node.key.address}  ${node.p2pHost}:${node.p2pPort}${role}`,
    );
  }
  const keyNote = generated.deployerKeyGenerated
    ? " (key in deployer/key)"
    : "";
  lines.push(
    `  deployer ${generated.deployer}${keyNote}`,
    "",
    "Each node-N/data/key is a validator's private key: move each node-N",
    `folder to its host, then follow ${plan.outDir}/RUNBOOK.md.`,
  );
  return `${lines.join("\n")}\n`;
}
