import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { afterAll } from "vitest";
import {
  createPublicClient,
  createWalletClient,
  http,
  type Abi,
  type Address,
  type Hex,
} from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";

import type { ChainLogger } from "../../cli/chain/logger.ts";
import { zeroFeeChain } from "../../cli/chain/viem-chain.ts";

const fixtures = join(fileURLToPath(new URL(".", import.meta.url)), "fixtures");

/** Returns a TCP port on 127.0.0.1 that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") {
    throw new Error("The test server has no TCP address.");
  }
  return address.port;
}

const tempDirs: string[] = [];

// Every test file that imports these helpers removes its directories. A
// process killed by the test may still be closing a file in one of them,
// which makes a single attempt fail with ENOTEMPTY, so rm tries again.
afterAll(async () => {
  for (const dir of tempDirs.splice(0)) {
    await rm(dir, { recursive: true, force: true, maxRetries: 10 });
  }
});

/** Creates a temporary directory that is removed after the test file. */
export async function makeTempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "jurybox-chain-test-"));
  tempDirs.push(dir);
  return dir;
}

/** Returns a logger that keeps every line for assertions on the log. */
export function recordingLogger(): ChainLogger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(`info ${message}`),
    warn: (message) => lines.push(`warn ${message}`),
    error: (message) => lines.push(`error ${message}`),
  };
}

let probe: Promise<{ abi: Abi; bytecode: Hex }> | undefined;

/** Compiles fixtures/ChainProbe.sol with the solc npm package, once. */
export function compileProbe(): Promise<{ abi: Abi; bytecode: Hex }> {
  probe ??= (async () => {
    const require = createRequire(import.meta.url);
    const solc = require("solc") as { compile(input: string): string };
    const source = await readFile(join(fixtures, "ChainProbe.sol"), "utf8");
    const input = {
      language: "Solidity",
      sources: { "ChainProbe.sol": { content: source } },
      settings: {
        evmVersion: "cancun",
        outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } },
      },
    };
    const output = JSON.parse(solc.compile(JSON.stringify(input)));
    const contract = output.contracts["ChainProbe.sol"].ChainProbe;
    return { abi: contract.abi, bytecode: `0x${contract.evm.bytecode.object}` };
  })();
  return probe;
}

/** Clients for a fresh, unfunded key on the chain at `rpcUrl`. */
export function makeClients(rpcUrl: string) {
  const chain = zeroFeeChain(rpcUrl);
  const account = privateKeyToAccount(generatePrivateKey());
  const transport = http(rpcUrl);
  return {
    account,
    publicClient: createPublicClient({
      chain,
      transport,
      pollingInterval: 100,
    }),
    walletClient: createWalletClient({ chain, transport, account }),
  };
}

/** Deploys ChainProbe from a fresh key and returns its address and clients. */
export async function deployProbe(rpcUrl: string) {
  const { abi, bytecode } = await compileProbe();
  const clients = makeClients(rpcUrl);
  const hash = await clients.walletClient.deployContract({
    abi,
    bytecode,
    args: [clients.account.address],
  });
  const receipt = await clients.publicClient.waitForTransactionReceipt({
    hash,
  });
  return { ...clients, abi, address: receipt.contractAddress as Address };
}

/** Calls ChainProbe.store(key, value) and waits for the receipt. */
export async function storeValue(
  probeContract: Awaited<ReturnType<typeof deployProbe>>,
  key: bigint,
  value: bigint,
) {
  const hash = await probeContract.walletClient.writeContract({
    address: probeContract.address,
    abi: probeContract.abi,
    functionName: "store",
    args: [key, value],
  });
  return probeContract.publicClient.waitForTransactionReceipt({ hash });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` every 100 ms until it returns true or `timeoutMs` passes. */
export async function waitUntil(
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch {
      // Not ready yet; an RPC call may fail while anvil restarts.
    }
    await sleep(100);
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
}

/** True while a process with this pid exists and is not a zombie. */
export async function isAlive(pid: number): Promise<boolean> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    const state = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[0];
    return state !== "Z" && state !== "X";
  } catch {
    return false;
  }
}

/** Sends SIGKILL to a pid if it still runs. */
export function killIfAlive(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // Already gone.
  }
}

/** A chain supervisor running as a child process of the test. */
export interface SupervisorProcess {
  child: ChildProcess;
  pid: number;
  anvilPid: number;
  output: () => string;
}

/**
 * Starts fixtures/run-supervisor.ts with Node (the same binary as the test)
 * and resolves once it prints its ready line.
 */
export async function startSupervisorProcess(
  options: Record<string, unknown>,
): Promise<SupervisorProcess> {
  const script = join(fixtures, "run-supervisor.ts");
  const child = spawn(process.execPath, [script, JSON.stringify(options)], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const ready = await new Promise<{ anvilPid: number }>((resolve, reject) => {
    const onData = () => {
      const line = output.split("\n").find((text) => text.startsWith("{"));
      if (line !== undefined) resolve(JSON.parse(line));
    };
    child.stdout.on("data", onData);
    child.once("exit", (code) =>
      reject(new Error(`Supervisor exited with code ${code}:\n${output}`)),
    );
  });
  return {
    child,
    pid: child.pid as number,
    anvilPid: ready.anvilPid,
    output: () => output,
  };
}

/** Resolves with the exit code of a supervisor process that is expected to end. */
export function waitForExit(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}
