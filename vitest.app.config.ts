import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// Tests of the web app (components and hooks in jsdom) and of the server
// that serves it (cli/serve, in Node).
export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "app",
          environment: "jsdom",
          include: ["app/**/*.test.ts", "app/**/*.test.tsx"],
          setupFiles: ["app/src/test-setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "serve",
          environment: "node",
          include: ["cli/serve/**/*.test.ts"],
        },
      },
    ],
  },
});
