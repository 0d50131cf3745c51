import { AbiCoder, keccak256, toUtf8Bytes } from "ethers";
import type { TypedDataDomain, Wallet } from "ethers";

import { juryboxTypes } from "../../core/eip712.ts";
import type { SeatKeys } from "./plan.ts";

/** EIP-712 message types, shared with core/ so both sign the same way. */
export const TYPES = juryboxTypes;

export const PLEDGE_TEXT =
  "I have no conflict of interest with any bidder and will keep every " +
  "score confidential until the round is finalized.";

export interface Sheet {
  scores: number[];
  comments: string[];
  salt: string;
}

const coder = AbiCoder.defaultAbiCoder();

export function hashComments(comments: string[]): string {
  return keccak256(coder.encode(["string[]"], [comments]));
}

export function commitmentOf(
  roundId: bigint,
  seat: number,
  sheet: Sheet,
): string {
  return keccak256(
    coder.encode(
      ["uint256", "uint16", "uint16[]", "bytes32", "bytes32"],
      [roundId, seat, sheet.scores, hashComments(sheet.comments), sheet.salt],
    ),
  );
}

export function hashText(text: string): string {
  return keccak256(toUtf8Bytes(text));
}

export interface ClaimArgs {
  device: string;
  pledgeHash: string;
  inviteSig: string;
  pledgeSig: string;
}

/** Signs the Claim with the invite key and the Pledge with the device key. */
export async function signClaim(
  domain: TypedDataDomain,
  roundId: bigint,
  seat: number,
  keys: SeatKeys,
  pledgeText = PLEDGE_TEXT,
): Promise<ClaimArgs> {
  const device = keys.device.address;
  const pledgeHash = hashText(pledgeText);
  const inviteSig = await keys.invite.signTypedData(
    domain,
    { Claim: [...TYPES.Claim] },
    { roundId, seat, device },
  );
  const pledgeSig = await keys.device.signTypedData(
    domain,
    { Pledge: [...TYPES.Pledge] },
    { roundId, seat, pledgeHash },
  );
  return { device, pledgeHash, inviteSig, pledgeSig };
}

export function signSheet(
  domain: TypedDataDomain,
  device: Wallet,
  roundId: bigint,
  seat: number,
  commitment: string,
): Promise<string> {
  return device.signTypedData(
    domain,
    { Sheet: [...TYPES.Sheet] },
    { roundId, seat, commitment },
  );
}

export function signRecusal(
  domain: TypedDataDomain,
  device: Wallet,
  roundId: bigint,
  seat: number,
  reason: string,
): Promise<string> {
  return device.signTypedData(
    domain,
    { Recusal: [...TYPES.Recusal] },
    { roundId, seat, reasonHash: hashText(reason) },
  );
}
