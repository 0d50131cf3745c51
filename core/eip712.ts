import { keccak256, stringToBytes } from "viem";
import type { Address, Hex, TypedDataDomain } from "viem";

// EIP-712 messages of the registry. The invite key signs Claim; the device
// key bound to the seat signs Pledge, Sheet and Recusal. Anyone may submit
// a signed message, so a signature binds chain, registry, round and seat.

export const EIP712_NAME = "Jurybox";
export const EIP712_VERSION = "1";

export const juryboxTypes = {
  Claim: [
    { name: "roundId", type: "uint256" },
    { name: "seat", type: "uint16" },
    { name: "device", type: "address" },
  ],
  Pledge: [
    { name: "roundId", type: "uint256" },
    { name: "seat", type: "uint16" },
    { name: "pledgeHash", type: "bytes32" },
  ],
  Sheet: [
    { name: "roundId", type: "uint256" },
    { name: "seat", type: "uint16" },
    { name: "commitment", type: "bytes32" },
  ],
  Recusal: [
    { name: "roundId", type: "uint256" },
    { name: "seat", type: "uint16" },
    { name: "reasonHash", type: "bytes32" },
  ],
} as const;

export type JuryboxPrimaryType = keyof typeof juryboxTypes;

export type ClaimMessage = { roundId: bigint; seat: number; device: Address };
export type PledgeMessage = { roundId: bigint; seat: number; pledgeHash: Hex };
export type SheetMessage = { roundId: bigint; seat: number; commitment: Hex };
export type RecusalMessage = { roundId: bigint; seat: number; reasonHash: Hex };

/** The message type of each primary type. */
export type JuryboxMessages = {
  Claim: ClaimMessage;
  Pledge: PledgeMessage;
  Sheet: SheetMessage;
  Recusal: RecusalMessage;
};

/** The registry's EIP-712 domain on one chain. */
export function juryboxDomain(
  chainId: number,
  verifyingContract: Address,
): TypedDataDomain & { chainId: number; verifyingContract: Address } {
  return {
    name: EIP712_NAME,
    version: EIP712_VERSION,
    chainId,
    verifyingContract,
  };
}

/**
 * Builds the argument of viem's `signTypedData`, `hashTypedData` and
 * `verifyTypedData` for one registry message.
 */
export function juryboxTypedData<T extends JuryboxPrimaryType>(
  domain: ReturnType<typeof juryboxDomain>,
  primaryType: T,
  message: JuryboxMessages[T],
) {
  return { domain, types: juryboxTypes, primaryType, message };
}

/** `keccak256` of a recusal reason's UTF-8 bytes, as the Recusal signs. */
export function hashReason(reason: string): Hex {
  return keccak256(stringToBytes(reason));
}
