import { BaseError, ContractFunctionRevertedError } from "viem";

const NETWORK_ERRORS = new Set([
  "HttpRequestError",
  "TimeoutError",
  "WaitForTransactionReceiptTimeoutError",
  "WebSocketRequestError",
]);

function* causes(error: unknown): Generator<unknown> {
  let current: unknown = error;
  for (let depth = 0; current && depth < 10; depth += 1) {
    yield current;
    current = (current as { cause?: unknown }).cause;
  }
}

/**
 * True when the request did not reach the chain or its answer was lost
 * (offline, server down, timeout), so the same request may simply be sent
 * again later.
 */
export function isNetworkError(error: unknown): boolean {
  if (typeof navigator !== "undefined" && navigator.onLine === false) {
    return true;
  }
  for (const cause of causes(error)) {
    const name = (cause as { name?: string }).name ?? "";
    if (NETWORK_ERRORS.has(name)) return true;
    if (cause instanceof TypeError && /fetch|network/i.test(cause.message)) {
      return true;
    }
  }
  return false;
}

/**
 * A one-line description of a failed call for the screen: the registry's
 * custom error with its arguments when the revert can be decoded, else
 * viem's short message.
 */
export function describeError(error: unknown): string {
  for (const cause of causes(error)) {
    if (cause instanceof ContractFunctionRevertedError && cause.data) {
      const args = (cause.data.args ?? []).map(String).join(", ");
      return `${cause.data.errorName}(${args})`;
    }
  }
  if (error instanceof BaseError) return error.shortMessage;
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * True when the node's gas estimate failed because the call needs more
 * gas than a block allows, as creating a very large round does.
 */
export function isBlockGasExceeded(error: unknown): boolean {
  return /gas required exceeds allowance|out of gas/i.test(
    describeError(error),
  );
}
