import { CliError } from "../lib/errors.ts";
import { toCliError } from "../lib/error-mapping.ts";

/**
 * Prints a failure on stderr as "error: …", its detail lines and a hint,
 * and returns the exit code. Set JURYBOX_DEBUG=1 to add the stack traces of
 * the error and its causes.
 */
export function printError(error: unknown): number {
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
  process.stderr.write(lines.join("\n") + "\n");
  return failure instanceof CliError ? failure.exitCode : 1;
}
