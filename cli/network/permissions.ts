import type { Address } from "viem";

import type { NodeLayout } from "./layout.ts";
import { tomlStringList } from "./toml.ts";

/** Lists the deployer first, then each round administrator once. */
export function allowedAccounts(
  deployer: Address,
  admins: readonly Address[],
): Address[] {
  const accounts = [deployer];
  for (const admin of admins) {
    if (!accounts.some((a) => a.toLowerCase() === admin.toLowerCase())) {
      accounts.push(admin);
    }
  }
  return accounts;
}

/**
 * Renders permissions_config.toml: the nodes allowlist is every node's
 * enode URL, and the accounts allowlist is the deployer and the round
 * administrators. Besu applies the accounts list only when
 * permissions-accounts-config-file-enabled is true.
 */
export function renderPermissionsConfig(
  nodes: readonly NodeLayout[],
  accounts: readonly Address[],
  accountPermissioning: boolean,
): string {
  const enforcement = accountPermissioning
    ? "# administrators. config.toml enforces this list, so a node rejects\n" +
      "# transactions from every other account."
    : "# administrators. config.toml does not enforce this list\n" +
      "# (permissions-accounts-config-file-enabled=false).";
  return `# Local permissioning of the Jurybox QBFT network; every node has the same
# copy. Written by \`jurybox network init\`.

# Nodes that may connect: every validator of the network.
nodes-allowlist=${tomlStringList(nodes.map((node) => node.enode))}

# Accounts that may send transactions: the deployer and the round
${enforcement}
# Evaluator tablets send claim, commit and reveal transactions from device
# keys that each tablet makes for itself, so their addresses are not known
# in advance and are not in this list. See RUNBOOK.md before enforcing it.
accounts-allowlist=${tomlStringList(accounts.map((a) => a.toLowerCase()))}
`;
}

/** Renders static-nodes.json: the enode URL of every node, in node order. */
export function renderStaticNodes(nodes: readonly NodeLayout[]): string {
  return `${JSON.stringify(
    nodes.map((node) => node.enode),
    null,
    2,
  )}\n`;
}
