import { xchacha20poly1305 } from "@noble/ciphers/chacha.js";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { hkdf } from "@noble/hashes/hkdf.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { randomBytes } from "@noble/hashes/utils.js";
import { bytesToHex, hexToBytes, isHex, stringToBytes } from "viem";
import type { Hex } from "viem";
import { EscrowError } from "./errors.ts";

// The escrow copy of a sheet: encrypted to the round's escrow key so that
// the administrator can open a sheet whose tablet was lost. Layout:
//   0x01 ‖ ephemeral public key (33, compressed) ‖ nonce (24)
//   ‖ XChaCha20-Poly1305(key, nonce, UTF-8 JSON of the sheet)
// key = HKDF-SHA256(ECDH x coordinate, empty salt, "jurybox-escrow-v1", 32).

export const ESCROW_VERSION = 0x01;
const PUBLIC_KEY_BYTES = 33;
const NONCE_BYTES = 24;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + PUBLIC_KEY_BYTES + NONCE_BYTES;
const KDF_INFO = stringToBytes("jurybox-escrow-v1");

/** A sheet as the escrow blob carries it. */
export type EscrowSheet = {
  /** Hundredths, bidder-major over the qualitative criteria. */
  scores: number[];
  /** One per bidder; "" where there is none. */
  comments: string[];
  /** The 32-byte salt of the commitment. */
  salt: Hex;
};

/** An escrow key pair; the public key goes into the round parameters. */
export type EscrowKey = {
  privateKey: Hex;
  /** 33-byte compressed secp256k1 point. */
  publicKey: Hex;
};

/** Generates a fresh escrow key pair from the platform's random source. */
export function generateEscrowKey(): EscrowKey {
  const { secretKey, publicKey } = secp256k1.keygen();
  return {
    privateKey: bytesToHex(secretKey),
    publicKey: bytesToHex(publicKey),
  };
}

/** Returns the compressed public key of an escrow private key. */
export function escrowPublicKeyOf(privateKey: Hex): Hex {
  return bytesToHex(secp256k1.getPublicKey(privateKeyBytes(privateKey), true));
}

/**
 * Throws an `EscrowError` unless `publicKey` is a 33-byte compressed
 * secp256k1 point, the form `createRound` stores.
 */
export function assertEscrowPublicKey(
  publicKey: string,
): asserts publicKey is Hex {
  const isCompressed =
    isHex(publicKey) &&
    publicKey.length === 2 + 2 * PUBLIC_KEY_BYTES &&
    /^0x0[23]/.test(publicKey);
  let isOnCurve = false;
  if (isCompressed) {
    try {
      secp256k1.Point.fromBytes(hexToBytes(publicKey)).assertValidity();
      isOnCurve = true;
    } catch {
      isOnCurve = false;
    }
  }
  if (!isOnCurve) {
    throw new EscrowError(
      `Escrow public key ${publicKey} is not a 33-byte compressed secp256k1 point.`,
      { hint: "Use the publicKey returned by generateEscrowKey()." },
    );
  }
}

function privateKeyBytes(privateKey: Hex): Uint8Array {
  const bytes = isHex(privateKey) ? hexToBytes(privateKey) : undefined;
  if (bytes === undefined || !secp256k1.utils.isValidSecretKey(bytes)) {
    throw new EscrowError(
      "The escrow private key is not a valid 32-byte secp256k1 key.",
      {
        hint: "Use the privateKey returned by generateEscrowKey().",
      },
    );
  }
  return bytes;
}

function deriveKey(secretKey: Uint8Array, publicKey: Uint8Array): Uint8Array {
  const sharedPoint = secp256k1.getSharedSecret(secretKey, publicKey, true);
  const sharedX = sharedPoint.slice(1);
  return hkdf(sha256, sharedX, new Uint8Array(0), KDF_INFO, 32);
}

/** Encrypts a sheet to the round's escrow public key. */
export function encryptSheet(publicKey: Hex, sheet: EscrowSheet): Hex {
  assertEscrowPublicKey(publicKey);
  const ephemeral = secp256k1.keygen();
  const key = deriveKey(ephemeral.secretKey, hexToBytes(publicKey));
  const nonce = randomBytes(NONCE_BYTES);
  const plaintext = stringToBytes(
    JSON.stringify({
      scores: sheet.scores,
      comments: sheet.comments,
      salt: sheet.salt,
    }),
  );
  const ciphertext = xchacha20poly1305(key, nonce).encrypt(plaintext);

  const blob = new Uint8Array(HEADER_BYTES + ciphertext.length);
  blob[0] = ESCROW_VERSION;
  blob.set(ephemeral.publicKey, 1);
  blob.set(nonce, 1 + PUBLIC_KEY_BYTES);
  blob.set(ciphertext, HEADER_BYTES);
  return bytesToHex(blob);
}

function readBlob(blob: Hex) {
  const bytes = isHex(blob) ? hexToBytes(blob) : undefined;
  if (bytes === undefined) {
    throw new EscrowError("The escrow blob is not hex.", {
      hint: "Pass the escrow bytes of the SheetCommitted event as 0x… hex.",
    });
  }
  if (bytes.length > 0 && bytes[0] !== ESCROW_VERSION) {
    throw new EscrowError(`The escrow blob has unknown version ${bytes[0]}.`, {
      hint: `This code reads version ${ESCROW_VERSION}; update Jurybox to read newer blobs.`,
    });
  }
  if (bytes.length < HEADER_BYTES + TAG_BYTES) {
    throw new EscrowError(
      `The escrow blob is truncated: ${bytes.length} bytes, at least ${HEADER_BYTES + TAG_BYTES} needed.`,
      { hint: "Copy the whole escrow value of the SheetCommitted event." },
    );
  }
  return {
    ephemeralPublicKey: bytes.slice(1, 1 + PUBLIC_KEY_BYTES),
    nonce: bytes.slice(1 + PUBLIC_KEY_BYTES, HEADER_BYTES),
    ciphertext: bytes.slice(HEADER_BYTES),
  };
}

function parseSheet(plaintext: Uint8Array): EscrowSheet {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(plaintext));
  } catch {
    value = undefined;
  }
  const sheet = value as Partial<EscrowSheet> | undefined;
  const isSheet =
    typeof sheet === "object" &&
    sheet !== null &&
    Array.isArray(sheet.scores) &&
    sheet.scores.every(
      (score) => Number.isInteger(score) && score >= 0 && score <= 65_535,
    ) &&
    Array.isArray(sheet.comments) &&
    sheet.comments.every((comment) => typeof comment === "string") &&
    typeof sheet.salt === "string" &&
    isHex(sheet.salt) &&
    sheet.salt.length === 66;
  if (!isSheet) {
    throw new EscrowError(
      "The escrow blob decrypted, but its content is not a sheet.",
      {
        hint: "The sheet was encrypted by other software; open it with that software.",
      },
    );
  }
  return {
    scores: sheet.scores!,
    comments: sheet.comments!,
    salt: sheet.salt!,
  };
}

/**
 * Decrypts an escrow blob with the round's escrow private key. Throws an
 * `EscrowError` that names the cause: a blob that is not hex, truncated or
 * of an unknown version, a wrong key or altered bytes, or content that is
 * not a sheet.
 */
export function decryptSheet(privateKey: Hex, blob: Hex): EscrowSheet {
  const secretKey = privateKeyBytes(privateKey);
  const { ephemeralPublicKey, nonce, ciphertext } = readBlob(blob);

  let key: Uint8Array;
  try {
    key = deriveKey(secretKey, ephemeralPublicKey);
  } catch (cause) {
    throw new EscrowError(
      "The escrow blob's ephemeral public key is not a secp256k1 point.",
      {
        hint: "The blob is damaged; copy it again from the SheetCommitted event.",
        cause,
      },
    );
  }

  let plaintext: Uint8Array;
  try {
    plaintext = xchacha20poly1305(key, nonce).decrypt(ciphertext);
  } catch (cause) {
    throw new EscrowError(
      "The escrow blob failed authentication: the key is not this round's escrow key, or the blob was altered.",
      {
        hint: "Use the private key generated for this round, and the blob exactly as the chain stores it.",
        cause,
      },
    );
  }
  return parseSheet(plaintext);
}
