import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createConnection } from "node:net";

import { buildAnvilArguments, type AnvilSettings } from "./anvil-command.ts";
import { ChainPortInUseError, ChainStartError } from "./errors.ts";
import { requestRpc } from "./rpc.ts";
import { sleep } from "./process-record.ts";

/** A started anvil child whose RPC server responds. */
export interface RunningAnvil {
  child: ChildProcess;
  pid: number;
  /** Resolves when the child exits, with its exit code or signal. */
  exit: Promise<AnvilExit>;
}

export interface AnvilExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * Waits up to `timeoutMs` for the port to stop accepting connections, for
 * an anvil that is still shutting down. Throws `ChainPortInUseError` if
 * something still listens then.
 */
export async function waitForPortFree(
  host: string,
  port: number,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (await acceptsConnections(host, port)) {
    if (Date.now() > deadline) throw new ChainPortInUseError(host, port);
    await sleep(100);
  }
}

function acceptsConnections(host: string, port: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const socket = createConnection({ host, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * Starts anvil in its own process group, so that a Ctrl-C in the terminal
 * reaches only the supervisor, which then saves the state before stopping
 * anvil. Output goes to `logFile`. Resolves once `eth_chainId` returns
 * the expected chain id; throws `ChainStartError` if anvil exits first or
 * does not respond within `timeoutMs`.
 */
export async function spawnAnvil(
  binary: string,
  settings: AnvilSettings,
  loadStateFile: string | undefined,
  logFile: string,
  timeoutMs: number,
  onSpawn: (pid: number) => Promise<void>,
): Promise<RunningAnvil> {
  const log = openSync(logFile, "a", 0o600);
  let child: ChildProcess;
  try {
    child = spawn(binary, buildAnvilArguments(settings, loadStateFile), {
      detached: true,
      stdio: ["ignore", log, log],
    });
  } finally {
    closeSync(log);
  }
  const exit = new Promise<AnvilExit>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
  });
  const spawned = await new Promise<Error | undefined>((resolve) => {
    child.once("spawn", () => resolve(undefined));
    child.once("error", (error) => resolve(error));
  });
  if (spawned !== undefined || child.pid === undefined) {
    throw new ChainStartError(spawned?.message ?? "no process id", logFile);
  }
  const pid = child.pid;
  await onSpawn(pid);

  const url = `http://${settings.host}:${settings.port}`;
  let exited: AnvilExit | undefined;
  void exit.then((value) => (exited = value));
  const deadline = Date.now() + timeoutMs;
  while (exited === undefined) {
    try {
      const chainId = await requestRpc<string>(url, "eth_chainId", [], 1000);
      if (Number(chainId) !== settings.chainId) {
        child.kill("SIGKILL");
        throw new ChainStartError(
          `it reports chain id ${Number(chainId)}, not ${settings.chainId}`,
          logFile,
        );
      }
      return { child, pid, exit };
    } catch (error) {
      if (error instanceof ChainStartError) throw error;
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new ChainStartError(
        `no RPC response from ${url} within ${timeoutMs} ms`,
        logFile,
      );
    }
    await sleep(50);
  }
  const reason = exited.signal ?? `exit code ${exited.code}`;
  const lastLine = await readLastLogLine(logFile);
  throw new ChainStartError(`anvil exited (${reason}): ${lastLine}`, logFile);
}

async function readLastLogLine(logFile: string): Promise<string> {
  try {
    const text = await readFile(logFile, "utf8");
    const lines = text.trim().split("\n");
    const error = lines.findLast((line) => line.startsWith("Error"));
    return (error ?? lines.at(-1) ?? "").trim();
  } catch {
    return "no output";
  }
}
