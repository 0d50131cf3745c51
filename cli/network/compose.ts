import { COMPOSE_SUBNET, type NodeLayout } from "./layout.ts";
import type { NetworkPlan } from "./options.ts";

/**
 * The Besu image, pinned. 25.11.0 is a published release tag of the
 * official image; check the Besu release notes before moving it.
 */
export const BESU_IMAGE = "hyperledger/besu:25.11.0";

/** Mount point of a node folder, which is also Besu's working folder. */
export const CONTAINER_NODE_DIR = "/var/lib/jurybox";

/**
 * Renders docker-compose.yml. Without --bootnode-host every node runs on
 * this Docker host in one bridge network at a fixed address, and only the
 * published ports reach the host: 127.0.0.1 for everything except the RPC
 * node's JSON-RPC, which is published on --rpc-host. With --bootnode-host
 * each node runs on its own machine with host networking, and the
 * interfaces in config.toml apply as written.
 */
export function renderCompose(
  plan: NetworkPlan,
  nodes: readonly NodeLayout[],
): string {
  const bridge = plan.hosts === undefined;
  const intro = bridge
    ? `# All ${nodes.length} validators run on this Docker host. Start them with
#   docker compose up -d`
    : `# Each validator runs on its own host with host networking. On the host
# of node N, with its node-N folder next to this file, run
#   docker compose up -d node-N`;
  const services = nodes.map((node) => renderService(node, bridge));
  const networks = bridge
    ? `
networks:
  besu:
    ipam:
      config:
        - subnet: ${COMPOSE_SUBNET}
`
    : "";
  return `# Docker Compose file of the Jurybox QBFT network (chain id ${plan.chainId}).
# Written by \`jurybox network init\`; RUNBOOK.md explains each step.
${intro}
# JURYBOX_UID and JURYBOX_GID in .env name the owner of the node folders,
# so Besu can read its key (mode 0600) and write its database.

name: jurybox-besu

services:
${services.join("\n")}${networks}`;
}

function renderService(node: NodeLayout, bridge: boolean): string {
  // NAT is off because peers reach each node at the address in its enode
  // URL without address translation: a fixed container address on the
  // bridge network, or the host's own address with host networking.
  // Besu's Docker NAT mode would advertise another address, which the
  // nodes allowlist would then reject.
  const command = ["--config-file=config.toml", "--nat-method=NONE"];
  if (bridge) {
    // Inside its container a node must listen on every interface for a
    // published port to reach it; the ports below limit the host side.
    command.push("--rpc-http-host=0.0.0.0", "--metrics-host=0.0.0.0");
  }
  const lines = [
    `  ${node.name}:`,
    `    image: ${BESU_IMAGE}`,
    "    restart: unless-stopped",
    "    stop_grace_period: 1m",
    '    user: "${JURYBOX_UID:-1000}:${JURYBOX_GID:-1000}"',
    `    working_dir: ${CONTAINER_NODE_DIR}`,
    "    command:",
    ...command.map((argument) => `      - ${argument}`),
    "    volumes:",
    `      - ./${node.name}:${CONTAINER_NODE_DIR}`,
  ];
  if (bridge) {
    lines.push(
      "    networks:",
      "      besu:",
      `        ipv4_address: ${node.p2pHost}`,
      "    ports:",
      `      - "${node.rpcHttpHost}:${node.rpcPort}:${node.rpcPort}"`,
      `      - "127.0.0.1:${node.metricsPort}:${node.metricsPort}"`,
    );
  } else {
    lines.push("    network_mode: host");
  }
  return `${lines.join("\n")}\n`;
}
