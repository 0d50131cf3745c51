import type { Address, Hash, Hex, PublicClient } from "viem";
import { privateKeyToAddress } from "viem/accounts";

import { sendRegistryCall, type RegistryCall } from "../chain/client.ts";

/** Sends the round administrator's transactions and waits for their receipts. */
export interface AdminSigner {
  address: Address;
  kind: "local" | "wallet";
  send(call: RegistryCall): Promise<Hash>;
}

/** A signer over a private key kept in this browser (the embedded default). */
export function localSigner(
  client: PublicClient,
  registry: Address,
  privateKey: Hex,
): AdminSigner {
  return {
    address: privateKeyToAddress(privateKey),
    kind: "local",
    send: (call) => sendRegistryCall(client, registry, privateKey, call),
  };
}
