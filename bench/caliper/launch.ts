// Installs Caliper into bench/caliper/node_modules from its own lockfile and
// runs `caliper launch manager`. Caliper 0.6 depends on web3 1.x, so it
// lives in its own package and never enters the product's dependencies.
import { spawn } from "node:child_process";
import { createWriteStream, existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import type { CaliperFiles } from "./config.ts";

export const CALIPER_DIR = fileURLToPath(new URL(".", import.meta.url));
const CALIPER_CLI = join(
  CALIPER_DIR,
  "node_modules",
  "@hyperledger",
  "caliper-cli",
  "caliper.js",
);

export class CaliperRunError extends Error {
  constructor(step: string, detail: string) {
    super(`${step} failed: ${detail}`);
    this.name = "CaliperRunError";
  }
}

/**
 * Runs a command in its own process group and resolves with its exit
 * code. When the command exits, the rest of its group is sent SIGTERM:
 * Caliper 0.6's workers log "is exiting" at the end of a benchmark but
 * stay alive on their open WebSocket, and they hold the output pipes open.
 */
function run(
  command: string,
  args: readonly string[],
  options: {
    cwd: string;
    onOutput: (chunk: Buffer) => void;
    timeoutMs: number;
  },
): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    const pid = child.pid;
    const endGroup = () => {
      if (pid === undefined) return;
      try {
        process.kill(-pid, "SIGTERM");
      } catch {
        // The group has no process left.
      }
    };
    running.add(endGroup);
    child.stdout.on("data", options.onOutput);
    child.stderr.on("data", options.onOutput);
    const timer = setTimeout(endGroup, options.timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      running.delete(endGroup);
      reject(error);
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      endGroup();
      running.delete(endGroup);
      resolve(code ?? (signal === null ? 1 : 128));
    });
  });
}

const running = new Set<() => void>();

/** Sends SIGTERM to the process groups of the commands still running. */
export function stopRunningCommands(): void {
  for (const endGroup of running) endGroup();
}

/** Runs `npm ci` in bench/caliper when its node_modules has no Caliper. */
export async function ensureCaliperInstalled(
  log: (line: string) => void,
): Promise<void> {
  if (existsSync(CALIPER_CLI)) return;
  log("Installing Caliper with npm ci --prefix bench/caliper");
  const code = await run(
    "npm",
    ["ci", "--prefix", CALIPER_DIR, "--no-audit", "--no-fund"],
    {
      cwd: CALIPER_DIR,
      onOutput: (chunk) => process.stderr.write(chunk),
      timeoutMs: 10 * 60_000,
    },
  );
  if (code !== 0 || !existsSync(CALIPER_CLI)) {
    throw new CaliperRunError(
      "npm ci --prefix bench/caliper",
      `exit code ${code}; check the network access to the npm registry ` +
        `and bench/caliper/package-lock.json.`,
    );
  }
}

/**
 * Runs the benchmark with this process's Node binary, which is the
 * repository's Node 22 under `npx node`; Caliper forks its workers with
 * the same binary. Caliper's output goes to stderr and to `caliper.log`
 * in the work folder.
 */
export async function launchCaliper(
  files: CaliperFiles,
  workDir: string,
  timeoutMs: number,
): Promise<void> {
  const logFile = join(workDir, "caliper.log");
  const log = createWriteStream(logFile);
  const args = [
    CALIPER_CLI,
    "launch",
    "manager",
    "--caliper-workspace",
    workDir,
    "--caliper-networkconfig",
    files.networkConfig,
    "--caliper-benchconfig",
    files.benchmarkConfig,
    "--caliper-report-path",
    files.report,
    // The runner deployed the registry already; skip init and install.
    "--caliper-flow-only-test",
  ];
  const code = await run(process.execPath, args, {
    cwd: workDir,
    onOutput: (chunk) => {
      process.stderr.write(chunk);
      if (!log.writableEnded) log.write(chunk);
    },
    timeoutMs,
  });
  await new Promise((resolve) => log.end(resolve));
  if (code !== 0) {
    throw new CaliperRunError(
      "caliper launch manager",
      `exit code ${code}; its output is in ${logFile}.`,
    );
  }
}
