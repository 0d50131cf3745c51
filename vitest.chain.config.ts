import { defineConfig } from "vitest/config";

// The chain suite starts real anvil processes and chain supervisors,
// kills them with SIGKILL and restarts them, so tests take seconds each.
// Files run one at a time: the processes compete for the same CPU, and a
// slow machine must not turn into a flaky timeout.
export default defineConfig({
  test: {
    include: ["test/chain/**/*.test.ts"],
    environment: "node",
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});
