import { hashTypedData, hexToBigInt, isHex, recoverAddress, size } from "viem";
import type { Address, Hex } from "viem";
import { juryboxDomain, juryboxTypedData } from "../eip712.ts";
import type { JuryboxMessages, JuryboxPrimaryType } from "../eip712.ts";

// Recovers the signer of a registry EIP-712 message the way the registry's
// ECDSA.recover (OpenZeppelin 5) accepts it: 65 bytes r ‖ s ‖ v, v of 27
// or 28, and s in the lower half of the curve order.

/** Half the order of secp256k1, the largest `s` a signature may carry. */
const HALF_CURVE_ORDER =
  0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0n;

/** The signer of a message, or why none could be recovered. */
export type RecoveredSigner =
  { ok: true; signer: Address } | { ok: false; reason: string };

/** The chain and registry a signature is bound to. */
export type SignatureDomain = { chainId: number; registry: Address };

/** Recovers the address that signed one registry message. */
export async function recoverMessageSigner<T extends JuryboxPrimaryType>(
  domain: SignatureDomain,
  primaryType: T,
  message: JuryboxMessages[T],
  signature: Hex | null,
): Promise<RecoveredSigner> {
  if (signature === null) {
    return { ok: false, reason: "no signature found in the calldata" };
  }
  const malformed = describeMalformed(signature);
  if (malformed !== undefined) return { ok: false, reason: malformed };

  // The generic primary type defeats viem's typed-data inference; the
  // message type still matches it through `JuryboxMessages`.
  const typedData = juryboxTypedData(
    juryboxDomain(domain.chainId, domain.registry),
    primaryType,
    message,
  ) as Parameters<typeof hashTypedData>[0];
  const hash = hashTypedData(typedData);
  try {
    return { ok: true, signer: await recoverAddress({ hash, signature }) };
  } catch {
    return {
      ok: false,
      reason: "the signature is not a valid secp256k1 point",
    };
  }
}

function describeMalformed(signature: Hex): string | undefined {
  if (!isHex(signature) || size(signature) !== 65) {
    const length = isHex(signature) ? size(signature) : "?";
    return `the signature has ${length} bytes, not 65`;
  }
  const s = hexToBigInt(`0x${signature.slice(66, 130)}`);
  const v = Number.parseInt(signature.slice(130, 132), 16);
  if (v !== 27 && v !== 28) return `the signature's v is ${v}, not 27 or 28`;
  if (s > HALF_CURVE_ORDER) {
    return "the signature's s is in the upper half of the curve order";
  }
  return undefined;
}
