import { existsSync } from "node:fs";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  makeTempFolder,
  nodeNames,
  readText,
  readTomlFile,
  writeNetwork,
} from "./network-fixture.ts";
import { tomlValue, type TomlValue } from "./toml-reader.ts";

const temp = makeTempFolder("node-config");
afterAll(() => temp.remove());

const VALIDATORS = 6;
const RPC_NODE = 3;
const RPC_HOST = "192.168.10.5";
const HOSTS = ["10.1.0.1", "10.1.0.2", "10.1.0.3", "10.1.0.4", "10.1.0.5"];

/** Two layouts: every node in Docker on one host, or one host per node. */
const layouts = {
  docker: { validators: String(VALIDATORS), rpcNode: String(RPC_NODE) },
  hosts: {
    validators: "5",
    rpcNode: "2",
    bootnodeHost: HOSTS,
    rpcHost: HOSTS[1],
  },
};

const outDirs: Record<string, string> = {};

beforeAll(async () => {
  outDirs.docker = join(temp.path, "docker");
  await writeNetwork(outDirs.docker, { ...layouts.docker, rpcHost: RPC_HOST });
  outDirs.hosts = join(temp.path, "hosts");
  await writeNetwork(outDirs.hosts, layouts.hosts);
});

function configs(layout: "docker" | "hosts") {
  const count = layout === "docker" ? VALIDATORS : HOSTS.length;
  return nodeNames(count).map((node) => ({
    node,
    config: readTomlFile(outDirs[layout], `${node}/config.toml`),
  }));
}

/** Rows of the node table in RUNBOOK.md: node → its JSON-RPC and P2P cells. */
function runbookRows(outDir: string) {
  const rows = new Map<string, { p2p: string; rpc: string; metrics: string }>();
  for (const line of readText(outDir, "RUNBOOK.md").split("\n")) {
    const cells = line.split("|").map((cell) => cell.trim());
    const match = /^(node-\d+)/.exec(cells[1] ?? "");
    if (match === null || cells.length !== 7) continue;
    rows.set(match[1], { p2p: cells[3], rpc: cells[4], metrics: cells[5] });
  }
  return rows;
}

describe.each(["docker", "hosts"] as const)("config.toml (%s)", (layout) => {
  it("sets every fee minimum to zero", () => {
    for (const { node, config } of configs(layout)) {
      expect(tomlValue(config, "min-gas-price"), node).toBe(0);
      expect(tomlValue(config, "min-priority-fee"), node).toBe(0);
      expect(tomlValue(config, "tx-pool-min-gas-price"), node).toBe(0);
      // Besu rejects a price bump on a zeroBaseFee network.
      expect(config.has("tx-pool-price-bump"), node).toBe(false);
    }
  });

  it("gives every node distinct ports", () => {
    const ports: number[] = [];
    for (const { config } of configs(layout)) {
      for (const key of ["p2p-port", "rpc-http-port", "metrics-port"]) {
        ports.push(tomlValue(config, key) as number);
      }
    }
    expect(ports.every((port) => port > 1024 && port < 65536)).toBe(true);
    expect(new Set(ports).size).toBe(ports.length);
  });

  it("binds JSON-RPC to loopback except the RPC node", () => {
    const rpcNode = `node-${layout === "docker" ? RPC_NODE : 2}`;
    const rpcHost = layout === "docker" ? RPC_HOST : HOSTS[1];
    for (const { node, config } of configs(layout)) {
      const expected = node === rpcNode ? rpcHost : "127.0.0.1";
      expect(tomlValue(config, "rpc-http-host"), node).toBe(expected);
      expect(tomlValue(config, "metrics-host"), node).toBe("127.0.0.1");
      expect(tomlValue(config, "host-allowlist"), node).toContain(expected);
      expect(tomlValue(config, "host-allowlist"), node).not.toContain("*");
    }
  });

  it("matches the runbook's node table", () => {
    const rows = runbookRows(outDirs[layout]);
    const nodes = configs(layout);
    expect(rows.size).toBe(nodes.length);
    for (const { node, config } of nodes) {
      const row = rows.get(node);
      expect(row, node).toBeDefined();
      const get = (key: string) => tomlValue(config, key);
      expect(row!.rpc).toBe(`${get("rpc-http-host")}:${get("rpc-http-port")}`);
      expect(row!.p2p).toBe(`${get("p2p-host")}:${get("p2p-port")}`);
      expect(row!.metrics).toBe(`127.0.0.1:${get("metrics-port")}`);
    }
  });

  it("serves the QBFT and transaction pool APIs", () => {
    for (const { node, config } of configs(layout)) {
      const apis = tomlValue(config, "rpc-http-api") as string[];
      expect(apis.sort(), node).toEqual(
        ["ETH", "NET", "QBFT", "TXPOOL", "WEB3"].sort(),
      );
      expect(tomlValue(config, "rpc-http-enabled"), node).toBe(true);
    }
  });

  it("names files that exist in the node folder", () => {
    const keys = [
      "genesis-file",
      "node-private-key-file",
      "static-nodes-file",
      "permissions-nodes-config-file",
      "permissions-accounts-config-file",
    ];
    for (const { node, config } of configs(layout)) {
      for (const key of keys) {
        const file = tomlValue(config, key) as string;
        expect(existsSync(join(outDirs[layout], node, file)), key).toBe(true);
      }
      const dataPath = tomlValue(config, "data-path") as string;
      expect(tomlValue(config, "node-private-key-file")).toBe(
        `${dataPath}/key`,
      );
    }
  });

  it("enables node permissioning and static peers only", () => {
    for (const { node, config } of configs(layout)) {
      const value = (key: string): TomlValue => tomlValue(config, key);
      expect(value("permissions-nodes-config-file-enabled"), node).toBe(true);
      expect(value("permissions-accounts-config-file-enabled"), node).toBe(
        false,
      );
      expect(value("discovery-enabled"), node).toBe(false);
      expect(value("sync-mode"), node).toBe("FULL");
    }
  });
});

describe("config.toml P2P hosts", () => {
  it("use the given host of each node", () => {
    const hosts = configs("hosts").map(({ config }) =>
      tomlValue(config, "p2p-host"),
    );
    expect(hosts).toEqual(HOSTS);
  });

  it("use distinct Docker addresses", () => {
    const hosts = configs("docker").map(({ config }) =>
      tomlValue(config, "p2p-host"),
    );
    expect(new Set(hosts).size).toBe(VALIDATORS);
  });
});
