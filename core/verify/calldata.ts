import { decodeFunctionData, isAddressEqual, toFunctionSelector } from "viem";
import type { Address, Hex } from "viem";
import { evaluationRegistryAbi } from "../generated/registry-abi.ts";

// The registry's events leave out the signatures, which stay in the
// calldata of the transaction that sent them. A call sent straight to the
// registry is decoded as it is. A call wrapped by another contract (a
// multicall, a forwarder) is found by its 4-byte selector anywhere in the
// transaction input and kept only when its arguments equal the event's.

/** A registry call whose signature arguments the verifier reads. */
export type SignedCall =
  | {
      functionName: "claimSeat";
      roundId: bigint;
      seat: number;
      device: Address;
      pledgeHash: Hex;
      inviteSig: Hex;
      pledgeSig: Hex;
    }
  | {
      functionName: "commitSheet";
      roundId: bigint;
      seat: number;
      commitment: Hex;
      sheetSig: Hex;
      escrow: Hex;
    }
  | {
      functionName: "recuse";
      roundId: bigint;
      seat: number;
      reason: string;
      deviceSig: Hex;
    };

export type SignedFunctionName = SignedCall["functionName"];

const SELECTORS: Readonly<Record<SignedFunctionName, Hex>> = {
  claimSeat: selectorOf("claimSeat"),
  commitSheet: selectorOf("commitSheet"),
  recuse: selectorOf("recuse"),
};

function selectorOf(name: SignedFunctionName): Hex {
  const item = evaluationRegistryAbi.find(
    (entry) => entry.type === "function" && entry.name === name,
  );
  return toFunctionSelector(item as never);
}

/** Decodes calldata as one of the signed registry calls, or undefined. */
export function decodeSignedCall(data: Hex): SignedCall | undefined {
  let decoded;
  try {
    decoded = decodeFunctionData({ abi: evaluationRegistryAbi, data });
  } catch {
    return undefined;
  }
  const args = decoded.args as readonly unknown[];
  switch (decoded.functionName) {
    case "claimSeat":
      return {
        functionName: "claimSeat",
        roundId: args[0] as bigint,
        seat: args[1] as number,
        device: args[2] as Address,
        pledgeHash: args[3] as Hex,
        inviteSig: args[4] as Hex,
        pledgeSig: args[5] as Hex,
      };
    case "commitSheet":
      return {
        functionName: "commitSheet",
        roundId: args[0] as bigint,
        seat: args[1] as number,
        commitment: args[2] as Hex,
        sheetSig: args[3] as Hex,
        escrow: args[4] as Hex,
      };
    case "recuse":
      return {
        functionName: "recuse",
        roundId: args[0] as bigint,
        seat: args[1] as number,
        reason: args[2] as string,
        deviceSig: args[3] as Hex,
      };
    default:
      return undefined;
  }
}

/**
 * Finds the call to `functionName` in a transaction's input that `matches`
 * accepts: the input itself when it is that call, otherwise every place
 * where the function's selector occurs. Returns undefined when none does.
 */
export function findSignedCall<N extends SignedFunctionName>(
  transaction: { to: Address | null; input: Hex },
  registry: Address,
  functionName: N,
  matches: (call: Extract<SignedCall, { functionName: N }>) => boolean,
): Extract<SignedCall, { functionName: N }> | undefined {
  const accept = (data: Hex) => {
    const call = decodeSignedCall(data);
    if (call?.functionName !== functionName) return undefined;
    const typed = call as Extract<SignedCall, { functionName: N }>;
    return matches(typed) ? typed : undefined;
  };

  const input = transaction.input.toLowerCase() as Hex;
  const isDirect =
    transaction.to !== null && isAddressEqual(transaction.to, registry);
  if (isDirect) {
    const direct = accept(input);
    if (direct !== undefined) return direct;
  }
  const selector = SELECTORS[functionName].slice(2);
  // A hex digit pair is one byte, so only even offsets are byte boundaries.
  for (
    let index = input.indexOf(selector, 2);
    index >= 0;
    index = input.indexOf(selector, index + 1)
  ) {
    if (index % 2 !== 0 || index === 2) continue;
    const embedded = accept(`0x${input.slice(index)}`);
    if (embedded !== undefined) return embedded;
  }
  return undefined;
}
