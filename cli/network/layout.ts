import { enodeUrl, type NodeKey } from "./keys.ts";
import type { NetworkPlan } from "./options.ts";

/** First ports; node n uses base + n - 1, so no two nodes share a port. */
export const P2P_BASE_PORT = 30303;
export const RPC_BASE_PORT = 8545;
export const METRICS_BASE_PORT = 9545;

/**
 * The Docker network of the Compose file when no --bootnode-host is given.
 * Node n gets 172.28.100.(10 + n). Change it in docker-compose.yml and the
 * enode URLs together if the host already uses this range.
 */
export const COMPOSE_SUBNET = "172.28.100.0/24";
const COMPOSE_ADDRESS_PREFIX = "172.28.100.";
const COMPOSE_FIRST_HOST = 10;

/** Placement of one node: its host, ports and JSON-RPC interface. */
export interface NodeLayout {
  /** 1-based node number; nodes are ordered by validator address. */
  number: number;
  /** Folder and Compose service name, e.g. node-1. */
  name: string;
  key: NodeKey;
  /** Address other nodes connect to: Besu's p2p-host and the enode host. */
  p2pHost: string;
  p2pPort: number;
  rpcPort: number;
  metricsPort: number;
  /** Interface the JSON-RPC listens on: 127.0.0.1 except on the RPC node. */
  rpcHttpHost: string;
  isRpcNode: boolean;
  enode: string;
}

/** Sorts keys by address, the order of the validators in extraData. */
export function sortByAddress(keys: readonly NodeKey[]): NodeKey[] {
  return [...keys].sort((a, b) =>
    a.address.toLowerCase() < b.address.toLowerCase() ? -1 : 1,
  );
}

/** Places each node: its host, ports and JSON-RPC interface. */
export function layoutNodes(
  plan: NetworkPlan,
  keys: readonly NodeKey[],
): NodeLayout[] {
  return sortByAddress(keys).map((key, index) => {
    const number = index + 1;
    const p2pHost =
      plan.hosts?.[index] ??
      `${COMPOSE_ADDRESS_PREFIX}${COMPOSE_FIRST_HOST + number}`;
    const p2pPort = P2P_BASE_PORT + index;
    const isRpcNode = number === plan.rpcNode;
    return {
      number,
      name: `node-${number}`,
      key,
      p2pHost,
      p2pPort,
      rpcPort: RPC_BASE_PORT + index,
      metricsPort: METRICS_BASE_PORT + index,
      rpcHttpHost: isRpcNode ? plan.rpcHost : "127.0.0.1",
      isRpcNode,
      enode: enodeUrl(key, p2pHost, p2pPort),
    };
  });
}
