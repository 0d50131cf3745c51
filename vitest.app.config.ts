import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// Component and hook tests of the web app, run in jsdom.
export default defineConfig({
  plugins: [react()],
  test: {
    environment: "jsdom",
    include: ["app/**/*.test.ts", "app/**/*.test.tsx"],
    setupFiles: ["app/src/test-setup.ts"],
  },
});
