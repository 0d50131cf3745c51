import { xchacha20poly1305 } from "@noble/ciphers/chacha.js";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { hkdf } from "@noble/hashes/hkdf.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { concat, getBytes, hexlify, randomBytes, toUtf8Bytes } from "ethers";

import type { Sheet } from "./fixtures.ts";

const VERSION = new Uint8Array([0x01]);
const INFO = toUtf8Bytes("jurybox-escrow-v1");

/**
 * Encrypts a sheet to a round's escrow key as docs/PROTOCOL.md, "Escrow
 * blob", describes: version ‖ ephemeral key ‖ nonce ‖ XChaCha20-Poly1305.
 * `entropy` supplies the ephemeral secret and the nonce.
 */
export function escrowBlob(
  escrowPublicKey: string,
  sheet: Sheet,
  entropy: () => string = () => hexlify(randomBytes(32)),
): string {
  const ephemeralSecret = getBytes(entropy());
  const ephemeralPublic = secp256k1.getPublicKey(ephemeralSecret, true);
  const shared = secp256k1
    .getSharedSecret(ephemeralSecret, getBytes(escrowPublicKey), true)
    .slice(1);
  const key = hkdf(sha256, shared, undefined, INFO, 32);
  const nonce = getBytes(entropy()).slice(0, 24);
  const plaintext = toUtf8Bytes(
    JSON.stringify({
      scores: sheet.scores,
      comments: sheet.comments,
      salt: sheet.salt,
    }),
  );
  const ciphertext = xchacha20poly1305(key, nonce).encrypt(plaintext);
  return hexlify(concat([VERSION, ephemeralPublic, nonce, ciphertext]));
}
