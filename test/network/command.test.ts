import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { runCli } from "../cli/run-cli.ts";
import { makeTempFolder } from "./network-fixture.ts";

const temp = makeTempFolder("command");
afterAll(() => temp.remove());

function init(out: string, ...extra: string[]) {
  return runCli([
    "network",
    "init",
    "--validators",
    "4",
    "--block-period",
    "1",
    "--chain-id",
    "202612",
    "--out",
    out,
    ...extra,
  ]);
}

/** Names in the temp folder, including hidden staging folders. */
function tempEntries(): string[] {
  return readdirSync(temp.path).sort();
}

describe("jurybox network init", () => {
  it("writes the network and reports its nodes", async () => {
    const out = join(temp.path, "good");
    const run = await init(out, "--account", "0x" + "ab".repeat(20));
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    for (let node = 1; node <= 4; node++) {
      const address = readFileSync(join(out, `node-${node}/address`), "utf8");
      expect(run.stdout).toContain(`node-${node}  ${address.trim()}`);
    }
    expect(run.stdout).toContain(join(out, "RUNBOOK.md"));
    expect(existsSync(join(out, "docker-compose.yml"))).toBe(true);
  });

  it("prints JSON with --json", async () => {
    const out = join(temp.path, "json");
    const run = await runCli([
      "--json",
      "network",
      "init",
      "--validators=4",
      "--block-period=2",
      "--chain-id=202612",
      `--out=${out}`,
    ]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.chainId).toBe(202612);
    expect(report.nodes).toHaveLength(4);
    expect(report.nodes[0].enode).toMatch(/^enode:\/\/[0-9a-f]{128}@/);
    expect(report.rpcUrl).toBe("http://127.0.0.1:8545");
  });

  it.each([
    [["--validators", "0"], 'Invalid --validators "0"'],
    [["--block-period", "0"], 'Invalid --block-period "0"'],
    [["--gas-limit", "1000000"], "The gas limit 1000000 is below 30000000"],
    [
      ["--bootnode-host", "10.0.0.1", "10.0.0.2"],
      'Invalid --bootnode-host "10.0.0.1,10.0.0.2": 2 hosts given',
    ],
  ])("rejects %j and writes nothing", async (options, message) => {
    const before = tempEntries();
    const out = join(temp.path, "rejected");
    // Options given later win, so these replace the valid ones of init().
    const run = await init(out, ...options);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`error: ${message}`);
    expect(run.stderr).toContain("hint: ");
    expect(run.stdout).toBe("");
    expect(existsSync(out)).toBe(false);
    expect(tempEntries()).toEqual(before);
  });

  it("warns below four validators", async () => {
    const out = join(temp.path, "three");
    const run = await init(out, "--validators", "3");
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^warning: 3 validators tolerate no faulty/m);
    expect(readdirSync(out).filter((name) => name.startsWith("node-"))).toEqual(
      ["node-1", "node-2", "node-3"],
    );
  });

  it("rejects a non-empty folder without --force", async () => {
    const out = join(temp.path, "occupied");
    mkdirSync(out);
    writeFileSync(join(out, "notes.txt"), "keep me\n");
    const run = await init(out);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`The output folder ${out} is not empty`);
    expect(run.stderr).toContain("--force");
    expect(readdirSync(out)).toEqual(["notes.txt"]);
  });

  it("replaces generated files with --force", async () => {
    const out = join(temp.path, "forced");
    expect((await init(out)).code).toBe(0);
    writeFileSync(join(out, "notes.txt"), "keep me\n");
    const keyBefore = readFileSync(join(out, "node-1/data/key"), "utf8");

    const run = await init(out, "--force");
    expect(run.code).toBe(0);
    expect(readFileSync(join(out, "node-1/data/key"), "utf8")).not.toBe(
      keyBefore,
    );
    expect(readFileSync(join(out, "notes.txt"), "utf8")).toBe("keep me\n");
    expect(readdirSync(out).some((name) => name.startsWith(".jurybox"))).toBe(
      false,
    );
  });

  it("rejects an unwritable folder and writes nothing", async () => {
    const blocker = join(temp.path, "a-file");
    writeFileSync(blocker, "not a folder\n");
    const before = tempEntries();
    const run = await init(join(blocker, "network"));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("error: Cannot write the network files to");
    expect(tempEntries()).toEqual(before);
    expect(readFileSync(blocker, "utf8")).toBe("not a folder\n");
  });
});
