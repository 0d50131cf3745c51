import { execFileSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { makeTempFolder, nodeNames, writeNetwork } from "./network-fixture.ts";

const temp = makeTempFolder("key-files");
afterAll(() => temp.remove());

const VALIDATORS = 4;
let outDir: string;

beforeAll(async () => {
  outDir = join(temp.path, "network");
  await writeNetwork(outDir, { validators: String(VALIDATORS) });
});

function mode(path: string): number {
  return statSync(join(outDir, path)).mode & 0o777;
}

function privateKeyFiles(): string[] {
  return [
    "deployer/key",
    ...nodeNames(VALIDATORS).map((node) => `${node}/data/key`),
  ];
}

describe("key files", () => {
  it("are readable by their owner only", () => {
    for (const file of privateKeyFiles()) {
      expect(mode(file), file).toBe(0o600);
    }
  });

  it("sit in owner-only folders", () => {
    const folders = ["", "deployer"];
    for (const node of nodeNames(VALIDATORS)) {
      folders.push(node, `${node}/data`);
    }
    for (const folder of folders) {
      expect(mode(folder), folder || "output folder").toBe(0o700);
    }
  });

  it("are all different", () => {
    const keys = privateKeyFiles().map((file) =>
      readFileSync(join(outDir, file), "utf8"),
    );
    expect(keys.every((key) => /^0x[0-9a-f]{64}$/.test(key))).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("are ignored by git, the configuration is not", () => {
    execFileSync("git", ["init", "--quiet", outDir]);
    const ignored = (path: string) => {
      try {
        execFileSync("git", ["-C", outDir, "check-ignore", "--quiet", path]);
        return true;
      } catch {
        return false;
      }
    };
    for (const file of privateKeyFiles()) {
      expect(ignored(file), file).toBe(true);
    }
    expect(ignored("node-1/data/database/000001.log")).toBe(true);
    for (const file of [
      "genesis.json",
      "docker-compose.yml",
      "RUNBOOK.md",
      "node-1/config.toml",
      "node-1/data/key.pub",
      "node-1/data/static-nodes.json",
      "node-1/data/permissions_config.toml",
    ]) {
      expect(ignored(file), file).toBe(false);
    }
  });

  it("are named in the runbook's warning", () => {
    const runbook = readFileSync(join(outDir, "RUNBOOK.md"), "utf8");
    expect(runbook).toContain(
      "## Private keys: move them, then delete them here",
    );
    expect(runbook).toContain("`node-N/data/key`");
    expect(runbook).toContain("`deployer/key`");
  });
});
