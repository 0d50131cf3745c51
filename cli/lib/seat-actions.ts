import type { Hex, LocalAccount, TransactionReceipt } from "viem";

import {
  computeCommitment,
  encryptSheet,
  juryboxDomain,
  juryboxTypedData,
  PLEDGE_HASHES,
  randomSalt,
} from "../../core/index.ts";
import type { RegistrySession } from "./create-round.ts";
import { registryAbi } from "./registry-abi.ts";
import { sendContract } from "./send.ts";

// What a tablet does for its seat, done from the command line: the device
// key signs every message and also sends the transaction, at zero gas, so
// it needs no funds.

/** A sheet as the registry takes it: hundredths, bidder-major. */
export interface SealedSheet {
  scores: number[];
  comments: string[];
  salt: Hex;
}

/** Claims a seat: the invite signs Claim, the device signs the pledge. */
export async function claimSeat(
  session: RegistrySession,
  roundId: bigint,
  seat: number,
  invite: LocalAccount,
  device: LocalAccount,
): Promise<TransactionReceipt> {
  const domain = juryboxDomain(session.connection.chainId, session.registry);
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
  return send(session, device, "claimSeat", [
    roundId,
    seat,
    device.address,
    pledgeHash,
    inviteSig,
    pledgeSig,
  ]);
}

/**
 * Seals a sheet with a fresh salt, signs its commitment with the device
 * key and sends it with the escrow copy encrypted to the round's key.
 * Returns the sealed sheet, which the reveal needs.
 */
export async function commitSheet(
  session: RegistrySession,
  roundId: bigint,
  seat: number,
  device: LocalAccount,
  sheet: { scores: number[]; comments: string[] },
  escrowPublicKey: Hex,
): Promise<SealedSheet> {
  const sealed = { ...sheet, salt: randomSalt() };
  const commitment = computeCommitment({ roundId, seat, ...sealed });
  const domain = juryboxDomain(session.connection.chainId, session.registry);
  const sheetSig = await device.signTypedData(
    juryboxTypedData(domain, "Sheet", { roundId, seat, commitment }),
  );
  const escrow = encryptSheet(escrowPublicKey, sealed);
  await send(session, device, "commitSheet", [
    roundId,
    seat,
    commitment,
    sheetSig,
    escrow,
  ]);
  return sealed;
}

/** Opens a committed sheet; the reveal that completes the set finalises. */
export function revealSheet(
  session: RegistrySession,
  roundId: bigint,
  seat: number,
  sender: LocalAccount,
  sealed: SealedSheet,
): Promise<TransactionReceipt> {
  return send(session, sender, "revealSheet", [
    roundId,
    seat,
    sealed.scores,
    sealed.comments,
    sealed.salt,
  ]);
}

function send(
  session: RegistrySession,
  account: LocalAccount,
  functionName: string,
  args: readonly unknown[],
): Promise<TransactionReceipt> {
  return sendContract(session.connection, account, {
    address: session.registry,
    abi: registryAbi,
    functionName,
    args,
  });
}
