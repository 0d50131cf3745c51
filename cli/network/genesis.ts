import { numberToHex, type Address, type Hex } from "viem";

import { encodeQbftExtraData } from "./extra-data.ts";
import type { NetworkPlan } from "./options.ts";

/** Blocks between QBFT epoch transitions, which drop pending votes. */
export const EPOCH_LENGTH = 30_000;
/** EIP-170's limit, the same as on the test chain, so what deploys there fits. */
export const CONTRACT_SIZE_LIMIT = 24_576;
/** The mixHash Besu requires of BFT blocks ("ctical byzantine fault tolerance"). */
export const BFT_MIX_HASH: Hex =
  "0x63746963616c2062797a616e74696e65206661756c7420746f6c6572616e6365";
const ZERO_HASH: Hex = `0x${"00".repeat(32)}`;

/**
 * Builds the QBFT genesis with the validators in extraData, in the given
 * order. Every fork up to Cancun is active from block 0, because Solidity
 * is compiled for cancun. The base fee is zero and stays zero, which takes
 * `zeroBaseFee` besides `baseFeePerGas`. No account is funded, because
 * every transaction costs 0.
 */
export function buildGenesis(
  plan: NetworkPlan,
  validators: readonly Address[],
  timestamp: number,
) {
  return {
    config: {
      chainId: plan.chainId,
      homesteadBlock: 0,
      eip150Block: 0,
      eip158Block: 0,
      byzantiumBlock: 0,
      constantinopleBlock: 0,
      petersburgBlock: 0,
      istanbulBlock: 0,
      muirGlacierBlock: 0,
      berlinBlock: 0,
      londonBlock: 0,
      shanghaiTime: 0,
      cancunTime: 0,
      zeroBaseFee: true,
      contractSizeLimit: CONTRACT_SIZE_LIMIT,
      qbft: {
        blockperiodseconds: plan.blockPeriodSeconds,
        epochlength: EPOCH_LENGTH,
        requesttimeoutseconds: plan.requestTimeoutSeconds,
      },
    },
    nonce: "0x0",
    timestamp: numberToHex(timestamp),
    extraData: encodeQbftExtraData(validators),
    gasLimit: numberToHex(plan.gasLimit),
    difficulty: "0x1",
    mixHash: BFT_MIX_HASH,
    coinbase: `0x${"00".repeat(20)}`,
    baseFeePerGas: "0x0",
    blobGasUsed: "0x0",
    excessBlobGas: "0x0",
    parentBeaconBlockRoot: ZERO_HASH,
    alloc: {},
  };
}

export type Genesis = ReturnType<typeof buildGenesis>;
