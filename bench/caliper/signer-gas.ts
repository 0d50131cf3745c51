// The gas floor of Caliper's signer. Caliper 0.6's Ethereum connector
// signs through web3 1.2.6, which builds the transaction with
// ethereumjs-tx under the Petersburg rules when no hardfork is given (the
// connector gives none). That signer rejects a gas limit below the
// Petersburg intrinsic gas: 21000 plus 4 per zero and 68 per non-zero
// calldata byte. The chain runs Cancun, where a non-zero byte costs 16
// (EIP-2028), so a limit from eth_estimateGas can be too low for the
// signer although the chain would run the call.
import { encodeFunctionData, hexToBytes, type Abi } from "viem";

import { registryAbi } from "../../cli/lib/registry-abi.ts";

const BASE_GAS = 21_000;
const ZERO_BYTE_GAS = 4;
const NON_ZERO_BYTE_GAS_PETERSBURG = 68;

/**
 * Returns the Petersburg intrinsic gas of a registry call. Decimal strings
 * in `args`, the JSON form of a uint256, are read as integers.
 */
export function petersburgIntrinsicGas(
  functionName: string,
  args: readonly unknown[],
): number {
  const values = args.map((value) =>
    typeof value === "string" && /^\d+$/.test(value) ? BigInt(value) : value,
  );
  const data = hexToBytes(
    encodeFunctionData({ abi: registryAbi as Abi, functionName, args: values }),
  );
  let gas = BASE_GAS;
  for (const byte of data) {
    gas += byte === 0 ? ZERO_BYTE_GAS : NON_ZERO_BYTE_GAS_PETERSBURG;
  }
  return gas;
}

/** Returns the largest Petersburg intrinsic gas of a list of calls. */
export function signerGasFloor(
  functionName: string,
  calls: readonly (readonly unknown[])[],
): number {
  return Math.max(
    0,
    ...calls.map((args) => petersburgIntrinsicGas(functionName, args)),
  );
}
