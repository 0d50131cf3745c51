import type { Hash } from "viem";
import { generatePrivateKey, privateKeyToAddress } from "viem/accounts";

import { decryptSheet } from "../../../core/escrow.ts";
import type { SeatProgress } from "../chain/progress.ts";
import type { AdminContext } from "./AdminApp.tsx";
import type { RoundSecrets } from "./admin-store.ts";

export class EscrowBlobMissingError extends Error {
  constructor(seat: number) {
    super(
      `Seat ${seat} has no SheetCommitted escrow blob on chain, so there is ` +
        "nothing to reveal; only committed seats can be revealed from escrow.",
    );
    this.name = "EscrowBlobMissingError";
  }
}

/**
 * Gives a seat a new invite key. The key is stored before `reissueSeat` is
 * sent, so the new QR code can be printed even if the page closes. No old
 * key is needed: without a record of the round, this creates one that holds
 * only the new key.
 */
export async function reissueSeat(
  context: AdminContext,
  roundId: bigint,
  seat: number,
  secrets: RoundSecrets = { inviteKeys: [], escrowSaved: true },
): Promise<RoundSecrets> {
  const { config, store, signer } = context;
  const inviteKey = generatePrivateKey();
  const inviteKeys = Array.from(
    { length: Math.max(secrets.inviteKeys.length, seat + 1) },
    (_, index) => secrets.inviteKeys[index] ?? null,
  );
  inviteKeys[seat] = inviteKey;
  const next = { ...secrets, inviteKeys };
  await store.saveSecrets(config.chainId, config.registry, roundId, next);
  await signer.send({
    functionName: "reissueSeat",
    args: [roundId, seat, privateKeyToAddress(inviteKey)],
  });
  return next;
}

/**
 * Opens a lost tablet's sheet: decrypts the seat's latest escrow blob with
 * the round's escrow key and reveals it. The contract checks the opening
 * against the commitment, so the scores are exactly the sealed ones.
 */
export async function revealFromEscrow(
  context: AdminContext,
  roundId: bigint,
  seat: SeatProgress,
  escrowPrivateKey: `0x${string}`,
): Promise<Hash> {
  if (!seat.escrow) throw new EscrowBlobMissingError(seat.seat);
  const sheet = decryptSheet(escrowPrivateKey, seat.escrow);
  return context.signer.send({
    functionName: "revealSheet",
    args: [roundId, seat.seat, sheet.scores, sheet.comments, sheet.salt],
  });
}

export function closeScoring(
  context: AdminContext,
  roundId: bigint,
): Promise<Hash> {
  return context.signer.send({ functionName: "closeScoring", args: [roundId] });
}

export function finalizeRound(
  context: AdminContext,
  roundId: bigint,
): Promise<Hash> {
  return context.signer.send({ functionName: "finalize", args: [roundId] });
}

export function cancelRound(
  context: AdminContext,
  roundId: bigint,
  reason: string,
): Promise<Hash> {
  return context.signer.send({
    functionName: "cancelRound",
    args: [roundId, reason],
  });
}
