import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { recordAppServer } from "../../cli/commands/admin-link.ts";
import { startAppServer, type AppServer } from "../../cli/serve/index.ts";
import { signInLinksDir } from "../../cli/serve/signin-links.ts";
import { runCli } from "./run-cli.ts";

const ADMIN_KEY = `0x${"5".repeat(64)}`;

let folder: string;
let dataDir: string;
let server: AppServer;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "jurybox-admin-link-"));
  dataDir = join(folder, ".jurybox");
  await mkdir(join(folder, "dist"), { recursive: true });
  await mkdir(dataDir, { recursive: true });
  await writeFile(join(folder, "dist", "index.html"), "<!doctype html>");
  await writeFile(join(folder, "admin.json"), ADMIN_KEY);
  server = await startAppServer({
    root: join(folder, "dist"),
    port: 0,
    adminKeyFile: join(folder, "admin.json"),
    adminSignInLinksDir: signInLinksDir(dataDir),
    log: () => {},
  });
});

afterAll(async () => {
  await server?.stop();
  await rm(folder, { recursive: true, force: true });
});

async function signIn(link: string): Promise<Response> {
  const token = new URL(link).hash.split("/").pop();
  return fetch(new URL("admin/signin", server.url), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ token }),
  });
}

describe("jurybox admin-link", () => {
  test("fails clearly without a running system", async () => {
    const empty = await mkdtemp(join(tmpdir(), "jurybox-no-up-"));
    const run = await runCli(["admin-link"], { cwd: empty });
    await rm(empty, { recursive: true, force: true });

    expect(run.code).toBe(1);
    expect(run.stderr).toContain("No running app server is recorded");
    expect(run.stderr).toContain("npm start");
  });

  test("rejects minutes out of range", async () => {
    const run = await runCli(["admin-link", "--minutes", "0"], {
      cwd: folder,
    });

    expect(run.code).toBe(1);
    expect(run.stderr).toContain("--minutes");
  });

  test("prints a link that signs in once", async () => {
    await recordAppServer(dataDir, server);
    const run = await runCli(["admin-link", "--json"], { cwd: folder });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const { adminSignInUrl, validMinutes } = JSON.parse(run.stdout) as {
      adminSignInUrl: string;
      validMinutes: number;
    };
    expect(validMinutes).toBe(10);
    expect(adminSignInUrl.startsWith(server.url)).toBe(true);

    const first = await signIn(adminSignInUrl);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ privateKey: ADMIN_KEY });
    const second = await signIn(adminSignInUrl);
    expect(second.status).toBe(403);
  });
});
