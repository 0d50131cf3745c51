import { defineConfig } from "vitest/config";

// The CLI suite runs the real `jurybox` command as a child process against
// chains it starts itself, so each test may take tens of seconds. Files run
// one at a time because every chain and compile competes for the same CPU.
export default defineConfig({
  test: {
    include: ["test/cli/**/*.test.ts"],
    testTimeout: 240_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
