import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, type WriteStream } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

import type { ChainLogger } from "../chain/logger.ts";
import { IndexerStartError } from "./errors.ts";

/** The `ponder` command of the installed package. */
export const PONDER_BIN = fileURLToPath(
  new URL("./bin/ponder.js", import.meta.resolve("ponder")),
);

/** Settings of one `ponder start` run. */
export interface PonderLaunch {
  subgraphDir: string;
  schema: string;
  port: number;
  env: NodeJS.ProcessEnv;
  logFile: string;
  logger: ChainLogger;
  startTimeoutMs: number;
}

/** A `ponder start` child process whose HTTP server is listening. */
export interface PonderChild {
  child: ChildProcess;
  pid: number;
  /** The port Ponder listens on. */
  port: number;
  /** Resolves with the exit code (or signal name) when the process exits. */
  exited: Promise<string>;
}

/** One line of Ponder's JSON log (pino format). */
type PonderLogLine = {
  level?: number;
  msg?: string;
  port?: number;
  error?: { message?: string };
};

/**
 * Starts `ponder start` on 127.0.0.1 with JSON logs, copies its output to
 * the log file and passes warnings and errors to the logger. Resolves once
 * Ponder logs that its HTTP server listens, with the port it chose.
 */
export function launchPonder(launch: PonderLaunch): Promise<PonderChild> {
  const args = [
    PONDER_BIN,
    "start",
    "--root",
    launch.subgraphDir,
    "--schema",
    launch.schema,
    "--port",
    String(launch.port),
    "--hostname",
    "127.0.0.1",
    "--log-format",
    "json",
  ];
  const log = createWriteStream(launch.logFile, { flags: "a" });
  log.write(
    `\n# ${new Date().toISOString()} ponder ${args.slice(1).join(" ")}\n`,
  );
  // process.execPath is the Node that runs Jurybox (Node 22 through npm).
  const child = spawn(process.execPath, args, {
    cwd: launch.subgraphDir,
    env: launch.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<string>((resolve) => {
    child.once("exit", (code, signal) => resolve(signal ?? String(code)));
  });
  void exited.then(() => log.end());

  return new Promise<PonderChild>((resolve, reject) => {
    let lastError = "no error was logged";
    const timer = setTimeout(() => {
      fail(`no HTTP server after ${launch.startTimeoutMs} ms`);
    }, launch.startTimeoutMs);
    const fail = (reason: string) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new IndexerStartError(reason, launch.logFile));
    };

    forwardLines(child.stdout!, log, (line) => {
      if (line.level !== undefined && line.level >= 50) {
        lastError = describe(line);
      }
      reportLine(line, launch.logger);
      if (line.msg === "Created HTTP server" && line.port !== undefined) {
        clearTimeout(timer);
        resolve({ child, pid: child.pid!, port: line.port, exited });
      }
    });
    forwardLines(child.stderr!, log, (line) => reportLine(line, launch.logger));
    child.once("error", (error) => fail(error.message));
    void exited.then((status) => {
      fail(`ponder exited with ${status} (${lastError})`);
    });
  });
}

/** Writes each output line to the log and passes parsed lines on. */
function forwardLines(
  stream: NodeJS.ReadableStream,
  log: WriteStream,
  onLine: (line: PonderLogLine & { text?: string }) => void,
): void {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  lines.on("line", (text) => {
    if (!log.writableEnded) log.write(`${text}\n`);
    let parsed: PonderLogLine & { text?: string };
    try {
      parsed = JSON.parse(text) as PonderLogLine;
    } catch {
      parsed = { text };
    }
    onLine(parsed);
  });
}

function describe(line: PonderLogLine & { text?: string }): string {
  if (line.text !== undefined) return line.text;
  const error = line.error?.message;
  return error === undefined ? String(line.msg) : `${line.msg}: ${error}`;
}

/**
 * Passes Ponder's warnings and errors, and the handlers' "WARN Skipped"
 * lines, to the logger. Info lines stay in the log file only.
 */
function reportLine(
  line: PonderLogLine & { text?: string },
  logger: ChainLogger,
): void {
  if (line.text !== undefined) {
    if (line.text.startsWith("WARN "))
      logger.warn(`indexer ${line.text.slice(5)}`);
    return;
  }
  if (line.level === undefined) return;
  if (line.level >= 50) logger.error(`indexer ${describe(line)}`);
  else if (line.level >= 40) logger.warn(`indexer ${describe(line)}`);
}
