import { createConfig } from "wagmi";
import { connect, getWalletClient } from "wagmi/actions";
import { injected } from "wagmi/connectors";
import { http, type Address, type PublicClient } from "viem";

import { registryAbi } from "../chain/abi.ts";
import {
  appChain,
  TransactionRevertedError,
  withGasMargin,
} from "../chain/client.ts";
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
    send: async (call) => {
      const request = {
        address: registry,
        abi: registryAbi,
        functionName: call.functionName,
        args: call.args,
        account,
      } as unknown as Parameters<typeof client.estimateContractGas>[0];
      // The gas is estimated here at price 0, since the chain charges
      // nothing. A call that would revert fails with its decoded error
      // before the wallet sends anything, and the wallet gets a gas limit
      // and price that an unfunded admin account can pay.
      const estimate = await client.estimateContractGas({
        ...request,
        gasPrice: 0n,
      } as typeof request);
      const hash = await wallet.writeContract({
        ...request,
        chain,
        gas: withGasMargin(estimate),
        gasPrice: 0n,
      } as unknown as Parameters<typeof wallet.writeContract>[0]);
      const receipt = await client.waitForTransactionReceipt({
        hash,
        pollingInterval: 250,
        timeout: 60_000,
      });
      if (receipt.status !== "success") {
        throw new TransactionRevertedError(call.functionName, hash);
      }
      return hash;
    },
  };
}
