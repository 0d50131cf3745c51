import {
  decodeErrorResult,
  encodeFunctionData,
  type Hash,
  type Hex,
  type LocalAccount,
  type TransactionReceipt,
} from "viem";

import { requestRpc } from "../../../cli/chain/rpc.ts";
import type { ChainConnection } from "../../../cli/lib/chain-client.ts";
import type { RegistrySession } from "../../../cli/lib/create-round.ts";
import { ContractRevertError } from "../../../cli/lib/errors.ts";
import { registryAbi } from "../../../cli/lib/registry-abi.ts";
import { sendContract } from "../../../cli/lib/send.ts";
import type { Checks } from "../drill.ts";

/** A registry function and its arguments. */
export interface RegistryCall {
  functionName: string;
  args: readonly unknown[];
}

/** The custom error a rejected call must raise, with its arguments. */
export interface ExpectedError {
  name: string;
  /** Every argument in order, or a predicate over them. */
  args?: readonly unknown[] | ((args: readonly unknown[]) => boolean);
}

/** Encodes a registry call's input data. */
export function encodeRegistryCall(call: RegistryCall): Hex {
  return encodeFunctionData({ abi: registryAbi, ...call } as Parameters<
    typeof encodeFunctionData
  >[0]);
}

/** Sends a registry call through the CLI's `sendContract`. */
export function sendRegistry(
  session: RegistrySession,
  account: LocalAccount,
  call: RegistryCall,
): Promise<TransactionReceipt> {
  return sendContract(session.connection, account, {
    address: session.registry,
    abi: registryAbi,
    ...call,
  });
}

function sameArgs(
  actual: readonly unknown[],
  expected: ExpectedError,
): boolean {
  if (expected.args === undefined) return true;
  if (typeof expected.args === "function") return expected.args(actual);
  const text = (values: readonly unknown[]) =>
    JSON.stringify(values, (_key, value) =>
      typeof value === "bigint"
        ? value.toString()
        : typeof value === "string"
          ? value.toLowerCase()
          : value,
    );
  return text(actual) === text(expected.args);
}

/**
 * Sends a call through the CLI's client code and checks that the registry
 * rejects it with the expected custom error and arguments. Returns the
 * decoded error. The caller compares the chain state around it.
 */
export async function expectRejected(
  checks: Checks,
  session: RegistrySession,
  account: LocalAccount,
  call: RegistryCall,
  expected: ExpectedError,
  label: string,
): Promise<ContractRevertError> {
  try {
    await sendRegistry(session, account, call);
  } catch (error) {
    if (!(error instanceof ContractRevertError)) {
      checks.fail(
        `${label}: expected ${expected.name}, but the send failed with ` +
          `${(error as Error).name}: ${(error as Error).message}`,
      );
    }
    checks.equal(error.errorName, expected.name, `${label}: custom error`);
    checks.ok(
      sameArgs(error.errorArgs, expected),
      `${label}: error arguments`,
      `got ${JSON.stringify(error.errorArgs, (_k, v) =>
        typeof v === "bigint" ? v.toString() : v,
      )}`,
    );
    return error;
  }
  return checks.fail(`${label}: the registry accepted the call`);
}

/**
 * Signs a registry call with a fixed gas limit, skipping the gas estimate
 * that would catch a revert, sends it raw at zero gas price with the
 * pending nonce and waits for the receipt.
 */
export async function sendWithoutEstimate(
  connection: ChainConnection,
  registry: Hex,
  account: LocalAccount,
  call: RegistryCall,
  gas = 3_000_000n,
): Promise<TransactionReceipt> {
  const { client, chainId } = connection;
  const nonce = await client.getTransactionCount({
    address: account.address,
    blockTag: "pending",
  });
  const serializedTransaction = await account.signTransaction({
    type: "legacy",
    chainId,
    nonce,
    gas,
    gasPrice: 0n,
    to: registry,
    data: encodeRegistryCall(call),
  });
  const hash = await client.sendRawTransaction({ serializedTransaction });
  return client.waitForTransactionReceipt({ hash, timeout: 30_000 });
}

/**
 * Returns the custom error a mined transaction reverted with, from anvil's
 * `debug_traceTransaction` call tracer.
 */
export async function minedRevertError(
  rpcUrl: string,
  hash: Hash,
): Promise<{ errorName: string; args: readonly unknown[] }> {
  const trace = await requestRpc<{ output?: Hex; error?: string }>(
    rpcUrl,
    "debug_traceTransaction",
    [hash, { tracer: "callTracer" }],
  );
  if (trace.output === undefined || trace.output === "0x") {
    throw new Error(`Transaction ${hash} carries no revert data.`);
  }
  const decoded = decodeErrorResult({ abi: registryAbi, data: trace.output });
  return { errorName: decoded.errorName, args: decoded.args ?? [] };
}

/**
 * Sends the call again as a mined transaction, past the gas estimate, and
 * checks that it reverts on chain with the same custom error.
 */
export async function expectRevertedOnChain(
  checks: Checks,
  session: RegistrySession,
  account: LocalAccount,
  call: RegistryCall,
  expected: ExpectedError,
  label: string,
): Promise<TransactionReceipt> {
  const receipt = await sendWithoutEstimate(
    session.connection,
    session.registry,
    account,
    call,
  );
  checks.equal(receipt.status, "reverted", `${label}: mined status`);
  const mined = await minedRevertError(
    session.connection.rpcUrl,
    receipt.transactionHash,
  );
  checks.equal(mined.errorName, expected.name, `${label}: mined custom error`);
  checks.ok(sameArgs(mined.args, expected), `${label}: mined error arguments`);
  return receipt;
}

/** True when anvil's call tracer reports that a transaction ran out of gas. */
export async function ranOutOfGas(
  rpcUrl: string,
  hash: Hash,
): Promise<boolean> {
  const trace = await requestRpc<{ error?: string }>(
    rpcUrl,
    "debug_traceTransaction",
    [hash, { tracer: "callTracer" }],
  );
  return trace.error === "out of gas";
}
