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
 * in the same block can add: the commit estimated before another one lands
 * may become the one that closes scoring. Gas is free on this chain, so the
 * margin costs only block space. A reveal that may turn into the finalising
 * one needs more, which `revealGasLimit` adds.
 */
export function withGasMargin(estimate: bigint): bigint {
  const limit = estimate * 2n + 100_000n;
  return limit < MAX_TABLET_GAS ? limit : MAX_TABLET_GAS;
}

/** At most half a 30M-gas block, so two tablets' sends always fit one block. */
const MAX_TABLET_GAS = 15_000_000n;

/** A round's size and reveal counts, as the registry's getRound returns them. */
export interface RevealRoundStatus {
  seats: number;
  committed: number;
  revealed: number;
  bidders: number;
  criteria: number;
}

/**
 * Returns an upper bound of the gas that finalising adds to a reveal of a
 * round of this size. The fitted part covers the finalising reveals that
 * were measured on Hardhat's EDR chain (cancun) with the test/contracts
 * fixtures. Those were 3 to 20 seats, 1 to 30 bidders and 1 to 20 criteria
 * under every trim and technical scoring, and at four of those sizes also
 * other price formulas, tie-break orders and equal scores for every bidder.
 * The bound adds a quarter to the fitted part: for 7 × 10 × 8 it is 1.22M
 * where finalising added at most 0.90M, and for 15 × 30 × 20 it is 11.0M
 * where finalising added at most 8.80M.
 * NOTE: larger rounds and quantitative criteria were not measured.
 */
export function finalizingGasBound(round: RevealRoundStatus): bigint {
  const seats = BigInt(round.seats);
  const bidders = BigInt(round.bidders);
  const scores = seats * bidders * BigInt(round.criteria);
  const fitted = 48_000n + 7_500n * seats + 41_200n * bidders + 825n * scores;
  return (fitted * 5n) / 4n;
}

/**
 * Chooses the gas limit of a reveal. While another committed seat has not
 * revealed, the node estimates this reveal without the tally. Other
 * tablets' reveals can still land first in the same block and make this
 * one the finalising reveal, which would then run out of gas and be sent
 * again. Such a reveal therefore carries its estimate plus the tally's
 * bound for the round, when that is above the usual margin. Gas costs
 * nothing at this chain's zero gas price, and the 15M cap keeps half of a
 * 30M block for other transactions.
 */
export function revealGasLimit(
  estimate: bigint,
  round: RevealRoundStatus,
): bigint {
  const margin = withGasMargin(estimate);
  // With no other reveal outstanding the estimate already includes the tally.
  if (round.committed - round.revealed < 2) return margin;
  const finalizing = estimate + finalizingGasBound(round);
  if (finalizing <= margin) return margin;
  return finalizing < MAX_TABLET_GAS ? finalizing : MAX_TABLET_GAS;
}

/** Reads the round of a revealSheet call and chooses its gas limit. */
async function revealGasFor(
  client: PublicClient,
  registry: Address,
  call: RegistryCall,
  estimate: bigint,
): Promise<bigint> {
  const status = await client.readContract({
    address: registry,
    abi: registryAbi,
    functionName: "getRound",
    args: [call.args[0] as bigint],
  });
  return revealGasLimit(estimate, status);
}

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
  const gas =
    call.functionName === "revealSheet"
      ? await revealGasFor(client, registry, call, estimate)
      : withGasMargin(estimate);
  const hash = await wallet.writeContract({
    ...request,
    account: wallet.account ?? account,
    chain: wallet.chain,
    gas,
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
