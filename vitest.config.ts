import { defineConfig } from "vitest/config";

// Unit tests of core/, the TypeScript shared by the CLI, the app, the
// indexer and the verifier. They need no chain and run in Node.
export default defineConfig({
  test: {
    include: ["core/**/*.test.ts"],
    environment: "node",
  },
});
