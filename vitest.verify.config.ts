import { defineConfig } from "vitest/config";

// The verifier's end-to-end suite: each file starts anvil on a free port,
// runs rounds on it with the real `jurybox` command or with viem, and
// verifies and exports them. Files run one at a time because every chain
// competes for the same CPU. The unit tests of core/verify run with core's
// own suite (vitest.config.ts).
export default defineConfig({
  test: {
    include: ["test/verify/**/*.test.ts"],
    environment: "node",
    testTimeout: 240_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
