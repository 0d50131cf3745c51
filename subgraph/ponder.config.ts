import { createConfig } from "ponder";

import { evaluationRegistryAbi } from "../core/generated/registry-abi.ts";
import { readIndexerSettings } from "./settings.ts";

// The registry address and start block come from the deployments file that
// `jurybox up` writes after deploying (core/generated/deployments.json).
const settings = readIndexerSettings();

export default createConfig({
  database:
    settings.databaseUrl === undefined
      ? { kind: "pglite", directory: settings.pgliteDir }
      : { kind: "postgres", connectionString: settings.databaseUrl },
  chains: {
    jurybox: {
      id: settings.chainId,
      rpc: settings.rpcUrl,
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
