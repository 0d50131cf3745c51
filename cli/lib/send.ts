import {
  BaseError,
  ContractFunctionRevertedError,
  encodeFunctionData,
  type Abi,
  type Address,
  type LocalAccount,
  type TransactionReceipt,
} from "viem";

import type { ChainConnection } from "./chain-client.ts";
import { ContractRevertError, TransactionFailedError } from "./errors.ts";
import { explainRevert } from "./revert-hints.ts";

export interface ContractCall {
  address: Address;
  abi: Abi;
  functionName: string;
  args: readonly unknown[];
}

/**
 * Signs a contract call with a local key and sends it at zero gas price,
 * then waits for its receipt.
 *
 * The transaction is built here with every field set (type, chain id,
 * nonce, gas, gasPrice 0), signed locally and sent raw. No client default
 * or node can replace the zero fee, and the node never signs (no
 * eth_sendTransaction).
 * A call that would revert is caught by the gas estimate and thrown as a
 * ContractRevertError with the decoded custom error.
 */
export async function sendContract(
  connection: ChainConnection,
  account: LocalAccount,
  call: ContractCall,
): Promise<TransactionReceipt> {
  const { client, chainId } = connection;
  const data = encodeFunctionData({
    abi: call.abi,
    functionName: call.functionName,
    args: call.args,
  });

  const gas = await estimate(connection, account, call);
  const nonce = await client.getTransactionCount({
    address: account.address,
    blockTag: "pending",
  });
  const serialized = await account.signTransaction({
    type: "legacy",
    chainId,
    nonce,
    gas,
    gasPrice: 0n,
    to: call.address,
    data,
  });

  const hash = await client.sendRawTransaction({
    serializedTransaction: serialized,
  });
  const receipt = await client.waitForTransactionReceipt({
    hash,
    timeout: 60_000,
  });
  if (receipt.status !== "success") {
    throw new TransactionFailedError(
      call.functionName,
      `transaction ${hash} reverted in block ${receipt.blockNumber}.`,
    );
  }
  return receipt;
}

/**
 * Estimates gas with a margin of a fifth, because state can change between
 * the estimate and the block (a commit may close scoring, a reveal may
 * finalise). Gas is free on this chain, so the margin costs nothing.
 */
async function estimate(
  connection: ChainConnection,
  account: LocalAccount,
  call: ContractCall,
): Promise<bigint> {
  try {
    const estimated = await connection.client.estimateContractGas({
      address: call.address,
      abi: call.abi,
      functionName: call.functionName,
      args: call.args,
      account: account.address,
      gasPrice: 0n,
    } as Parameters<typeof connection.client.estimateContractGas>[0]);
    return (estimated * 6n) / 5n;
  } catch (error) {
    throw decodeRevert(call, error);
  }
}

/** Maps a failed call to ContractRevertError when it carries a custom error. */
export function decodeRevert(call: ContractCall, error: unknown): unknown {
  if (!(error instanceof BaseError)) return error;
  const reverted = error.walk(
    (inner) => inner instanceof ContractFunctionRevertedError,
  );
  if (!(reverted instanceof ContractFunctionRevertedError)) return error;

  const name = reverted.data?.errorName ?? reverted.reason ?? "unknown";
  const args = reverted.data?.args ?? [];
  const { explanation, hint } = explainRevert(name, args);
  return new ContractRevertError(
    call.functionName,
    name,
    args,
    explanation,
    hint,
  );
}
