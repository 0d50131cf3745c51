import { mkdtemp, readdir, rm } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { ChainPortInUseError } from "../../cli/chain/errors.ts";
import { toCliError } from "../../cli/lib/error-mapping.ts";
import { runCli } from "./run-cli.ts";

function listen(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      resolve({ server, port });
    });
  });
}

describe("up with a busy port", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it("names --app-port and starts nothing", async () => {
    const { server, port } = await listen();
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    const cwd = await mkdtemp(join(tmpdir(), "jurybox-up-ports-"));
    cleanups.push(() => rm(cwd, { recursive: true, force: true }));

    const run = await runCli(["up", "--app-port", String(port)], { cwd });

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    expect(run.stderr).toContain("--app-port");
    expect(run.stderr).not.toContain("Unexpected failure");
    expect(await readdir(cwd)).toEqual([]);
  });

  it("reports a busy chain port with its option", () => {
    const error = toCliError(new ChainPortInUseError("127.0.0.1", 8545));

    expect(error.message).toBe(
      "Port 8545 on 127.0.0.1 is already in use by another process.",
    );
    expect(error.hint).toContain("--rpc http://127.0.0.1:PORT");
  });
});
