import type { Address } from "viem";

import { renderCompose } from "./compose.ts";
import type { HeaviestTransaction } from "./gas-snapshot.ts";
import { buildGenesis, type Genesis } from "./genesis.ts";
import { generateNodeKey, type NodeKey } from "./keys.ts";
import { layoutNodes, type NodeLayout } from "./layout.ts";
import { NODE_FILES, renderNodeConfig } from "./node-config.ts";
import type { NetworkPlan } from "./options.ts";
import {
  allowedAccounts,
  renderPermissionsConfig,
  renderStaticNodes,
} from "./permissions.ts";
import { renderRunbook, rpcUrl } from "./runbook.ts";
import type { OutputFile } from "./write-output.ts";

const PRIVATE = 0o600;
const PUBLIC = 0o644;

/** The generated network: its files and what the command reports. */
export interface GeneratedNetwork {
  files: OutputFile[];
  nodes: NodeLayout[];
  genesis: Genesis;
  deployer: Address;
  deployerKeyGenerated: boolean;
  rpcUrl: string;
}

export interface GenerateOptions {
  heaviest: HeaviestTransaction | undefined;
  /** Time written into the genesis and the runbook; default now. */
  now?: Date;
  /** Source of new keys; default the operating system's random source. */
  generateKey?: () => NodeKey;
  /** Owner of the Compose containers, written to .env; default this user. */
  uid?: number;
  gid?: number;
}

const GITIGNORE = `# Private keys and chain databases of the Jurybox QBFT network. None of
# them belongs in a repository: copy each node-N folder to its host.
**/key
**/data/*
!**/data/key.pub
!**/data/static-nodes.json
!**/data/permissions_config.toml
.env
`;

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * Generates the keys and every file of the network in memory. Nothing
 * touches the disk here, so a failure cannot leave a partial folder.
 */
export function generateNetwork(
  plan: NetworkPlan,
  options: GenerateOptions,
): GeneratedNetwork {
  const newKey = options.generateKey ?? generateNodeKey;
  const now = options.now ?? new Date();
  const keys = Array.from({ length: plan.validators }, () => newKey());
  const nodes = layoutNodes(plan, keys);

  const deployerKey = plan.deployer === undefined ? newKey() : undefined;
  const deployer = plan.deployer ?? deployerKey!.address;
  const accounts = allowedAccounts(deployer, plan.accounts);

  const genesis = buildGenesis(
    plan,
    nodes.map((node) => node.key.address),
    Math.floor(now.getTime() / 1000),
  );
  const genesisText = json(genesis);
  const staticNodes = renderStaticNodes(nodes);
  const permissions = renderPermissionsConfig(
    nodes,
    accounts,
    plan.accountPermissioning,
  );

  const files: OutputFile[] = [
    { path: ".gitignore", content: GITIGNORE, mode: PUBLIC },
    {
      path: ".env",
      content:
        `JURYBOX_UID=${options.uid ?? process.getuid?.() ?? 1000}\n` +
        `JURYBOX_GID=${options.gid ?? process.getgid?.() ?? 1000}\n`,
      mode: PUBLIC,
    },
    { path: "genesis.json", content: genesisText, mode: PUBLIC },
    { path: "static-nodes.json", content: staticNodes, mode: PUBLIC },
    { path: "permissions_config.toml", content: permissions, mode: PUBLIC },
    {
      path: "docker-compose.yml",
      content: renderCompose(plan, nodes),
      mode: PUBLIC,
    },
    {
      path: "RUNBOOK.md",
      content: renderRunbook(plan, nodes, {
        deployer,
        deployerKeyGenerated: deployerKey !== undefined,
        heaviest: options.heaviest,
        generatedAt: now,
      }),
      mode: PUBLIC,
    },
  ];
  if (deployerKey !== undefined) {
    files.push(
      { path: "deployer/key", content: deployerKey.privateKey, mode: PRIVATE },
      {
        path: "deployer/address",
        content: `${deployerKey.address}\n`,
        mode: PUBLIC,
      },
    );
  }
  for (const node of nodes) {
    const inNode = (path: string) => `${node.name}/${path}`;
    files.push(
      {
        path: inNode(NODE_FILES.config),
        content: renderNodeConfig(plan, node),
        mode: PUBLIC,
      },
      { path: inNode(NODE_FILES.genesis), content: genesisText, mode: PUBLIC },
      {
        path: inNode(NODE_FILES.address),
        content: `${node.key.address}\n`,
        mode: PUBLIC,
      },
      {
        path: inNode(NODE_FILES.key),
        content: node.key.privateKey,
        mode: PRIVATE,
      },
      {
        path: inNode(NODE_FILES.publicKey),
        content: node.key.publicKey,
        mode: PUBLIC,
      },
      {
        path: inNode(NODE_FILES.staticNodes),
        content: staticNodes,
        mode: PUBLIC,
      },
      {
        path: inNode(NODE_FILES.permissions),
        content: permissions,
        mode: PUBLIC,
      },
    );
  }
  return {
    files,
    nodes,
    genesis,
    deployer,
    deployerKeyGenerated: deployerKey !== undefined,
    rpcUrl: rpcUrl(plan, nodes),
  };
}
