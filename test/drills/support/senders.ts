import { createWalletClient, http, type Hex, type LocalAccount } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";

import {
  createChainClient,
  sendRegistryCall,
  withGasMargin,
  type RegistryCall as AppRegistryCall,
} from "../../../app/src/chain/client.ts";
import { describeError } from "../../../app/src/chain/errors.ts";
import { connectRpc } from "../../../cli/lib/chain-client.ts";
import type { RegistrySession } from "../../../cli/lib/create-round.ts";
import { ContractRevertError } from "../../../cli/lib/errors.ts";
import { registryAbi } from "../../../cli/lib/registry-abi.ts";
import { sendContract } from "../../../cli/lib/send.ts";
import { encodeRegistryCall, type RegistryCall } from "./reverts.ts";

/**
 * One client's way of sending a registry call from a device key: the CLI's
 * `sendContract` or the tablet's `sendRegistryCall`. Both read the nonce
 * from the node's pending count for every transaction.
 */
export interface Sender {
  name: string;
  device: LocalAccount;
  /** Sends and waits for the receipt; throws on any failure. */
  send(call: RegistryCall, rpcUrl?: string): Promise<void>;
  /** The custom error name in a failure, or undefined for other failures. */
  revertName(error: unknown): string | undefined;
}

/**
 * Estimates gas, reads the pending nonce and signs a registry call the way
 * the tablet's sendRegistryCall does (with its gas margin), but returns the
 * signed transaction instead of sending it.
 */
export async function prepareSigned(
  session: RegistrySession,
  device: LocalAccount,
  call: RegistryCall,
): Promise<Hex> {
  const { chainId, rpcUrl } = session.connection;
  const wallet = createWalletClient({
    account: device,
    chain: createChainClient(chainId, rpcUrl).chain,
    transport: http(rpcUrl, { retryCount: 0 }),
  });
  const request = await wallet.prepareTransactionRequest({
    to: session.registry,
    data: encodeRegistryCall(call),
    gasPrice: 0n,
    type: "legacy",
  } as Parameters<typeof wallet.prepareTransactionRequest>[0]);
  const gas = withGasMargin(request.gas as bigint);
  return device.signTransaction({
    ...request,
    gas,
  } as Parameters<typeof device.signTransaction>[0]);
}

/** Creates a device key that sends with the CLI's sendContract. */
export function cliSender(session: RegistrySession): Sender {
  const device = privateKeyToAccount(generatePrivateKey());
  return {
    name: "CLI sendContract",
    device,
    async send(call, rpcUrl) {
      const connection =
        rpcUrl === undefined ? session.connection : await connectRpc(rpcUrl);
      await sendContract(connection, device, {
        address: session.registry,
        abi: registryAbi,
        ...call,
      });
    },
    revertName: (error) =>
      error instanceof ContractRevertError ? error.errorName : undefined,
  };
}

/**
 * Creates a device key that sends with the tablet's sendRegistryCall
 * (viem's writeContract at zero gas price, with the tablet's gas margin).
 */
export function tabletSenderFor(session: RegistrySession): Sender {
  const privateKey: Hex = generatePrivateKey();
  const device = privateKeyToAccount(privateKey);
  const { chainId } = session.connection;
  return {
    name: "tablet sendRegistryCall",
    device,
    async send(call, rpcUrl = session.connection.rpcUrl) {
      const client = createChainClient(chainId, rpcUrl);
      await sendRegistryCall(
        client,
        session.registry,
        privateKey,
        call as AppRegistryCall,
      );
    },
    revertName: (error) => /^(Registry\w+)\(/.exec(describeError(error))?.[1],
  };
}
