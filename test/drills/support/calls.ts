import type { Address, Hex, LocalAccount } from "viem";

import {
  computeCommitment,
  encryptSheet,
  juryboxDomain,
  juryboxTypedData,
  PLEDGE_HASHES,
  randomSalt,
} from "../../../core/index.ts";
import type { RegistryCall } from "./reverts.ts";

// Signed registry calls built the way the tablet builds them, but returned
// instead of sent, so a drill can send them twice, late, elsewhere or
// altered.

/** The EIP-712 domain of a registry on one chain. */
export type Domain = ReturnType<typeof juryboxDomain>;

export function domainOf(chainId: number, registry: Address): Domain {
  return juryboxDomain(chainId, registry);
}

/** Builds a claim: the invite key signs Claim, the device key the pledge. */
export async function claimCall(
  domain: Domain,
  roundId: bigint,
  seat: number,
  invite: LocalAccount,
  device: LocalAccount,
): Promise<RegistryCall> {
  const pledgeHash = PLEDGE_HASHES.ko;
  const inviteSig = await invite.signTypedData(
    juryboxTypedData(domain, "Claim", {
      roundId,
      seat,
      device: device.address,
    }),
  );
  const pledgeSig = await device.signTypedData(
    juryboxTypedData(domain, "Pledge", { roundId, seat, pledgeHash }),
  );
  return {
    functionName: "claimSeat",
    args: [roundId, seat, device.address, pledgeHash, inviteSig, pledgeSig],
  };
}

/** A sheet sealed with a salt: what the reveal needs. */
export interface Sealed {
  scores: number[];
  comments: string[];
  salt: Hex;
}

/** A signed commit: the sealed sheet, its commitment, signature and escrow copy. */
export interface SignedCommit {
  roundId: bigint;
  seat: number;
  sealed: Sealed;
  commitment: Hex;
  sheetSig: Hex;
  escrow: Hex;
}

/**
 * Seals a sheet with a fresh salt, signs its commitment with the device
 * key and encrypts the escrow copy to the round's escrow key.
 */
export async function signCommit(
  domain: Domain,
  roundId: bigint,
  seat: number,
  device: LocalAccount,
  sheet: { scores: number[]; comments: string[] },
  escrowPublicKey: Hex,
): Promise<SignedCommit> {
  const sealed = { ...sheet, salt: randomSalt() };
  const commitment = computeCommitment({ roundId, seat, ...sealed });
  const sheetSig = await device.signTypedData(
    juryboxTypedData(domain, "Sheet", { roundId, seat, commitment }),
  );
  const escrow = encryptSheet(escrowPublicKey, sealed);
  return { roundId, seat, sealed, commitment, sheetSig, escrow };
}

/** Builds the commitSheet call of a signed commit. */
export function commitCall(signed: SignedCommit): RegistryCall {
  return {
    functionName: "commitSheet",
    args: [
      signed.roundId,
      signed.seat,
      signed.commitment,
      signed.sheetSig,
      signed.escrow,
    ],
  };
}

/** Builds the revealSheet call that opens a sealed sheet. */
export function revealCall(
  roundId: bigint,
  seat: number,
  sealed: Sealed,
): RegistryCall {
  return {
    functionName: "revealSheet",
    args: [roundId, seat, sealed.scores, sealed.comments, sealed.salt],
  };
}
