import { CliError } from "../lib/errors.ts";

/** Raised when another live supervisor already manages the same data directory. */
export class ChainAlreadyRunningError extends CliError {
  constructor(pid: number, chainDir: string) {
    super(
      `A chain supervisor (pid ${pid}) already runs on ${chainDir}; stop it ` +
        `with Ctrl-C or \`kill ${pid}\` before starting another.`,
    );
  }
}

/** Raised when a process that is not our anvil listens on the chain port. */
export class ChainPortInUseError extends CliError {
  constructor(host: string, port: number) {
    super(`Port ${port} on ${host} is already in use by another process.`, {
      hint:
        "Stop that process, or start the chain on another port with " +
        `--rpc http://${host}:PORT.`,
    });
  }
}

/** Raised when anvil exits or does not respond before the start timeout. */
export class ChainStartError extends CliError {
  constructor(reason: string, logFile: string) {
    super(`anvil failed to start: ${reason}; see ${logFile} for its output.`);
  }
}

/** Raised when every state file exists but none of them can be loaded. */
export class ChainStateUnreadableError extends CliError {
  constructor(problems: string[]) {
    super(
      `No chain state file can be loaded (${problems.join("; ")}); move the ` +
        `files aside to start an empty chain, or restore a backup copy.`,
    );
  }
}

/** Raised when a state file fails decompression or the shape check. */
export class ChainStateDamagedError extends Error {
  readonly file: string;
  readonly reason: string;

  constructor(file: string, reason: string) {
    super(`The chain state file ${file} is damaged: ${reason}.`);
    this.name = "ChainStateDamagedError";
    this.file = file;
    this.reason = reason;
  }
}

/** Raised when an option of `startChain` has a value it cannot use. */
export class ChainOptionError extends Error {
  constructor(option: string, value: unknown, expected: string) {
    super(
      `Invalid chain option ${option} = ${JSON.stringify(value)}: ` +
        `expected ${expected}.`,
    );
    this.name = "ChainOptionError";
  }
}
