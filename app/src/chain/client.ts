import {
  createPublicClient,
  createWalletClient,
  defineChain,
  http,
  type Address,
  type Chain,
  type Hash,
  type Hex,
  type PublicClient,
  type WalletClient,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";

import { registryAbi } from "./abi.ts";

/**
 * The JSON-RPC endpoint on the app's own origin. cli/serve forwards it to
 * the chain, so a tablet on the LAN needs to reach only the app server.
 */
export function appRpcUrl(): string {
  return new URL("rpc", `${window.location.origin}/`).toString();
}

export function appChain(chainId: number, rpcUrl: string): Chain {
  return defineChain({
    id: chainId,
    name: `Jurybox chain ${chainId}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
}

/** Reads the chain through `rpcUrl`, polling once a second. */
export function createChainClient(
  chainId: number,
  rpcUrl = appRpcUrl(),
): PublicClient {
  return createPublicClient({
    chain: appChain(chainId, rpcUrl),
    transport: http(rpcUrl, { retryCount: 1, timeout: 10_000 }),
    pollingInterval: 1_000,
  });
}

type RegistryFunction =
  | "createRound"
  | "claimSeat"
  | "reissueSeat"
  | "recuse"
  | "commitSheet"
  | "closeScoring"
  | "revealSheet"
  | "finalize"
  | "cancelRound";

/** A registry call: the function and its arguments in ABI order. */
export interface RegistryCall {
  functionName: RegistryFunction;
  args: readonly unknown[];
}

export class TransactionRevertedError extends Error {
  readonly hash: Hash;
  constructor(functionName: string, hash: Hash) {
    super(
      `The ${functionName} transaction ${hash} was mined but reverted; ` +
        "reload the round to see its current state.",
    );
    this.name = "TransactionRevertedError";
    this.hash = hash;
  }
}

/**
 * Returns a gas limit with room for work that other tablets' transactions
 * in the same block can add: the commit or reveal estimated before another
 * one lands may become the one that closes scoring or finalises the round.
 * Gas is free on this chain, so the margin costs only block space.
 * NOTE: in a large round, a reveal that turns into the finalising one can
 * still exceed this limit. It then reverts, and the sender retries with a
 * fresh estimate that includes the tally.
 */
export function withGasMargin(estimate: bigint): bigint {
  const limit = estimate * 2n + 100_000n;
  return limit < MAX_TABLET_GAS ? limit : MAX_TABLET_GAS;
}

/** At most half a 30M-gas block, so two tablets' sends always fit one block. */
const MAX_TABLET_GAS = 15_000_000n;

/**
 * Signs a registry call with a local private key and sends it as a raw
 * transaction with gas price 0, then waits for its receipt. The chain has
 * zero gas prices, so the sending key needs no funds; the node never
 * receives the key (no eth_sendTransaction).
 */
export async function sendRegistryCall(
  client: PublicClient,
  registry: Address,
  privateKey: Hex,
  call: RegistryCall,
): Promise<Hash> {
  const account = privateKeyToAccount(privateKey);
  const wallet = createWalletClient({
    account,
    chain: client.chain,
    transport: http(client.transport.url as string, { retryCount: 0 }),
  });
  return writeRegistryCall(client, wallet, registry, account.address, call);
}

/**
 * Estimates a registry call at gas price 0, has `wallet` send it with the
 * tablet's gas margin and price 0, and waits for a successful receipt.
 * A call that would revert fails with its decoded error before anything
 * is sent. The wallet may hold a local key or be a browser wallet.
 */
export async function writeRegistryCall(
  client: PublicClient,
  wallet: WalletClient,
  registry: Address,
  account: Address,
  call: RegistryCall,
): Promise<Hash> {
  const request = {
    address: registry,
    abi: registryAbi,
    functionName: call.functionName,
    args: call.args,
    account,
  } as unknown as Parameters<typeof client.estimateContractGas>[0];
  // Without a gas price the node estimates at its default price, and an
  // unfunded key then has an allowance of 0 gas.
  const estimate = await client.estimateContractGas({
    ...request,
    gasPrice: 0n,
  } as typeof request);
  const hash = await wallet.writeContract({
    ...request,
    account: wallet.account ?? account,
    chain: wallet.chain,
    gas: withGasMargin(estimate),
    gasPrice: 0n,
  } as unknown as Parameters<typeof wallet.writeContract>[0]);
  const receipt = await client.waitForTransactionReceipt({
    hash,
    pollingInterval: 250,
    timeout: 60_000,
  });
  if (receipt.status !== "success") {
    throw new TransactionRevertedError(call.functionName, hash);
  }
  return hash;
}
