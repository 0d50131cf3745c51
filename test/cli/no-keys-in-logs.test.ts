// Runs `jurybox up` in a temporary folder, creates a round with
// `jurybox round create`, claims and commits a seat the way a tablet does,
// and checks that no key generated in the run appears in any output or log.
import { spawn } from "node:child_process";
import {
  mkdtemp,
  readdir,
  readFile,
  rm,
  symlink,
  writeFile,
} from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import type { Address, Hex } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { afterAll, describe, expect, it } from "vitest";

import { connectRpc } from "../../cli/lib/chain-client.ts";
import { claimSeat, commitSheet } from "../../cli/lib/seat-actions.ts";
import { demoRound } from "./round-files.ts";
import { PROJECT_ROOT, runCli } from "./run-cli.ts";
import { freePort } from "./test-chain.ts";

const BIN = join(PROJECT_ROOT, "cli", "bin.js");

/**
 * Makes `dir` a place where `up` runs on its own: a Hardhat config that
 * takes the project's config and artifacts but keeps Ignition's deployment
 * records in `dir`, so the project's `chain-1337` record is never touched,
 * and a link to the project's app folder.
 * `.jurybox/` then lies in `dir` too, since `up` uses the working folder.
 */
async function prepareHome(dir: string): Promise<void> {
  const root = JSON.stringify(PROJECT_ROOT.replace(/\/$/, ""));
  // `up` builds a stale web app with vite.config.ts, whose root "app" is
  // taken from the working folder.
  await symlink(join(PROJECT_ROOT, "app"), join(dir, "app"));
  await writeFile(
    join(dir, "package.json"),
    JSON.stringify({ name: "jurybox-log-test", private: true, type: "module" }),
  );
  await writeFile(
    join(dir, "hardhat.config.ts"),
    `import config from ${JSON.stringify(join(PROJECT_ROOT, "hardhat.config.ts"))};
const root = ${root};
export default {
  ...config,
  paths: {
    ...config.paths,
    sources: root + "/contracts",
    artifacts: root + "/artifacts",
    cache: root + "/cache",
    ignition: ${JSON.stringify(join(dir, "ignition"))},
  },
};
`,
  );
}

/** `jurybox up` as a child process, with everything it prints. */
function startUp(dir: string, args: string[]) {
  const child = spawn(process.execPath, [BIN, "up", ...args], {
    cwd: dir,
    env: { ...process.env, FORCE_COLOR: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = { stdout: "", stderr: "" };
  child.stdout
    .setEncoding("utf8")
    .on("data", (text) => (output.stdout += text));
  child.stderr
    .setEncoding("utf8")
    .on("data", (text) => (output.stderr += text));
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  return { child, output, exited };
}

async function waitForText(
  read: () => string,
  text: string,
  exited: Promise<unknown>,
  timeoutMs: number,
): Promise<void> {
  let done = false;
  void exited.then(() => (done = true));
  const deadline = Date.now() + timeoutMs;
  while (!read().includes(text)) {
    if (done)
      throw new Error(`up exited before printing "${text}":\n${read()}`);
    if (Date.now() > deadline) {
      throw new Error(`up did not print "${text}" in time:\n${read()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Lists every file under `dir`, recursively. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Reads the private keys from the files of one round folder. */
async function roundKeys(folder: string): Promise<Hex[]> {
  const invites = JSON.parse(
    await readFile(join(folder, "invites.json"), "utf8"),
  ) as { invitePrivateKey: Hex }[];
  const escrow = JSON.parse(
    await readFile(join(folder, "escrow.json"), "utf8"),
  ) as { privateKey: Hex };
  return [
    ...invites.map((invite) => invite.invitePrivateKey),
    escrow.privateKey,
  ];
}

/** Returns the forms a key could take in a log: bare hex, any case, base64. */
function keyForms(key: Hex): string[] {
  const bare = key.toLowerCase().replace(/^0x/, "");
  return [
    bare,
    bare.toUpperCase(),
    Buffer.from(bare, "hex").toString("base64"),
  ];
}

let home: string | undefined;
let up: ReturnType<typeof startUp> | undefined;

afterAll(async () => {
  if (up !== undefined && up.child.exitCode === null) {
    up.child.kill("SIGKILL");
  }
  if (home !== undefined) await rm(home, { recursive: true, force: true });
});

describe("keys in logs", () => {
  it("writes no run key to any output or log", async () => {
    home = await mkdtemp(join(tmpdir(), "jurybox-no-keys-"));
    await prepareHome(home);
    const rpc = `http://127.0.0.1:${await freePort()}`;
    up = startUp(home, [
      "--rpc",
      rpc,
      "--app-port",
      String(await freePort()),
      "--indexer-port",
      String(await freePort()),
    ]);
    const readUp = () => up!.output.stdout + up!.output.stderr;
    await waitForText(readUp, "Jurybox is running.", up.exited, 180_000);
    expect(readUp()).toContain("Created the demo round 1");
    const registry = /registry\s+(0x[0-9a-fA-F]{40})/.exec(
      up.output.stdout,
    )![1] as Address;

    // A round from the CLI, and one seat claimed and committed from a
    // device key, as a tablet does.
    const roundFile = join(home, "round.json");
    await writeFile(roundFile, JSON.stringify(demoRound()));
    const dataDir = join(home, ".jurybox");
    const adminKeyFile = join(dataDir, "keys", "admin.json");
    const created = await runCli(
      [
        "round",
        "create",
        roundFile,
        "--rpc",
        rpc,
        "--registry",
        registry,
        "--admin-key-file",
        adminKeyFile,
      ],
      { cwd: home },
    );
    expect(created.code).toBe(0);
    const roundsDir = join(dataDir, "rounds");
    const folders = (await readdir(roundsDir)).map((name) =>
      join(roundsDir, name),
    );
    expect(folders).toHaveLength(2);
    const second = folders.find((folder) => folder.endsWith("-2"))!;
    const invites = JSON.parse(
      await readFile(join(second, "invites.json"), "utf8"),
    ) as { invitePrivateKey: Hex }[];
    const escrow = JSON.parse(
      await readFile(join(second, "escrow.json"), "utf8"),
    ) as { publicKey: Hex };
    const device = generatePrivateKey();
    const session = { connection: await connectRpc(rpc), registry };
    await claimSeat(
      session,
      2n,
      0,
      privateKeyToAccount(invites[0].invitePrivateKey),
      privateKeyToAccount(device),
    );
    const criteria = demoRound().criteria.length;
    const bidders = demoRound().bidders.length;
    await commitSheet(
      session,
      2n,
      0,
      privateKeyToAccount(device),
      {
        scores: Array.from({ length: criteria * bidders }, () => 100),
        comments: Array.from({ length: bidders }, () => ""),
      },
      escrow.publicKey,
    );

    up.child.kill("SIGTERM");
    expect(await up.exited).toBe(0);

    const admin = JSON.parse(await readFile(adminKeyFile, "utf8")) as {
      privateKey: Hex;
    };
    const keys: Hex[] = [admin.privateKey, device];
    for (const folder of folders) keys.push(...(await roundKeys(folder)));
    // The admin key, the device key, 7 invites and an escrow key per round.
    expect(keys).toHaveLength(2 + 2 * (7 + 1));
    expect(new Set(keys).size).toBe(keys.length);

    const logFiles = (await filesUnder(dataDir)).filter((file) =>
      /\.log(\.previous)?$/.test(file),
    );
    expect(logFiles.some((file) => file.endsWith("anvil.log"))).toBe(true);
    const texts: [string, string][] = [
      ["up stdout", up.output.stdout],
      ["up stderr", up.output.stderr],
      ["round create stdout", created.stdout],
      ["round create stderr", created.stderr],
    ];
    for (const file of logFiles) {
      texts.push([file, await readFile(file, "utf8")]);
    }
    // The forms match the key files, and the scan reads what was logged:
    // the registry address is in the output.
    const adminText = await readFile(adminKeyFile, "utf8");
    expect(adminText).toContain(keyForms(admin.privateKey)[0]);
    expect(texts.some(([, text]) => text.includes(registry))).toBe(true);

    const leaks: string[] = [];
    for (const [index, key] of keys.entries()) {
      for (const form of keyForms(key)) {
        for (const [name, text] of texts) {
          // The message names the key by its place, so it leaks nothing.
          if (text.includes(form)) leaks.push(`key ${index} in ${name}`);
        }
      }
    }
    expect(leaks).toEqual([]);
  });
});
