import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

import { keccak256, stringToHex } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { evaluationRegistryAbi } from "../../core/generated/registry-abi.ts";
import { demoRound } from "./round-files.ts";
import { runCli } from "./run-cli.ts";
import { freePort, startTestChain, type TestChain } from "./test-chain.ts";

const ROUND_ADMIN_ROLE = keccak256(stringToHex("ROUND_ADMIN_ROLE"));
const officerKey = generatePrivateKey();
const officer = privateKeyToAccount(officerKey);

let chain: TestChain;
let officerKeyFile: string;

beforeAll(async () => {
  chain = await startTestChain();
  officerKeyFile = join(chain.dir, "officer.json");
  await writeFile(officerKeyFile, JSON.stringify({ privateKey: officerKey }));
});

afterAll(async () => {
  await chain?.stop();
});

const cli = (...args: string[]) => runCli(args, { cwd: chain.dir });

function hasRole(account: `0x${string}`): Promise<boolean> {
  return chain.client.readContract({
    address: chain.registry,
    abi: evaluationRegistryAbi,
    functionName: "hasRole",
    args: [ROUND_ADMIN_ROLE, account],
  });
}

describe("grant-admin", () => {
  it("grants ROUND_ADMIN_ROLE", async () => {
    expect(await hasRole(officer.address)).toBe(false);

    const run = await cli(
      "grant-admin",
      officer.address,
      "--json",
      ...chain.args,
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout);
    expect(output.account).toBe(officer.address);
    expect(output.role).toBe(ROUND_ADMIN_ROLE);
    expect(output.granted).toBe(true);
    expect(output.transactionHash).toMatch(/^0x[0-9a-f]{64}$/);

    expect(await hasRole(officer.address)).toBe(true);
  });

  it("lets the new admin create rounds", async () => {
    const file = join(chain.dir, "round.json");
    await writeFile(file, JSON.stringify(demoRound()));

    const run = await cli(
      "round",
      "create",
      file,
      "--json",
      "--rpc",
      chain.rpcUrl,
      "--registry",
      chain.registry,
      "--admin-key-file",
      officerKeyFile,
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ roundId: "1" });
  });

  it("sends nothing when the role is held", async () => {
    const run = await cli(
      "grant-admin",
      officer.address,
      "--json",
      ...chain.args,
    );
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout);
    expect(output.granted).toBe(false);
    expect(output.transactionHash).toBeNull();
  });

  it("takes the key from JURYBOX_ADMIN_KEY", async () => {
    const other = privateKeyToAccount(generatePrivateKey());
    const admin = JSON.parse(await readFile(chain.adminKeyFile, "utf8"));
    const run = await runCli(
      [
        "grant-admin",
        other.address,
        "--rpc",
        chain.rpcUrl,
        "--registry",
        chain.registry,
      ],
      { cwd: chain.dir, env: { JURYBOX_ADMIN_KEY: admin.privateKey } },
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Granted ROUND_ADMIN_ROLE`);
    expect(await hasRole(other.address)).toBe(true);
  });

  it("decodes the revert for a non-admin key", async () => {
    const stranger = privateKeyToAccount(generatePrivateKey());
    const run = await cli(
      "grant-admin",
      stranger.address,
      "--rpc",
      chain.rpcUrl,
      "--registry",
      chain.registry,
      "--admin-key-file",
      officerKeyFile,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      "error: The registry rejected grantRole: " +
        `AccessControlUnauthorizedAccount(${officer.address}, `,
    );
    expect(run.stderr).toContain(
      `Account ${officer.address} does not hold DEFAULT_ADMIN_ROLE.`,
    );
    expect(run.stderr).toContain("hint: ");
    expect(await hasRole(stranger.address)).toBe(false);
  });

  it("rejects an invalid address", async () => {
    const run = await cli("grant-admin", "0x1234", ...chain.args);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error: Invalid address "0x1234"');
  });

  it("reports a chain that does not answer", async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const run = await cli("grant-admin", officer.address, "--rpc", url);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`error: No chain answers at ${url}.`);
    expect(run.stderr).toContain(
      "hint: Start it with `npm start`, or pass --rpc.",
    );
  });

  it("reports a missing admin key file", async () => {
    const missing = join(chain.dir, "missing.json");
    const run = await cli(
      "grant-admin",
      officer.address,
      "--rpc",
      chain.rpcUrl,
      "--registry",
      chain.registry,
      "--admin-key-file",
      missing,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `error: Admin key file ${missing} was not found.`,
    );
  });
});
