import { secp256k1 } from "@noble/curves/secp256k1.js";
import {
  bytesToHex,
  getAddress,
  hexToBytes,
  keccak256,
  type Address,
  type Hex,
} from "viem";

/** A secp256k1 key pair in the formats Besu reads and writes. */
export interface NodeKey {
  /** 32-byte private key, 0x-prefixed hex: the content of Besu's `key` file. */
  privateKey: Hex;
  /**
   * 64-byte uncompressed public key without the 0x04 prefix: the content
   * of `key.pub` and the node id in an enode URL.
   */
  publicKey: Hex;
  /** Checksummed account address: the validator address in QBFT. */
  address: Address;
}

/** Derives the public key and address of a 0x-prefixed private key. */
export function nodeKeyFromPrivateKey(privateKey: Hex): NodeKey {
  const uncompressed = secp256k1.getPublicKey(hexToBytes(privateKey), false);
  const publicKey = uncompressed.slice(1);
  const address = getAddress(`0x${keccak256(publicKey).slice(-40)}`);
  return { privateKey, publicKey: bytesToHex(publicKey), address };
}

/** Generates a fresh key pair from the operating system's random source. */
export function generateNodeKey(): NodeKey {
  return nodeKeyFromPrivateKey(bytesToHex(secp256k1.utils.randomSecretKey()));
}

/** Returns a node's enode URL: its public key, then its host and TCP port. */
export function enodeUrl(key: NodeKey, host: string, port: number): string {
  return `enode://${key.publicKey.slice(2)}@${host}:${port}`;
}
