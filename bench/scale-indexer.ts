// The indexer beside the scale run: started before the first round, then
// timed from the end of the last round until it has indexed the last block.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";

import type { ChainLogger } from "../cli/chain/logger.ts";
import { folderBytes } from "./scale-measure.ts";

/** Starts the indexer on the scale chain and waits until it is ready. */
export async function startScaleIndexer(
  chain: { rpcUrl: string; chainId: number },
  deployment: { registry: string; deployBlock: bigint },
  dir: string,
  port: number,
  logger: ChainLogger,
) {
  const { startIndexer } = await import("../cli/indexer/index.ts");
  const deploymentsFile = join(dir, "deployments.json");
  const entry = {
    registry: deployment.registry,
    deployBlock: deployment.deployBlock.toString(),
  };
  await writeFile(deploymentsFile, JSON.stringify({ [chain.chainId]: entry }));
  const indexer = await startIndexer({
    rpcUrl: chain.rpcUrl,
    chainId: chain.chainId,
    dataDir: join(dir, "indexer-data"),
    port,
    deploymentsFile,
    logger,
  });
  await indexer.waitUntilReady();
  return indexer;
}

async function indexedBlock(url: string): Promise<number> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ _meta { status } }" }),
  });
  const body = (await response.json()) as {
    data?: { _meta: { status: Record<string, { block: { number: number } }> } };
  };
  const status = Object.values(body.data?._meta.status ?? {})[0];
  return status?.block.number ?? -1;
}

/**
 * Waits until the indexer has processed the last block of the run and
 * returns how long that took and the size of its PGlite database.
 */
export async function measureIndexer(
  indexer: { url: string },
  lastBlock: bigint,
  dir: string,
): Promise<Record<string, number>> {
  const started = performance.now();
  const deadline = Date.now() + 600_000;
  while (
    (await indexedBlock(indexer.url).catch(() => -1)) < Number(lastBlock)
  ) {
    if (Date.now() > deadline) {
      throw new Error(
        `The indexer did not reach block ${lastBlock} in 10 minutes.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const lagMs = Math.round(performance.now() - started);
  const databaseBytes = await folderBytes(
    join(dir, "indexer-data", "indexer", "pglite"),
  );
  return {
    indexerLagMs: lagMs,
    indexerDbMb: Math.round(databaseBytes / 10_000) / 100,
  };
}
