import { toRlp, type Address, type Hex } from "viem";

/** The 32 bytes of vanity data at the start of every QBFT extraData. */
const VANITY: Hex = `0x${"00".repeat(32)}`;

/**
 * Encodes the genesis extraData of a QBFT network whose validators are
 * chosen by block header votes, the way Besu's QbftExtraDataCodec writes
 * it: RLP([vanity, [validator addresses], no vote, round 0, no seals]).
 * An absent vote is an empty list and round 0 is the empty byte string,
 * which `besu rlp encode --type=QBFT_EXTRA_DATA` also produces.
 */
export function encodeQbftExtraData(validators: readonly Address[]): Hex {
  const addresses = validators.map((address) => address.toLowerCase() as Hex);
  return toRlp([VANITY, addresses, [], "0x", []]);
}
