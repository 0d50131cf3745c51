import { randomBytes } from "@noble/hashes/utils.js";
import {
  bytesToHex,
  encodeAbiParameters,
  encodePacked,
  isHex,
  keccak256,
} from "viem";
import type { Hex } from "viem";
import { EncodingError } from "./errors.ts";

// The sealed sheet. The commitment hides the scores until the reveal and
// binds them to the round and the seat:
//   commentsHash = keccak256(abi.encode(string[] comments))
//   commitment   = keccak256(abi.encode(uint256 roundId, uint16 seat,
//                    uint16[] scores, bytes32 commentsHash, bytes32 salt))

/** The scores, comments and salt that a seat commits to. */
export type SheetOpening = {
  roundId: bigint;
  seat: number;
  /** Hundredths, bidder-major over the qualitative criteria. */
  scores: readonly number[];
  /** One per bidder; "" where there is none. */
  comments: readonly string[];
  /** 32 random bytes. */
  salt: Hex;
};

function assertBytes32(value: Hex, what: string): void {
  if (!isHex(value) || value.length !== 66) {
    throw new EncodingError(`The ${what} ${value} is not 32 bytes of hex.`, {
      hint: `Give the ${what} as 0x followed by 64 hex digits.`,
    });
  }
}

function assertUint16(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value > 65_535) {
    throw new EncodingError(`The ${what} ${value} is not a uint16.`, {
      hint: `Give the ${what} as a whole number from 0 to 65535.`,
    });
  }
}

/** Returns 32 random bytes from the platform's random source. */
export function randomSalt(): Hex {
  return bytesToHex(randomBytes(32));
}

/** `keccak256(abi.encode(string[] comments))`. */
export function hashComments(comments: readonly string[]): Hex {
  return keccak256(encodeAbiParameters([{ type: "string[]" }], [comments]));
}

/** The commitment of a sheet, as `commitSheet` stores and the reveal checks. */
export function computeCommitment(opening: SheetOpening): Hex {
  assertUint16(opening.seat, "seat");
  opening.scores.forEach((score) => assertUint16(score, "score"));
  assertBytes32(opening.salt, "salt");
  if (opening.roundId < 0n) {
    throw new EncodingError(`The round id ${opening.roundId} is negative.`, {
      hint: "Round ids start at 1.",
    });
  }
  const encoded = encodeAbiParameters(
    [
      { type: "uint256" },
      { type: "uint16" },
      { type: "uint16[]" },
      { type: "bytes32" },
      { type: "bytes32" },
    ],
    [
      opening.roundId,
      opening.seat,
      opening.scores,
      hashComments(opening.comments),
      opening.salt,
    ],
  );
  return keccak256(encoded);
}

/**
 * The lottery seed: `keccak256(abi.encodePacked(bytes32[] salts))` over the
 * salts of the opened seats in seat order. No one can compute it before the
 * last reveal.
 */
export function lotterySeed(salts: readonly Hex[]): Hex {
  salts.forEach((salt) => assertBytes32(salt, "salt"));
  return keccak256(encodePacked(["bytes32[]"], [salts]));
}
