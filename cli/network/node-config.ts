import type { NodeLayout } from "./layout.ts";
import type { NetworkPlan } from "./options.ts";
import { tomlString, tomlStringArray } from "./toml.ts";

/** Files inside a node folder, relative to it. Besu runs from that folder. */
export const NODE_FILES = {
  config: "config.toml",
  genesis: "genesis.json",
  address: "address",
  dataPath: "data",
  key: "data/key",
  publicKey: "data/key.pub",
  staticNodes: "data/static-nodes.json",
  permissions: "data/permissions_config.toml",
} as const;

/** The JSON-RPC APIs every node serves. PERM and ADMIN stay off. */
export const RPC_HTTP_API = ["ETH", "NET", "QBFT", "WEB3", "TXPOOL"];

/** Transactions the pool keeps, and the share one sender may fill. */
export const TX_POOL_MAX_SIZE = 10_000;
export const TX_POOL_ACCOUNT_SHARE = 0.15;

/**
 * Renders a node's Besu configuration file. Paths are relative to the
 * node folder, and the key, static nodes and permissions sit in the data
 * folder where Besu also looks for them by default.
 */
export function renderNodeConfig(plan: NetworkPlan, node: NodeLayout): string {
  const hostAllowlist = ["localhost", "127.0.0.1"];
  if (!hostAllowlist.includes(node.rpcHttpHost)) {
    hostAllowlist.push(node.rpcHttpHost);
  }
  const role = node.isRpcNode
    ? "a validator and the RPC node that the app server uses"
    : "a validator";
  const accountNote = plan.accountPermissioning
    ? "# on: only allowlisted accounts may send transactions."
    : "# off because evaluator tablets send transactions from keys made on\n" +
      "# the tablet; RUNBOOK.md explains the trade-off.";
  const rpcNote = node.isRpcNode
    ? "This node listens where the app server reaches it."
    : "Validators listen on the loopback interface only.";
  return `# Besu configuration of ${node.name} of the Jurybox QBFT network (chain id
# ${plan.chainId}): ${role}.
# Start Besu from this folder: besu --config-file=${NODE_FILES.config}
# Written by \`jurybox network init\`; RUNBOOK.md explains each step.

# Files, relative to this folder.
data-path=${tomlString(NODE_FILES.dataPath)}
genesis-file=${tomlString(NODE_FILES.genesis)}
node-private-key-file=${tomlString(NODE_FILES.key)}
static-nodes-file=${tomlString(NODE_FILES.staticNodes)}

# Peers: the fixed validator set in static-nodes.json, no discovery. BFT
# networks sync in FULL mode; FOREST keeps every past state, so calls at
# an old block (a result "as of block N") keep working.
p2p-host=${tomlString(node.p2pHost)}
p2p-port=${node.p2pPort}
discovery-enabled=false
remote-connections-limit-enabled=false
sync-mode="FULL"
data-storage-format="FOREST"
version-compatibility-protection=true

# Only the nodes in the allowlist may connect. Account permissioning is
${accountNote}
permissions-nodes-config-file-enabled=true
permissions-nodes-config-file=${tomlString(NODE_FILES.permissions)}
permissions-accounts-config-file-enabled=${plan.accountPermissioning}
permissions-accounts-config-file=${tomlString(NODE_FILES.permissions)}

# JSON-RPC over HTTP. ${rpcNote}
rpc-http-enabled=true
rpc-http-host=${tomlString(node.rpcHttpHost)}
rpc-http-port=${node.rpcPort}
rpc-http-api=${tomlStringArray(RPC_HTTP_API)}
host-allowlist=${tomlStringArray(hostAllowlist)}
revert-reason-enabled=true

# Zero fees: with a minimum above 0 a node silently drops zero-price
# transactions. The genesis sets zeroBaseFee, so Besu fixes the
# replacement price bump at 0 and --tx-pool-price-bump must stay unset.
min-gas-price=0
min-priority-fee=0
tx-pool="SEQUENCED"
tx-pool-min-gas-price=0
tx-pool-max-size=${TX_POOL_MAX_SIZE}
tx-pool-limit-by-account-percentage=${TX_POOL_ACCOUNT_SHARE}
tx-pool-no-local-priority=true

# Prometheus metrics, on the loopback interface only.
metrics-enabled=true
metrics-host="127.0.0.1"
metrics-port=${node.metricsPort}
`;
}
