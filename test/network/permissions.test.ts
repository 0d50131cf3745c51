import { join } from "node:path";

import { privateKeyToAccount } from "viem/accounts";
import type { Hex } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  makeTempFolder,
  nodeNames,
  readText,
  readTomlFile,
  writeNetwork,
} from "./network-fixture.ts";
import { tomlValue } from "./toml-reader.ts";

const temp = makeTempFolder("permissions");
afterAll(() => temp.remove());

const VALIDATORS = 4;
const ADMINS = [
  "0x1111111111111111111111111111111111111111",
  "0x2222222222222222222222222222222222222222",
];
const GIVEN_DEPLOYER = "0x3333333333333333333333333333333333333333";
let outDir: string;
let enforcedDir: string;

beforeAll(async () => {
  outDir = join(temp.path, "network");
  await writeNetwork(outDir, {
    validators: String(VALIDATORS),
    account: ADMINS,
  });
  enforcedDir = join(temp.path, "enforced");
  await writeNetwork(enforcedDir, {
    account: [ADMINS[0]],
    deployer: GIVEN_DEPLOYER,
    accountPermissioning: true,
  });
});

const ENODE = /^enode:\/\/([0-9a-f]{128})@(\d+\.\d+\.\d+\.\d+):(\d+)$/;

function staticNodes(path: string): string[] {
  return JSON.parse(readText(outDir, path));
}

function nodesAllowlist(path: string): string[] {
  return tomlValue(readTomlFile(outDir, path), "nodes-allowlist") as string[];
}

describe("enode lists", () => {
  it("are the same in every file", () => {
    const expected = staticNodes("static-nodes.json");
    expect(expected.length).toBe(VALIDATORS);
    expect(nodesAllowlist("permissions_config.toml")).toEqual(expected);
    for (const node of nodeNames(VALIDATORS)) {
      expect(staticNodes(`${node}/data/static-nodes.json`)).toEqual(expected);
      expect(nodesAllowlist(`${node}/data/permissions_config.toml`)).toEqual(
        expected,
      );
    }
  });

  it("hold each node's key and P2P address", () => {
    const enodes = staticNodes("static-nodes.json");
    nodeNames(VALIDATORS).forEach((node, index) => {
      const match = ENODE.exec(enodes[index]);
      expect(match, enodes[index]).not.toBeNull();
      const [, publicKey, host, port] = match!;

      const privateKey = readText(outDir, `${node}/data/key`).trim() as Hex;
      const account = privateKeyToAccount(privateKey);
      expect(`0x04${publicKey}`).toBe(account.publicKey);
      expect(readText(outDir, `${node}/data/key.pub`).trim()).toBe(
        `0x${publicKey}`,
      );
      expect(readText(outDir, `${node}/address`).trim()).toBe(account.address);

      const config = readTomlFile(outDir, `${node}/config.toml`);
      expect(tomlValue(config, "p2p-host")).toBe(host);
      expect(tomlValue(config, "p2p-port")).toBe(Number(port));
    });
  });

  it("list every node once", () => {
    const keys = staticNodes("static-nodes.json").map(
      (enode) => ENODE.exec(enode)![1],
    );
    expect(new Set(keys).size).toBe(VALIDATORS);
  });
});

describe("accounts allowlist", () => {
  it("lists the generated deployer and the admins", () => {
    const config = readTomlFile(outDir, "permissions_config.toml");
    const deployerKey = readText(outDir, "deployer/key").trim() as Hex;
    const deployer = privateKeyToAccount(deployerKey).address;
    expect(readText(outDir, "deployer/address").trim()).toBe(deployer);
    expect(tomlValue(config, "accounts-allowlist")).toEqual([
      deployer.toLowerCase(),
      ...ADMINS,
    ]);
  });

  it("is not enforced by default", () => {
    for (const node of nodeNames(VALIDATORS)) {
      const config = readTomlFile(outDir, `${node}/config.toml`);
      expect(
        tomlValue(config, "permissions-accounts-config-file-enabled"),
      ).toBe(false);
    }
    expect(readText(outDir, "RUNBOOK.md")).toContain(
      "**Account permissioning in this network: off.**",
    );
  });

  it("is enforced with --account-permissioning", () => {
    const config = readTomlFile(enforcedDir, "node-1/config.toml");
    expect(tomlValue(config, "permissions-accounts-config-file-enabled")).toBe(
      true,
    );
    const permissions = readTomlFile(enforcedDir, "permissions_config.toml");
    expect(tomlValue(permissions, "accounts-allowlist")).toEqual([
      GIVEN_DEPLOYER,
      ADMINS[0],
    ]);
    expect(readText(enforcedDir, "RUNBOOK.md")).toContain(
      "**Account permissioning in this network: on. Evaluator tablets",
    );
  });
});
