import type { DrillChain } from "./chain.ts";

/**
 * Lists the nonce of every transaction that `address` got into a block
 * since the registry's deployment, in block order.
 */
export async function minedNonces(
  chain: DrillChain,
  address: string,
): Promise<number[]> {
  const { client } = chain.connection;
  const latest = await client.getBlockNumber({ cacheTime: 0 });
  const found: number[] = [];
  for (let number = chain.deployBlock; number <= latest; number += 1n) {
    const block = await client.getBlock({
      blockNumber: number,
      includeTransactions: true,
    });
    for (const tx of block.transactions) {
      if (tx.from.toLowerCase() === address.toLowerCase()) found.push(tx.nonce);
    }
  }
  return found;
}

/** Lists the nonces of many senders with one pass over the blocks. */
export async function minedNoncesOf(
  chain: DrillChain,
  addresses: readonly string[],
): Promise<Map<string, number[]>> {
  const { client } = chain.connection;
  const wanted = new Map(
    addresses.map((a) => [a.toLowerCase(), [] as number[]]),
  );
  const latest = await client.getBlockNumber({ cacheTime: 0 });
  for (let number = chain.deployBlock; number <= latest; number += 1n) {
    const block = await client.getBlock({
      blockNumber: number,
      includeTransactions: true,
    });
    for (const tx of block.transactions) {
      wanted.get(tx.from.toLowerCase())?.push(tx.nonce);
    }
  }
  return wanted;
}
