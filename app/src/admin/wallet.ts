import { createConfig } from "wagmi";
import { connect, getWalletClient } from "wagmi/actions";
import { injected } from "wagmi/connectors";
import { http, type Address, type PublicClient } from "viem";

import { registryAbi } from "../chain/abi.ts";
import { appChain, TransactionRevertedError } from "../chain/client.ts";
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
  return {
    address: accounts[0],
    kind: "wallet",
    send: async (call) => {
      const hash = await wallet.writeContract({
        address: registry,
        abi: registryAbi,
        functionName: call.functionName,
        args: call.args,
        chain,
        account: accounts[0],
      } as unknown as Parameters<typeof wallet.writeContract>[0]);
      const receipt = await client.waitForTransactionReceipt({ hash });
      if (receipt.status !== "success") {
        throw new TransactionRevertedError(call.functionName, hash);
      }
      return hash;
    },
  };
}
