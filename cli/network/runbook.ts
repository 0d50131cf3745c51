import { readFileSync } from "node:fs";

import type { Address } from "viem";

import { BESU_IMAGE } from "./compose.ts";
import type { HeaviestTransaction } from "./gas-snapshot.ts";
import { EPOCH_LENGTH } from "./genesis.ts";
import { COMPOSE_SUBNET, type NodeLayout } from "./layout.ts";
import { TX_POOL_ACCOUNT_SHARE, TX_POOL_MAX_SIZE } from "./node-config.ts";
import type { NetworkPlan } from "./options.ts";

const TEMPLATE_URL = new URL("./RUNBOOK.template.md", import.meta.url);

/** Facts for the runbook beyond the plan and the node layout. */
export interface RunbookFacts {
  deployer: Address;
  deployerKeyGenerated: boolean;
  heaviest: HeaviestTransaction | undefined;
  generatedAt: Date;
}

/** Validators that must be online for QBFT to add blocks: ceil(2n / 3). */
export function quorumSize(validators: number): number {
  return Math.ceil((2 * validators) / 3);
}

/** Faulty validators the network tolerates: floor((n - 1) / 3). */
export function toleratedFaults(validators: number): number {
  return Math.floor((validators - 1) / 3);
}

/** Returns the URL of the RPC node's JSON-RPC for clients to use. */
export function rpcUrl(plan: NetworkPlan, nodes: readonly NodeLayout[]) {
  const node = nodes[plan.rpcNode - 1];
  const host = plan.rpcHost === "0.0.0.0" ? "127.0.0.1" : plan.rpcHost;
  return `http://${host}:${node.rpcPort}`;
}

/**
 * Fills the runbook template's {{NAME}} placeholders. Throws when the
 * template names a placeholder without a value, so a renamed value cannot
 * leave braces in the output.
 */
export function fillTemplate(
  template: string,
  values: Record<string, string>,
): string {
  return template.replace(/\{\{([A-Z_]+)\}\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) {
      throw new Error(
        `The runbook template uses {{${name}}}, which has no value.`,
      );
    }
    return value;
  });
}

/** Renders RUNBOOK.md for the generated network. */
export function renderRunbook(
  plan: NetworkPlan,
  nodes: readonly NodeLayout[],
  facts: RunbookFacts,
): string {
  const template = readFileSync(TEMPLATE_URL, "utf8");
  return fillTemplate(template, runbookValues(plan, nodes, facts));
}

function runbookValues(
  plan: NetworkPlan,
  nodes: readonly NodeLayout[],
  facts: RunbookFacts,
): Record<string, string> {
  const url = rpcUrl(plan, nodes);
  return {
    GENERATED_AT: facts.generatedAt.toISOString(),
    CHAIN_ID: String(plan.chainId),
    CHAIN_ID_HEX: `0x${plan.chainId.toString(16)}`,
    VALIDATORS: String(plan.validators),
    BLOCK_PERIOD: String(plan.blockPeriodSeconds),
    GAS_LIMIT: plan.gasLimit.toLocaleString("en-US"),
    BESU_IMAGE,
    NODE_TABLE: nodeTable(nodes),
    QUORUM: String(quorumSize(plan.validators)),
    FAULTS: String(toleratedFaults(plan.validators)),
    TOPOLOGY: topology(plan),
    START_COMMANDS: startCommands(plan),
    RPC_URL: url,
    PEERS_HEX: `0x${(plan.validators - 1).toString(16)}`,
    VALIDATOR_LIST: nodes
      .map((node) => `- \`${node.key.address}\` (${node.name})`)
      .join("\n"),
    DEPLOYER: `\`${facts.deployer}\``,
    DEPLOYER_KEY_NOTE: facts.deployerKeyGenerated
      ? `\n\`deployer/key\` is the private key of the deployer account ` +
        `\`${facts.deployer}\`, which becomes the registry's admin. Treat ` +
        "it the same way."
      : "",
    DEPLOYER_SOURCE: facts.deployerKeyGenerated
      ? "Its key is in `deployer/key`; delete that file once the key is " +
        "in the keystore and in the offline backup."
      : "Its key was not generated here: use the key you hold for it.",
    CHAIN_ID_NOTE: chainIdNote(plan.chainId),
    ACCOUNT_PERMISSIONING_STATE: plan.accountPermissioning
      ? "on. Evaluator tablets cannot send transactions to it"
      : "off",
    TX_POOL_MAX_SIZE: TX_POOL_MAX_SIZE.toLocaleString("en-US"),
    TX_POOL_SHARE: String(TX_POOL_ACCOUNT_SHARE * 100),
    EPOCH_LENGTH: EPOCH_LENGTH.toLocaleString("en-US"),
    HEAVIEST_NOTE: heaviestNote(facts.heaviest),
  };
}

function nodeTable(nodes: readonly NodeLayout[]): string {
  const rows = nodes.map((node) => {
    const rpc = `${node.rpcHttpHost}:${node.rpcPort}`;
    const role = node.isRpcNode ? " (RPC node)" : "";
    return (
      `| ${node.name}${role} | \`${node.key.address}\` | ` +
      `${node.p2pHost}:${node.p2pPort} | ${rpc} | ` +
      `127.0.0.1:${node.metricsPort} |`
    );
  });
  return [
    "| node | validator address | P2P (enode host:port) | JSON-RPC | metrics |",
    "|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}

function topology(plan: NetworkPlan): string {
  if (plan.hosts === undefined) {
    return (
      `All nodes run on one Docker host, in the bridge network ` +
      `${COMPOSE_SUBNET} at the P2P addresses above; only the published ` +
      "JSON-RPC and metrics ports in the table reach the host. One host " +
      "means one operator and one machine that can fail: use this layout " +
      "for a trial or a single agency, and generate the network with " +
      "`--bootnode-host` (one host per validator) for the fault tolerance " +
      "above to be real."
    );
  }
  return (
    "Each node runs on the host in its P2P column. Open each node's P2P " +
    "port (TCP; discovery is off, so no UDP) to the other validators' " +
    "hosts only, and the RPC node's JSON-RPC port to the app server only."
  );
}

function startCommands(plan: NetworkPlan): string {
  if (plan.hosts === undefined) {
    return [
      "",
      "   ```bash",
      "   docker compose up -d",
      "   docker compose ps",
      "   docker compose logs -f node-1",
      "   ```",
      "",
    ].join("\n");
  }
  return [
    "",
    "   With Docker, put `docker-compose.yml`, `.env` and the `node-N` folder",
    "   in one folder on the host of node N and run",
    "   `docker compose up -d node-N`. With Besu installed, run",
    "   `besu --config-file=config.toml` from the `node-N` folder (for",
    "   example as a systemd service).",
    "",
  ].join("\n");
}

function chainIdNote(chainId: number): string {
  if (chainId !== 1337 && chainId !== 31337) return "";
  return (
    `> Chain id ${chainId} is also used by the embedded development chain ` +
    "or by Hardhat's own network. Ignition and the `jurybox` command keep " +
    `deployments in \`ignition/deployments/chain-${chainId}\`, so deploy ` +
    "from a checkout that never deployed to a local chain, or generate the " +
    "network again with a `--chain-id` of its own.\n"
  );
}

function heaviestNote(heaviest: HeaviestTransaction | undefined): string {
  if (heaviest === undefined) {
    return (
      "gas-snapshot.json was missing when this folder was generated: " +
      "check the largest round's gas against this limit."
    );
  }
  return (
    `The heaviest transaction in gas-snapshot.json, \`${heaviest.name}\` ` +
    `at ${heaviest.gas.toLocaleString("en-US")} gas, fits in one block.`
  );
}
