import { fileURLToPath } from "node:url";

import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The web app lives in app/; the built files go to app/dist, which
// cli/serve serves behind its Content-Security-Policy.
export default defineConfig({
  // Absolute, so that a build started from another folder finds the app.
  root: fileURLToPath(new URL("./app", import.meta.url)),
  base: "./",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
  },
  server: { host: "127.0.0.1", port: 5174, strictPort: true },
});
