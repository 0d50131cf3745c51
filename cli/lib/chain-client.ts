import {
  createPublicClient,
  custom,
  http,
  type EIP1193Provider,
  type PublicClient,
} from "viem";

import { ChainUnreachableError, InvalidArgumentError } from "./errors.ts";

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
    throw new ChainUnreachableError(rpcUrl, error);
  }
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
