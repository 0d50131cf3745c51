/**
 * Base class of every failure the command reports to its user: a
 * one-sentence message that names the value, and a hint on how to fix it.
 * `main.ts` prints both and exits with `exitCode`.
 */
export class CliError extends Error {
  readonly hint: string | undefined;
  readonly exitCode: number;
  readonly details: string[];
  /**
   * The `--json` error code, e.g. "chain-id-mismatch", for a failure that
   * has no class of its own; by default it comes from the class name.
   */
  readonly code: string | undefined;

  constructor(
    message: string,
    options: {
      hint?: string;
      details?: string[];
      exitCode?: number;
      cause?: unknown;
      code?: string;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
    this.details = options.details ?? [];
    this.exitCode = options.exitCode ?? 1;
    this.code = options.code;
  }
}

export class ChainUnreachableError extends CliError {
  constructor(rpcUrl: string, cause?: unknown) {
    super(`No chain answers at ${rpcUrl}.`, {
      hint: "Start it with `npm start`, or pass --rpc.",
      cause,
    });
  }
}

export class DeploymentNotFoundError extends CliError {
  constructor(chainId: number) {
    super(`No registry deployment is recorded for chain ${chainId}.`, {
      hint:
        "Run `npm start` to deploy one on the embedded chain, " +
        "or pass --registry ADDR.",
    });
  }
}

export class RegistryCodeMissingError extends CliError {
  constructor(address: string, chainId: number) {
    super(`No contract code at ${address} on chain ${chainId}.`, {
      hint:
        "Check --registry and --rpc; after a chain reset, run `npm start` " +
        "to deploy the registry again.",
    });
  }
}

export class AdminKeyMissingError extends CliError {
  constructor(path: string) {
    super(`Admin key file ${path} was not found.`, {
      hint:
        "Run `npm start` once to create it, pass --admin-key-file, " +
        "or set JURYBOX_ADMIN_KEY to a 0x-prefixed private key.",
    });
  }
}

export class AdminKeyInvalidError extends CliError {
  constructor(source: string, reason: string) {
    super(`The admin key in ${source} is invalid: ${reason}.`, {
      hint:
        "Use a 0x-prefixed key of 64 hex digits, or a JSON file with " +
        '"privateKey" (and optionally its "address").',
    });
  }
}

export class InvalidArgumentError extends CliError {
  constructor(name: string, value: string, expected: string) {
    super(`Invalid ${name} "${value}": expected ${expected}.`, {
      hint: "Run the command with --help to see its arguments.",
    });
  }
}

export class RoundFileInvalidError extends CliError {
  constructor(file: string, kind: "round" | "case", problems: string[]) {
    const count =
      problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    super(`The ${kind} file ${file} has ${count}; nothing was sent.`, {
      details: problems,
      hint: "Fix each listed field and run the command again.",
    });
  }
}

export class FileReadError extends CliError {
  constructor(file: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Could not read ${file}: ${reason}.`, {
      hint: "Check the path and that the file is readable.",
      cause,
    });
  }
}

export class RoundNotFoundError extends CliError {
  constructor(roundId: bigint, registry: string) {
    super(`Round ${roundId} does not exist on the registry ${registry}.`, {
      hint: "Round ids start at 1; `jurybox up` prints the demo round's id.",
    });
  }
}

export class ContractRevertError extends CliError {
  readonly errorName: string;
  readonly errorArgs: readonly unknown[];

  constructor(
    functionName: string,
    errorName: string,
    errorArgs: readonly unknown[],
    explanation: string,
    hint: string | undefined,
  ) {
    const shown = errorArgs.map(formatArgument).join(", ");
    super(
      `The registry rejected ${functionName}: ${errorName}(${shown}). ` +
        explanation,
      { hint },
    );
    this.errorName = errorName;
    this.errorArgs = errorArgs;
  }
}

export class TransactionFailedError extends CliError {
  constructor(functionName: string, reason: string, cause?: unknown) {
    super(`The ${functionName} transaction failed: ${reason}`, {
      hint: "Check that the chain is running and mines zero-fee transactions.",
      cause,
    });
  }
}

function formatArgument(value: unknown): string {
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "string") return value;
  return JSON.stringify(value, (_key, inner) =>
    typeof inner === "bigint" ? inner.toString() : inner,
  );
}
