import { encodeAbiParameters, keccak256, type Hex } from "viem";

/**
 * Orders seats by keccak256(abi.encode(seed, seat)), so that no one
 * chooses the order in which masked evaluators are shown.
 */
export function shuffledSeats(seats: number[], seed: Hex): number[] {
  const key = (seat: number) =>
    keccak256(
      encodeAbiParameters(
        [{ type: "bytes32" }, { type: "uint256" }],
        [seed, BigInt(seat)],
      ),
    );
  return [...seats].sort((a, b) => (key(a) < key(b) ? -1 : 1));
}

/** Returns the masked label of the `index`-th evaluator: A, B, … Z, AA, AB, … */
export function evaluatorLetter(index: number): string {
  const letter = String.fromCharCode(65 + (index % 26));
  return index < 26
    ? letter
    : evaluatorLetter(Math.floor(index / 26) - 1) + letter;
}
