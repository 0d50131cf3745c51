import { BaseError, HttpRequestError, TimeoutError } from "viem";

import { JuryboxError } from "../../core/errors.ts";
import { ChainUnreachableError, CliError } from "./errors.ts";

/**
 * Turns any thrown value into a CliError: core errors keep their details and
 * hint, unreachable RPC endpoints become ChainUnreachableError, and anything
 * else keeps its own message.
 */
export function toCliError(error: unknown): CliError {
  if (error instanceof CliError) return error;

  if (error instanceof JuryboxError) {
    return new CliError(error.shortMessage, {
      details: [...error.details],
      hint: error.hint,
      cause: error,
    });
  }

  if (error instanceof BaseError) {
    const http = error.walk((inner) => inner instanceof HttpRequestError);
    if (http instanceof HttpRequestError) {
      return new ChainUnreachableError(http.url, error);
    }
    const timeout = error.walk((inner) => inner instanceof TimeoutError);
    if (timeout instanceof TimeoutError) {
      return new ChainUnreachableError(timeout.url, error);
    }
    if (/gas required exceeds allowance|out of gas/i.test(error.shortMessage)) {
      return new CliError(
        "The transaction needs more gas than one block allows.",
        {
          hint:
            "A round this large does not fit the chain's block gas limit; " +
            "use fewer seats, bidders or criteria.",
          cause: error,
        },
      );
    }
    return new CliError(`${error.shortMessage}`, {
      details: error.metaMessages?.map(shortenDetail) ?? [],
      hint: "Run again with JURYBOX_DEBUG=1 to see the full trace.",
      cause: error,
    });
  }

  const message = error instanceof Error ? error.message : String(error);
  return new CliError(`Unexpected failure: ${message}`, {
    hint: "Run again with JURYBOX_DEBUG=1 to see the full trace.",
    cause: error,
  });
}

/** Maximum length of a printed detail line, since calldata can run to megabytes. */
const MAX_DETAIL_LENGTH = 200;

function shortenDetail(line: string): string {
  const trimmed = line.trim();
  if (trimmed.length <= MAX_DETAIL_LENGTH) return trimmed;
  const omitted = trimmed.length - MAX_DETAIL_LENGTH;
  return `${trimmed.slice(0, MAX_DETAIL_LENGTH)}… (${omitted} more characters)`;
}
