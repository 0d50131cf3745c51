import {
  concat,
  keccak256,
  numberToHex,
  padHex,
  stringToHex,
  toHex,
} from "viem";
import type { Hex } from "viem";
import { describe, expect, it } from "vitest";
import {
  computeCommitment,
  hashComments,
  lotterySeed,
  randomSalt,
} from "./commitment.ts";
import { EncodingError } from "./errors.ts";

// The ABI encodings are built here word by word, without viem's encoder,
// so that the module is checked against the ABI specification itself.

const word = (value: number | bigint) => numberToHex(value, { size: 32 });
const salt: Hex = keccak256(stringToHex("commitment test salt"));

function encodeString(text: string): Hex {
  const bytes = new TextEncoder().encode(text);
  const padded = Math.ceil(bytes.length / 32) * 32;
  const data =
    bytes.length === 0
      ? "0x"
      : padHex(toHex(bytes), { size: padded, dir: "right" });
  return concat([word(bytes.length), data]);
}

function encodeStringArray(texts: string[]): Hex {
  const tails = texts.map(encodeString);
  const offsets: Hex[] = [];
  let offset = 32 * texts.length;
  for (const tail of tails) {
    offsets.push(word(offset));
    offset += (tail.length - 2) / 2;
  }
  return concat([word(32), word(texts.length), ...offsets, ...tails]);
}

describe("hashComments", () => {
  it.each([
    [[]],
    [[""]],
    [["ab", ""]],
    [["사업 이해도가 높음", "x".repeat(33), ""]],
  ])("matches the ABI encoding of %j", (comments) => {
    expect(hashComments(comments)).toBe(keccak256(encodeStringArray(comments)));
  });
});

describe("computeCommitment", () => {
  it("matches the ABI encoding word by word", () => {
    const scores = [7250, 0, 65535];
    const comments = ["좋음", ""];
    const encoded = concat([
      word(7n),
      word(3),
      word(5 * 32),
      keccak256(encodeStringArray(comments)),
      salt,
      word(scores.length),
      ...scores.map(word),
    ]);
    expect(
      computeCommitment({ roundId: 7n, seat: 3, scores, comments, salt }),
    ).toBe(keccak256(encoded));
  });

  it("binds the round, the seat, the scores and the comments", () => {
    const base = {
      roundId: 1n,
      seat: 0,
      scores: [100, 200],
      comments: ["", ""],
      salt,
    };
    const commitment = computeCommitment(base);
    const variants = [
      { ...base, roundId: 2n },
      { ...base, seat: 1 },
      { ...base, scores: [200, 100] },
      { ...base, comments: ["", " "] },
      { ...base, salt: randomSalt() },
    ];
    for (const variant of variants) {
      expect(computeCommitment(variant)).not.toBe(commitment);
    }
  });

  it.each([
    ["a seat above uint16", { seat: 65536 }, "The seat 65536 is not a uint16."],
    [
      "a fractional score",
      { scores: [72.5] },
      "The score 72.5 is not a uint16.",
    ],
    [
      "a short salt",
      { salt: "0x1234" as Hex },
      "The salt 0x1234 is not 32 bytes of hex.",
    ],
    ["a negative round", { roundId: -1n }, "The round id -1 is negative."],
  ])("rejects %s", (_, change, message) => {
    const opening = {
      roundId: 1n,
      seat: 0,
      scores: [1],
      comments: [""],
      salt,
      ...change,
    };
    expect(() => computeCommitment(opening)).toThrow(EncodingError);
    expect(() => computeCommitment(opening)).toThrow(message);
  });
});

describe("lotterySeed", () => {
  it("hashes the salts concatenated in seat order", () => {
    const salts = [salt, keccak256(salt), randomSalt()];
    expect(lotterySeed(salts)).toBe(keccak256(concat(salts)));
    expect(lotterySeed([...salts].reverse())).not.toBe(lotterySeed(salts));
  });

  it("hashes no salts as the empty string", () => {
    expect(lotterySeed([])).toBe(keccak256("0x"));
  });
});

describe("randomSalt", () => {
  it("returns 32 fresh bytes", () => {
    const first = randomSalt();
    expect(first).toMatch(/^0x[0-9a-f]{64}$/);
    expect(randomSalt()).not.toBe(first);
  });
});
