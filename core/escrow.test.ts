import { xchacha20poly1305 } from "@noble/ciphers/chacha.js";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { hkdf } from "@noble/hashes/hkdf.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, hexToBytes, stringToBytes } from "viem";
import type { Hex } from "viem";
import { describe, expect, it } from "vitest";
import { EscrowError } from "./errors.ts";
import {
  assertEscrowPublicKey,
  decryptSheet,
  encryptSheet,
  escrowPublicKeyOf,
  generateEscrowKey,
} from "./escrow.ts";
import type { EscrowSheet } from "./escrow.ts";

const sheet: EscrowSheet = {
  scores: [7250, 0, 65535, 1],
  comments: ["사업 이해도가 높음", ""],
  salt: `0x${"ab".repeat(32)}`,
};

function escrowErrorOf(action: () => unknown): EscrowError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(EscrowError);
    return error as EscrowError;
  }
  throw new Error("no error was thrown");
}

function flipByte(blob: Hex, index: number): Hex {
  const bytes = hexToBytes(blob);
  bytes[index] ^= 0x01;
  return bytesToHex(bytes);
}

describe("escrow", () => {
  it("round-trips a sheet", () => {
    const key = generateEscrowKey();
    const blob = encryptSheet(key.publicKey, sheet);
    expect(decryptSheet(key.privateKey, blob)).toEqual(sheet);
  });

  it("makes a compressed public key", () => {
    const key = generateEscrowKey();
    expect(key.publicKey).toMatch(/^0x0[23][0-9a-f]{64}$/);
    expect(escrowPublicKeyOf(key.privateKey)).toBe(key.publicKey);
  });

  it("lays out version, key, nonce and ciphertext", () => {
    const key = generateEscrowKey();
    const bytes = hexToBytes(encryptSheet(key.publicKey, sheet));
    const plaintext = JSON.stringify(sheet);
    expect(bytes[0]).toBe(1);
    expect(bytes.length).toBe(
      1 + 33 + 24 + stringToBytes(plaintext).length + 16,
    );
  });

  it("decrypts with the layout computed independently", () => {
    const key = generateEscrowKey();
    const bytes = hexToBytes(encryptSheet(key.publicKey, sheet));
    const ephemeral = bytes.slice(1, 34);
    const shared = secp256k1.getSharedSecret(
      hexToBytes(key.privateKey),
      ephemeral,
      true,
    );
    const aeadKey = hkdf(
      sha256,
      shared.slice(1),
      undefined,
      stringToBytes("jurybox-escrow-v1"),
      32,
    );
    const plaintext = xchacha20poly1305(aeadKey, bytes.slice(34, 58)).decrypt(
      bytes.slice(58),
    );
    expect(new TextDecoder().decode(plaintext)).toBe(
      `{"scores":[7250,0,65535,1],"comments":["사업 이해도가 높음",""],"salt":"0x${"ab".repeat(32)}"}`,
    );
  });

  it("uses a fresh ephemeral key and nonce each time", () => {
    const key = generateEscrowKey();
    expect(encryptSheet(key.publicKey, sheet)).not.toBe(
      encryptSheet(key.publicKey, sheet),
    );
  });

  it("rejects the wrong key", () => {
    const blob = encryptSheet(generateEscrowKey().publicKey, sheet);
    const error = escrowErrorOf(() =>
      decryptSheet(generateEscrowKey().privateKey, blob),
    );
    expect(error.message).toBe(
      "The escrow blob failed authentication: the key is not this round's escrow key, or the blob was altered.",
    );
  });

  it.each([
    ["the nonce", 40],
    ["the ciphertext", 60],
    ["the tag", -1],
  ])("detects a change in %s", (_, index) => {
    const key = generateEscrowKey();
    const blob = encryptSheet(key.publicKey, sheet);
    const position = index < 0 ? hexToBytes(blob).length - 1 : index;
    const error = escrowErrorOf(() =>
      decryptSheet(key.privateKey, flipByte(blob, position)),
    );
    expect(error.message).toMatch(/failed authentication/);
  });

  it("detects a changed ephemeral key", () => {
    const key = generateEscrowKey();
    const blob = encryptSheet(key.publicKey, sheet);
    const error = escrowErrorOf(() =>
      decryptSheet(key.privateKey, flipByte(blob, 10)),
    );
    expect(error.message).toMatch(
      /failed authentication|is not a secp256k1 point/,
    );
  });

  it("rejects a truncated blob", () => {
    const key = generateEscrowKey();
    const blob = encryptSheet(key.publicKey, sheet).slice(0, 2 + 2 * 60) as Hex;
    const error = escrowErrorOf(() => decryptSheet(key.privateKey, blob));
    expect(error.message).toBe(
      "The escrow blob is truncated: 60 bytes, at least 74 needed.",
    );
  });

  it("rejects an unknown version", () => {
    const key = generateEscrowKey();
    const blob = `0x02${encryptSheet(key.publicKey, sheet).slice(4)}` as Hex;
    const error = escrowErrorOf(() => decryptSheet(key.privateKey, blob));
    expect(error.message).toBe("The escrow blob has unknown version 2.");
  });

  it("rejects a blob that is not hex", () => {
    const key = generateEscrowKey();
    const error = escrowErrorOf(() => decryptSheet(key.privateKey, "0xzz"));
    expect(error.message).toBe("The escrow blob is not hex.");
  });

  it("rejects content that is not a sheet", () => {
    const key = generateEscrowKey();
    const blob = encryptSheet(key.publicKey, { ...sheet, salt: "0x12" });
    const error = escrowErrorOf(() => decryptSheet(key.privateKey, blob));
    expect(error.message).toBe(
      "The escrow blob decrypted, but its content is not a sheet.",
    );
  });

  it.each([
    [
      "an uncompressed key",
      () =>
        bytesToHex(
          secp256k1.getPublicKey(secp256k1.utils.randomSecretKey(), false),
        ),
    ],
    ["a point off the curve", () => `0x02${"ff".repeat(32)}`],
    ["text", () => "escrow"],
  ])("rejects %s as a public key", (_, makeKey) => {
    const error = escrowErrorOf(() => assertEscrowPublicKey(makeKey()));
    expect(error.message).toMatch(
      /is not a 33-byte compressed secp256k1 point\.$/,
    );
  });

  it("rejects an invalid private key", () => {
    const blob = encryptSheet(generateEscrowKey().publicKey, sheet);
    const error = escrowErrorOf(() =>
      decryptSheet(`0x${"00".repeat(32)}`, blob),
    );
    expect(error.message).toBe(
      "The escrow private key is not a valid 32-byte secp256k1 key.",
    );
  });
});
