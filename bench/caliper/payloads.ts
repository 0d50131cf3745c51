// Signed registry calls prepared before Caliper's measured rounds: each
// commit carries a sheet sealed, signed and escrowed the way a tablet does
// it (core/commitment.ts, core/eip712.ts, core/escrow.ts), and each reveal
// opens that commit. Caliper's workers send them with their own keys,
// which the registry allows because it checks the signature, not the
// sender.
import type { Hex, LocalAccount } from "viem";

import {
  computeCommitment,
  encryptSheet,
  juryboxDomain,
  juryboxTypedData,
  randomSalt,
} from "../../core/index.ts";
import type { RegistrySession } from "../../cli/lib/create-round.ts";

/** A seat whose device key has claimed it. */
export interface ClaimedSeat {
  roundId: bigint;
  seat: number;
  device: LocalAccount;
}

/** The arguments of `commitSheet`, in ABI order, JSON-ready. */
export type CommitArgs = [
  roundId: string,
  seat: number,
  commitment: Hex,
  sheetSig: Hex,
  escrow: Hex,
];

/** The arguments of `revealSheet`, in ABI order, JSON-ready. */
export type RevealArgs = [
  roundId: string,
  seat: number,
  scores: number[],
  comments: string[],
  salt: Hex,
];

/** A seat's commit and the reveal that opens it. */
export interface SealedCalls {
  roundId: bigint;
  seat: number;
  commit: CommitArgs;
  reveal: RevealArgs;
}

/**
 * Seals a sheet with a fresh salt, signs the commitment with the seat's
 * device key and encrypts the escrow copy to the round's escrow key.
 */
export async function sealSheet(
  session: RegistrySession,
  claimed: ClaimedSeat,
  sheet: { scores: number[]; comments: string[] },
  escrowPublicKey: Hex,
): Promise<SealedCalls> {
  const { roundId, seat, device } = claimed;
  const salt = randomSalt();
  const opening = { roundId, seat, ...sheet, salt };
  const commitment = computeCommitment(opening);
  const domain = juryboxDomain(session.connection.chainId, session.registry);
  const sheetSig = await device.signTypedData(
    juryboxTypedData(domain, "Sheet", { roundId, seat, commitment }),
  );
  const escrow = encryptSheet(escrowPublicKey, { ...sheet, salt });
  const id = roundId.toString();
  return {
    roundId,
    seat,
    commit: [id, seat, commitment, sheetSig, escrow],
    reveal: [id, seat, sheet.scores, sheet.comments, salt],
  };
}

/** The call lists of the measured rounds, one JSON file each. */
export interface PayloadSets {
  /** Every seat's commit; the last one mined in a round closes scoring. */
  commits: CommitArgs[];
  /** Every reveal but the last seat's of each round. */
  reveals: RevealArgs[];
  /** The last seat's reveal of each round, which runs the tally. */
  finalReveals: RevealArgs[];
}

/**
 * Orders the calls of many rounds for the measured rounds. Commits and
 * reveals are interleaved across rounds, so that neighbouring sends hit
 * different rounds as they would with many juries at work.
 */
export function orderPayloads(rounds: readonly SealedCalls[][]): PayloadSets {
  const seatCount = Math.max(...rounds.map((calls) => calls.length));
  const commits: CommitArgs[] = [];
  const reveals: RevealArgs[] = [];
  for (let seat = 0; seat < seatCount; seat++) {
    for (const calls of rounds) {
      const call = calls[seat];
      if (call === undefined) continue;
      commits.push(call.commit);
      if (seat < calls.length - 1) reveals.push(call.reveal);
    }
  }
  const finalReveals = rounds.map((calls) => calls[calls.length - 1].reveal);
  return { commits, reveals, finalReveals };
}
