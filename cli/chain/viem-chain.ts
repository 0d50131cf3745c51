import { defineChain, type Chain } from "viem";

type FeeFields = {
  type?: string;
  gasPrice?: bigint;
  maxFeePerGas?: bigint;
  maxPriorityFeePerGas?: bigint;
};

/** Sets every fee the request leaves out to zero. */
async function fillZeroFees<T extends FeeFields>(request: T): Promise<T> {
  if (request.type === "legacy" || request.gasPrice !== undefined) {
    return { ...request, gasPrice: request.gasPrice ?? 0n };
  }
  return {
    ...request,
    maxFeePerGas: request.maxFeePerGas ?? 0n,
    maxPriorityFeePerGas: request.maxPriorityFeePerGas ?? 0n,
  };
}

/**
 * Returns a viem chain for a zero-fee Jurybox chain. Transactions without
 * fees get zero fees before viem fills them, because anvil 1.7.1 returns a
 * 1 gwei tip from `eth_fillTransaction` and `eth_maxPriorityFeePerGas`.
 * viem 2.57 rejects that tip against a zero fee cap, and an unfunded key
 * could not pay it anyway.
 */
export function zeroFeeChain(rpcUrl: string, chainId = 1337): Chain {
  return defineChain({
    id: chainId,
    name: `Jurybox ${chainId}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
    prepareTransactionRequest:
      fillZeroFees as unknown as Chain["prepareTransactionRequest"],
  });
}
