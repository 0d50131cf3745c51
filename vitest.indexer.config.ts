import { defineConfig } from "vitest/config";

// The indexer suite starts real anvil chains, `ponder start` processes and
// a Postgres server, and kills and restarts the indexer, so a file takes
// minutes on two cores. Files run one at a time because every process
// competes for the same CPU.
export default defineConfig({
  test: {
    include: ["test/indexer/**/*.test.ts"],
    environment: "node",
    testTimeout: 600_000,
    hookTimeout: 600_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});
