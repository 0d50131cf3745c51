import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

import {
  startIndexer,
  type RunningIndexer,
} from "../../../cli/indexer/index.ts";
import { startRpcRelay, type RpcRelay } from "./rpc-relay.ts";
import type { TestSystem } from "./system.ts";

// A real Ponder indexer for the browser tests: `ponder start` through
// cli/indexer on PGlite in a temporary folder, indexing the test system's
// registry, with the app server's /graphql pointed at it.

export interface TestIndexer {
  indexer: RunningIndexer;
  /** The indexer reads the chain through this relay, which can hold its requests. */
  relay: RpcRelay;
  /** Stops Ponder if it still runs, detaches /graphql and deletes the folder. */
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const quietLogger = { info() {}, warn() {}, error() {} };

/**
 * Starts an indexer of the system's registry from block 0 (the test chain
 * is fresh), waits until it has indexed the past blocks, and points the
 * app server's /graphql at it.
 */
export async function startTestIndexer(
  system: TestSystem,
): Promise<TestIndexer> {
  const folder = await mkdtemp(join(tmpdir(), "jurybox-e2e-indexer-"));
  const deploymentsFile = join(folder, "deployments.json");
  await writeFile(
    deploymentsFile,
    JSON.stringify({
      [system.chainId]: { registry: system.registry, deployBlock: "0" },
    }),
  );
  let indexer: RunningIndexer | undefined;
  const relay = await startRpcRelay(system.rpcUrl);
  const stop = async () => {
    system.setIndexerUrl(undefined);
    await indexer?.stop();
    await relay.close();
    await rm(folder, { recursive: true, force: true });
  };
  try {
    indexer = await startIndexer({
      rpcUrl: relay.url,
      chainId: system.chainId,
      dataDir: folder,
      port: await freePort(),
      deploymentsFile,
      logger: quietLogger,
    });
    await indexer.waitUntilReady(180_000);
    system.setIndexerUrl(indexer.url);
    return { indexer, relay, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
