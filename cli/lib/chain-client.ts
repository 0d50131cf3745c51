import {
  BaseError,
  HttpRequestError,
  RpcRequestError,
  createPublicClient,
  custom,
  http,
  type EIP1193Provider,
  type PublicClient,
} from "viem";

import {
  ChainUnreachableError,
  CliError,
  InvalidArgumentError,
} from "./errors.ts";

/** Thrown when a server replies at the RPC URL but is not a JSON-RPC node. */
export class NotJsonRpcError extends CliError {
  constructor(rpcUrl: string, reason: string, cause?: unknown) {
    super(
      `The server at ${rpcUrl} answered, but it is not a JSON-RPC node: ${reason}.`,
      {
        hint:
          "Pass the node's JSON-RPC URL with --rpc (the embedded chain's is " +
          "http://127.0.0.1:8545), not the web app's or another server's.",
        cause,
      },
    );
  }
}

/** A read connection to one chain. */
export interface ChainConnection {
  client: PublicClient;
  chainId: number;
  /** The RPC URL, or a label such as "in-process" for a provider. */
  rpcUrl: string;
}

/** Connects to a JSON-RPC endpoint and reads its chain id. */
export async function connectRpc(rpcUrl: string): Promise<ChainConnection> {
  if (!/^https?:\/\/[^\s]+$/.test(rpcUrl)) {
    throw new InvalidArgumentError(
      "--rpc",
      rpcUrl,
      "an http:// or https:// URL",
    );
  }
  const client = createPublicClient({
    transport: http(rpcUrl, { retryCount: 0, timeout: 15_000 }),
    pollingInterval: 200,
  });
  try {
    const chainId = await client.getChainId();
    return { client, chainId, rpcUrl };
  } catch (error) {
    const reason = notJsonRpcReason(error);
    if (reason !== undefined) throw new NotJsonRpcError(rpcUrl, reason, error);
    throw new ChainUnreachableError(rpcUrl, error);
  }
}

/**
 * Returns why an eth_chainId failure came from a server that replied but
 * is not a JSON-RPC node (an HTTP error status, a body that is not JSON-RPC),
 * or undefined when no server replied.
 */
function notJsonRpcReason(error: unknown): string | undefined {
  // A JSON reply without a JSON-RPC result, e.g. `{}`, fails when viem
  // converts the missing result to a number.
  if (error instanceof TypeError) return "eth_chainId got no chain id";
  if (!(error instanceof BaseError)) return undefined;
  const http = error.walk((inner) => inner instanceof HttpRequestError);
  if (http instanceof HttpRequestError) {
    if (http.status !== undefined)
      return `eth_chainId got HTTP status ${http.status}`;
    if (/JSON|Unexpected token|not valid/i.test(http.details)) {
      return "eth_chainId got a reply that is not JSON";
    }
    return undefined;
  }
  const rpc = error.walk((inner) => inner instanceof RpcRequestError);
  if (rpc instanceof RpcRequestError) {
    return `eth_chainId was rejected: ${rpc.shortMessage}`;
  }
  return undefined;
}

/** Wraps an in-process EIP-1193 provider, such as Hardhat's EDR network. */
export async function connectProvider(
  provider: EIP1193Provider,
  label: string,
): Promise<ChainConnection> {
  const client = createPublicClient({
    transport: custom(provider, { retryCount: 0 }),
    pollingInterval: 10,
  });
  const chainId = await client.getChainId();
  return { client, chainId, rpcUrl: label };
}
