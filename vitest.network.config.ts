import { defineConfig } from "vitest/config";

// Tests of `jurybox network init`, the Besu QBFT network generator. They
// check the generated files; Besu and Docker do not run here. The command
// tests start the real `jurybox` command, so a test may take seconds.
export default defineConfig({
  test: {
    include: ["test/network/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
  },
});
