import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  describeProcess,
  writeProcessRecord,
} from "../../cli/chain/process-record.ts";
import {
  computeBuildKey,
  readPonderVersion,
} from "../../cli/indexer/build-key.ts";
import {
  IndexerPortInUseError,
  startIndexer,
} from "../../cli/indexer/index.ts";
import {
  DeploymentMissingError,
  readIndexerSettings,
} from "../../subgraph/settings.ts";
import { isAlive, PROJECT_ROOT } from "./support/test-chain.ts";

const quietLogger = { info() {}, warn() {}, error() {} };
const REGISTRY = "0x59C671Ed4a2EA083692bc8CE268678B377302045";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "jurybox-indexer-options-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeDeployments(
  name: string,
  entries: object,
): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, JSON.stringify(entries));
  return file;
}

function listen(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve({
        server,
        port: typeof address === "object" ? address!.port : 0,
      });
    });
  });
}

describe("indexer settings", () => {
  it("reads the registry and start block for the chain", async () => {
    const file = await writeDeployments("one.json", {
      "1337": { registry: REGISTRY, deployBlock: "42" },
    });
    const settings = readIndexerSettings({ JURYBOX_DEPLOYMENTS_FILE: file });
    expect(settings).toEqual({
      chainId: 1337,
      rpcUrl: "http://127.0.0.1:8545",
      registry: REGISTRY,
      startBlock: 42,
      databaseUrl: undefined,
      pgliteDir: join(PROJECT_ROOT, ".jurybox", "indexer", "pglite"),
    });
  });

  it("takes the chain, RPC, folder and database from the environment", async () => {
    const file = await writeDeployments("two.json", {
      "31337": { registry: REGISTRY, deployBlock: "7" },
    });
    const settings = readIndexerSettings({
      JURYBOX_DEPLOYMENTS_FILE: file,
      JURYBOX_CHAIN_ID: "31337",
      JURYBOX_RPC_URL: "http://127.0.0.1:9545",
      JURYBOX_INDEXER_DIR: "/var/lib/jurybox/indexer",
      DATABASE_URL: "postgresql://jurybox@127.0.0.1:5432/jurybox",
    });
    expect(settings.chainId).toBe(31337);
    expect(settings.startBlock).toBe(7);
    expect(settings.rpcUrl).toBe("http://127.0.0.1:9545");
    expect(settings.pgliteDir).toBe("/var/lib/jurybox/indexer/pglite");
    expect(settings.databaseUrl).toBe(
      "postgresql://jurybox@127.0.0.1:5432/jurybox",
    );
  });

  it("rejects a deployments file without the chain", async () => {
    const file = await writeDeployments("other-chain.json", {
      "31337": { registry: REGISTRY, deployBlock: "7" },
    });
    expect(() =>
      readIndexerSettings({ JURYBOX_DEPLOYMENTS_FILE: file }),
    ).toThrow(DeploymentMissingError);
  });

  it("rejects a missing deployments file with the fix", () => {
    const file = join(dir, "missing.json");
    expect(() =>
      readIndexerSettings({ JURYBOX_DEPLOYMENTS_FILE: file }),
    ).toThrow(/run `npm start` to deploy the registry/);
  });

  it("rejects an entry that is not an address", async () => {
    const file = await writeDeployments("bad.json", {
      "1337": { registry: "0x1234", deployBlock: "7" },
    });
    expect(() =>
      readIndexerSettings({ JURYBOX_DEPLOYMENTS_FILE: file }),
    ).toThrow(/registry "0x1234" is not an address/);
  });

  it("rejects a chain id that is not a number", async () => {
    expect(() => readIndexerSettings({ JURYBOX_CHAIN_ID: "local" })).toThrow(
      /JURYBOX_CHAIN_ID is "local"/,
    );
  });
});

describe("indexer build key", () => {
  it("reads the installed Ponder version", async () => {
    expect(await readPonderVersion()).toBe("0.16.10");
  });

  it("changes with the registry deployment", async () => {
    const first = await writeDeployments("first.json", {
      "1337": { registry: REGISTRY, deployBlock: "2" },
    });
    const second = await writeDeployments("second.json", {
      "1337": { registry: REGISTRY, deployBlock: "3" },
    });
    const key = (deploymentsFile: string) =>
      computeBuildKey({
        projectRoot: PROJECT_ROOT,
        ponderVersion: "0.16.10",
        deploymentsFile,
        chainId: 1337,
      });
    const firstKey = await key(first);
    expect(firstKey).toMatch(/^[0-9a-f]{12}$/);
    expect(await key(first)).toBe(firstKey);
    expect(await key(second)).not.toBe(firstKey);
  });
});

describe("startIndexer", () => {
  it("rejects a port in use before starting Ponder", async () => {
    const { server, port } = await listen();
    try {
      const start = startIndexer({
        rpcUrl: "http://127.0.0.1:1",
        chainId: 1337,
        dataDir: join(dir, "busy"),
        port,
        deploymentsFile: join(dir, "first.json"),
        logger: quietLogger,
      });
      await expect(start).rejects.toThrow(IndexerPortInUseError);
    } finally {
      server.close();
    }
  });

  it("stops an indexer left behind by a killed run", async () => {
    const dataDir = join(dir, "leftover");
    const leftover = spawnIdleProcess();
    await recordIndexer(dataDir, await describeProcess(leftover.pid!));

    let warnings: string[];
    try {
      warnings = await startOnBusyPort(dataDir);
    } finally {
      if (await isAlive(leftover.pid!)) leftover.kill("SIGKILL");
    }

    expect(await isAlive(leftover.pid!)).toBe(false);
    expect(warnings.join("\n")).toContain(
      `Stopping the indexer (pid ${leftover.pid})`,
    );
  });

  it("drops a dead indexer's record", async () => {
    const dataDir = join(dir, "gone");
    const dead = spawnIdleProcess();
    const record = await describeProcess(dead.pid!);
    dead.kill("SIGKILL");
    await new Promise((resolve) => dead.once("exit", resolve));
    const pidFile = await recordIndexer(dataDir, record);

    const warnings = await startOnBusyPort(dataDir);

    expect(warnings.join("\n")).not.toContain("Stopping the indexer");
    expect(existsSync(pidFile)).toBe(false);
  });
});

/** Starts a Node process that does nothing until it is killed. */
function spawnIdleProcess() {
  return spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], {
    stdio: "ignore",
  });
}

/** Writes the process record of an indexer on `dataDir`; returns its file. */
async function recordIndexer(
  dataDir: string,
  record: Awaited<ReturnType<typeof describeProcess>>,
): Promise<string> {
  await mkdir(join(dataDir, "indexer"), { recursive: true });
  const pidFile = join(dataDir, "indexer", "ponder.pid");
  await writeProcessRecord(pidFile, record);
  return pidFile;
}

/**
 * Starts the indexer on `dataDir` with its port taken, so it stops after
 * handling a leftover process record; returns the warnings it logged.
 */
async function startOnBusyPort(dataDir: string): Promise<string[]> {
  const { server, port } = await listen();
  const warnings: string[] = [];
  try {
    const start = startIndexer({
      rpcUrl: "http://127.0.0.1:1",
      chainId: 1337,
      dataDir,
      port,
      deploymentsFile: join(dir, "first.json"),
      logger: { ...quietLogger, warn: (line) => warnings.push(line) },
    });
    await expect(start).rejects.toThrow(IndexerPortInUseError);
  } finally {
    server.close();
  }
  return warnings;
}
