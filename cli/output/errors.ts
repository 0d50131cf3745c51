import { JuryboxError } from "../../core/errors.ts";
import { CliError } from "../lib/errors.ts";
import { toCliError } from "../lib/error-mapping.ts";
import { printJson } from "./json.ts";

/** Options of `printError`. */
export interface PrintErrorOptions {
  /** Also print one JSON error document on stdout, for --json. */
  json?: boolean;
  /** Print nothing on stderr, when the error was shown there already. */
  quiet?: boolean;
}

/**
 * Prints a failure on stderr as "error: …", its detail lines and a hint,
 * and returns the exit code. With `json` it also prints
 * `{ "ok": false, "error": { code, message, details, hint } }` on stdout,
 * so a script that reads stdout always gets one JSON document. Set
 * JURYBOX_DEBUG=1 to add the stack traces of the error and its causes.
 */
export function printError(
  error: unknown,
  options: PrintErrorOptions = {},
): number {
  const failure = toCliError(error);
  const lines = [`error: ${failure.message}`];
  for (const detail of failure.details) lines.push(`  - ${detail}`);
  if (failure.hint) lines.push(`hint: ${failure.hint}`);
  if (process.env.JURYBOX_DEBUG) {
    let current: unknown = error;
    while (current instanceof Error) {
      lines.push(current.stack ?? current.message);
      current = current.cause;
    }
  }
  if (!options.quiet) process.stderr.write(lines.join("\n") + "\n");
  if (options.json) {
    printJson({
      ok: false,
      error: {
        code: errorCode(error, failure),
        message: failure.message,
        details: failure.details,
        hint: failure.hint ?? null,
      },
    });
  }
  return failure instanceof CliError ? failure.exitCode : 1;
}

/**
 * Returns a stable code for a failure: the `code` a CliError was given,
 * else one from its class name, so RoundNotFoundError becomes
 * "round-not-found". A failure with neither is "failed".
 */
export function errorCode(error: unknown, failure: CliError): string {
  if (error instanceof CliError && error.code !== undefined) return error.code;
  if (failure.code !== undefined) return failure.code;
  let name = "";
  if (error instanceof JuryboxError) name = error.name;
  else if (error instanceof CliError) name = error.name;
  if (name === "" || name === "CliError") name = failure.name;
  if (name === "CliError" || name === "JuryboxError") return "failed";
  return codeOfClassName(name);
}

/**
 * Turns an error class name into a code: NotARegistryError becomes
 * "not-a-registry" and RpcURLError "rpc-url". A run of capitals is one
 * word, except its last capital when a lower-case letter follows it.
 */
export function codeOfClassName(name: string): string {
  return name
    .replace(/Error$/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1-$2")
    .toLowerCase();
}
