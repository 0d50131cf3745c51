import type { Address, Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";

// Imported file by file, not through core/index.ts, so that the tablet's
// chunk does not carry the round-file schema and the tally.
import { computeCommitment, randomSalt } from "../../../core/commitment.ts";
import {
  hashReason,
  juryboxDomain,
  juryboxTypedData,
} from "../../../core/eip712.ts";
import { encryptSheet } from "../../../core/escrow.ts";
import type { SeatLocator } from "../lib/route.ts";
import type { SheetSubmission } from "../storage/tablet-store.ts";

function domainOf(locator: SeatLocator) {
  return juryboxDomain(locator.chainId, locator.registry);
}

/** Signs the Claim that binds `device` to the seat, with the invite key. */
export function signClaim(
  inviteKey: Hex,
  locator: SeatLocator,
  device: Address,
): Promise<Hex> {
  return privateKeyToAccount(inviteKey).signTypedData(
    juryboxTypedData(domainOf(locator), "Claim", {
      roundId: locator.roundId,
      seat: locator.seat,
      device,
    }),
  );
}

/** Signs the Pledge over the hash of the text the evaluator read. */
export function signPledge(
  deviceKey: Hex,
  locator: SeatLocator,
  pledgeHash: Hex,
): Promise<Hex> {
  return privateKeyToAccount(deviceKey).signTypedData(
    juryboxTypedData(domainOf(locator), "Pledge", {
      roundId: locator.roundId,
      seat: locator.seat,
      pledgeHash,
    }),
  );
}

/** Signs a Recusal over the hash of the reason. */
export function signRecusal(
  deviceKey: Hex,
  locator: SeatLocator,
  reason: string,
): Promise<Hex> {
  return privateKeyToAccount(deviceKey).signTypedData(
    juryboxTypedData(domainOf(locator), "Recusal", {
      roundId: locator.roundId,
      seat: locator.seat,
      reasonHash: hashReason(reason),
    }),
  );
}

/**
 * Seals a sheet: draws a fresh salt, computes the commitment, signs the
 * Sheet message with the device key and encrypts the opening to the
 * round's escrow key.
 */
export async function sealSheet(
  deviceKey: Hex,
  locator: SeatLocator,
  escrowPublicKey: Hex,
  scores: number[],
  comments: string[],
): Promise<SheetSubmission> {
  const salt = randomSalt();
  const commitment = computeCommitment({
    roundId: locator.roundId,
    seat: locator.seat,
    scores,
    comments,
    salt,
  });
  const sheetSig = await privateKeyToAccount(deviceKey).signTypedData(
    juryboxTypedData(domainOf(locator), "Sheet", {
      roundId: locator.roundId,
      seat: locator.seat,
      commitment,
    }),
  );
  const escrow = encryptSheet(escrowPublicKey, { scores, comments, salt });
  return {
    scores,
    comments,
    salt,
    commitment,
    sheetSig,
    escrow,
    signedAt: Date.now(),
  };
}
