import {
  BaseError,
  CallExecutionError,
  ContractFunctionExecutionError,
  ContractFunctionRevertedError,
  ContractFunctionZeroDataError,
  type Address,
  type PublicClient,
} from "viem";

import { registryAbi } from "../chain/abi.ts";
import { describeReadFailure } from "./read-failure.tsx";

/** The kind of contract at a link's registry address on the server's chain. */
export type RegistryCheck = "registry" | "noContract" | "notRegistry";

/**
 * Checks that `registry` contains a Jurybox registry: it has contract code
 * and its TALLY_VERSION() call returns. Throws when the chain cannot be
 * asked, so that the caller retries instead of judging the address.
 */
export async function checkRegistry(
  client: PublicClient,
  registry: Address,
): Promise<RegistryCheck> {
  const code = await client.getCode({ address: registry });
  if (!code || code === "0x") return "noContract";
  try {
    await client.readContract({
      address: registry,
      abi: registryAbi,
      functionName: "TALLY_VERSION",
    });
  } catch (error) {
    if (isRevert(error)) return "notRegistry";
    throw error;
  }
  return "registry";
}

/**
 * True when the call reverted, returned no data, or returned data that
 * does not decode as a string (the error then has no CallExecutionError,
 * because the call itself succeeded). viem also reports the /rpc proxy's
 * 502 (JSON-RPC code -32603) as a revert, so a failure that
 * describeReadFailure counts as unreachable is not a revert.
 */
function isRevert(error: unknown): boolean {
  if (!(error instanceof BaseError)) return false;
  if (describeReadFailure(error).unreachable) return false;
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
