import { CliError } from "../lib/errors.ts";

/** An option of `jurybox network init` has a value that cannot work. */
export class NetworkOptionError extends CliError {
  constructor(option: string, value: string, problem: string, fix: string) {
    super(`Invalid ${option} "${value}": ${problem}; nothing was written.`, {
      hint: fix,
    });
  }
}

/** The output folder exists and already contains files. */
export class OutputFolderNotEmptyError extends CliError {
  constructor(folder: string, entries: string[]) {
    const shown = entries.slice(0, 5).join(", ");
    const more = entries.length > 5 ? ", …" : "";
    super(
      `The output folder ${folder} is not empty (${shown}${more}); ` +
        "nothing was written.",
      {
        hint:
          "Choose a new folder, or pass --force to overwrite the generated " +
          "files in it. --force replaces any validator keys already there.",
      },
    );
  }
}

/** The output folder, or the folder that would contain it, rejects writes. */
export class OutputFolderUnwritableError extends CliError {
  constructor(folder: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Cannot write the network files to ${folder}: ${reason}.`, {
      hint:
        "Pick a folder you can write to with --out; nothing was left " +
        "behind in it.",
      cause,
    });
  }
}

/** The block gas limit is below what the largest round needs. */
export class GasLimitTooLowError extends CliError {
  constructor(limit: bigint, required: bigint, reason: string) {
    super(
      `The gas limit ${limit} is below ${required} (${reason}); nothing ` +
        "was written.",
      {
        hint: `Pass --gas-limit ${required} or more, or omit it for the default.`,
      },
    );
  }
}
