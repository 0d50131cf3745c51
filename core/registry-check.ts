import {
  BaseError,
  CallExecutionError,
  ContractFunctionExecutionError,
  ContractFunctionRevertedError,
  ContractFunctionZeroDataError,
  type Address,
  type PublicClient,
} from "viem";

import { evaluationRegistryAbi } from "./generated/registry-abi.ts";

/** The kind of contract at an address that should hold a Jurybox registry. */
export type RegistryKind = "registry" | "noContract" | "notRegistry";

/**
 * Checks that `registry` contains a Jurybox registry: it has contract code
 * and its TALLY_VERSION() call returns a string. `isRejection` decides
 * whether a failed call means "not a registry"; any other error is thrown,
 * so that the caller can retry instead of judging the address.
 */
export async function checkRegistry(
  client: PublicClient,
  registry: Address,
  isRejection: (error: unknown) => boolean = isCallRejected,
): Promise<RegistryKind> {
  const code = await client.getCode({ address: registry });
  if (!code || code === "0x") return "noContract";
  try {
    await client.readContract({
      address: registry,
      abi: evaluationRegistryAbi,
      functionName: "TALLY_VERSION",
    });
  } catch (error) {
    if (isRejection(error)) return "notRegistry";
    throw error;
  }
  return "registry";
}

/**
 * Returns true when a contract call reverted, returned no data, or
 * returned data that does not decode with the ABI. The last case has
 * no CallExecutionError inside, because the call itself succeeded.
 */
export function isCallRejected(error: unknown): boolean {
  if (!(error instanceof BaseError)) return false;
  const revert = error.walk(
    (inner) =>
      inner instanceof ContractFunctionRevertedError ||
      inner instanceof ContractFunctionZeroDataError,
  );
  if (revert !== null && revert !== undefined) return true;
  const callFailed = error.walk((inner) => inner instanceof CallExecutionError);
  return (
    error instanceof ContractFunctionExecutionError &&
    (callFailed === null || callFailed === undefined)
  );
}
