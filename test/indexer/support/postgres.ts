import { execFile } from "node:child_process";
import { chown, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

import { freePort, isAlive } from "./test-chain.ts";

const run = promisify(execFile);
const BIN = "/usr/lib/postgresql/15/bin";

/** A Postgres server of one test, on 127.0.0.1. */
export interface TestPostgres {
  url: string;
  pid: number;
  /** Runs one SQL statement with psql and returns its unaligned output. */
  query(sql: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Runs a command as the `postgres` user when the tests run as root,
 * because Postgres refuses to run as root; as the current user otherwise.
 */
function asPostgres(command: string, args: string[]) {
  if (process.getuid?.() === 0) {
    return run("runuser", ["-u", "postgres", "--", command, ...args]);
  }
  return run(command, args);
}

async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const uid = Number((await run("id", ["-u", "postgres"])).stdout.trim());
  const gid = Number((await run("id", ["-g", "postgres"])).stdout.trim());
  return { uid, gid };
}

/**
 * Creates a database cluster in a temporary folder and starts Postgres 15
 * on a free port of 127.0.0.1, with its socket in that folder and trust
 * authentication for local connections.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const dir = await mkdtemp(join(tmpdir(), "jurybox-postgres-"));
  if (process.getuid?.() === 0) {
    const { uid, gid } = await postgresIds();
    await chown(dir, uid, gid);
  }
  const data = join(dir, "data");
  const port = await freePort();
  await asPostgres(join(BIN, "initdb"), [
    "-D",
    data,
    "-U",
    "postgres",
    "--auth=trust",
    "-E",
    "UTF8",
    "--no-sync",
  ]);
  await asPostgres(join(BIN, "pg_ctl"), [
    "start",
    "-D",
    data,
    "-w",
    "-l",
    join(dir, "postgres.log"),
    "-o",
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off`,
  ]);
  const pidText = await readFile(join(data, "postmaster.pid"), "utf8");
  const pid = Number(pidText.split("\n")[0]);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    pid,
    async query(sql) {
      const psql = join(BIN, "psql");
      const args = ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres"];
      const result = await run(psql, [...args, "-AtX", "-c", sql]);
      return result.stdout.trim();
    },
    async stop() {
      // SIGINT is Postgres's fast shutdown: it ends the sessions and exits.
      if (await isAlive(pid)) process.kill(pid, "SIGINT");
      const deadline = Date.now() + 30_000;
      while ((await isAlive(pid)) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      if (await isAlive(pid)) process.kill(pid, "SIGKILL");
      await rm(dir, { recursive: true, force: true });
    },
  };
}
