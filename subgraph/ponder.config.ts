import { createConfig } from "ponder";
import { http, type Transport } from "viem";

import { evaluationRegistryAbi } from "../core/generated/registry-abi.ts";
import { readIndexerSettings } from "./settings.ts";

// The registry address and start block come from the deployments file that
// `jurybox up` writes after deploying (core/generated/deployments.json).
const settings = readIndexerSettings();

/**
 * Ponder 0.16 gives every JSON-RPC request 10 s, counts a timeout as rate
 * limiting and then sends fewer requests per second. A block of 730
 * transactions is about 0.9 MB of JSON. During a backfill the same process
 * parses up to 100 such blocks at once while it writes to PGlite, so a
 * response from the local node can take longer than 10 s to read. The
 * node is on the same machine, so a slow response means a busy indexer, not
 * a lost request: allow 60 s. viem limits a response to 10 MB, but one
 * eth_getLogs over 50 full blocks returns about 18 MB, and Ponder's own
 * client has no limit: allow 1 GiB.
 */
function localTransport(url: string): Transport {
  const transport = http(url, { maxResponseBodySize: 1 << 30 });
  return (params) => transport({ ...params, timeout: 60_000 });
}

export default createConfig({
  database:
    settings.databaseUrl === undefined
      ? { kind: "pglite", directory: settings.pgliteDir }
      : { kind: "postgres", connectionString: settings.databaseUrl },
  chains: {
    jurybox: {
      id: settings.chainId,
      rpc: localTransport(settings.rpcUrl),
      // The chain mines a block per second and sits on the same machine, so
      // polling often costs little and brings new events sooner.
      pollingInterval: 250,
    },
  },
  contracts: {
    EvaluationRegistry: {
      chain: "jurybox",
      abi: evaluationRegistryAbi,
      address: settings.registry,
      startBlock: settings.startBlock,
    },
  },
  blocks: {
    // Moves the indexed-block record forward on blocks without registry
    // events. It starts at the head when the indexer starts, so a backfill
    // does not fetch every past block.
    LatestBlock: {
      chain: "jurybox",
      interval: 1,
      startBlock: "latest",
    },
  },
});
