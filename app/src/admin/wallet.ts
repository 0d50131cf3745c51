import { createConfig } from "wagmi";
import { connect, getWalletClient } from "wagmi/actions";
import { injected } from "wagmi/connectors";
import { http, type Address, type PublicClient } from "viem";

import { appChain, writeRegistryCall } from "../chain/client.ts";
import type { AdminSigner } from "./signer.ts";

/**
 * Connects a browser wallet (EIP-1193, e.g. a wallet extension) through
 * wagmi's injected connector, for production chains where the admin key
 * stays in the wallet. This module is loaded only when the administrator
 * chooses to connect a wallet, so wagmi stays out of every other chunk.
 */
export async function connectWallet(
  client: PublicClient,
  registry: Address,
  rpcUrl: string,
): Promise<AdminSigner> {
  const chain = appChain(client.chain!.id, rpcUrl);
  const config = createConfig({
    chains: [chain],
    connectors: [injected()],
    transports: { [chain.id]: http(rpcUrl) },
  });
  const { accounts } = await connect(config, {
    connector: config.connectors[0],
    chainId: chain.id,
  });
  const wallet = await getWalletClient(config, { chainId: chain.id });
  const account = accounts[0];
  return {
    address: account,
    kind: "wallet",
    // The wallet gets a gas limit and price 0 that an unfunded admin
    // account can pay, and a call that would revert fails with its decoded
    // error before the wallet is asked to send.
    send: (call) => writeRegistryCall(client, wallet, registry, account, call),
  };
}
