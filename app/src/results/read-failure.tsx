import { useTranslation } from "react-i18next";
import { RpcRequestError } from "viem";

import { describeError, isNetworkError } from "../chain/errors.ts";
import { ChainUnavailableError } from "./round-view.ts";

/**
 * HTTP statuses with which a gateway reports that the server behind it
 * did not respond. The app's /rpc proxy (cli/serve/rpc-proxy.ts) returns
 * 502 when the chain node does not respond.
 */
const GATEWAY_STATUSES = new Set([502, 503, 504]);

/** A failed read of the chain, as the public pages describe it. */
export interface ReadFailure {
  /** True when the chain node or the app server could not be reached. */
  unreachable: boolean;
  /** The error's own text, in English, kept for support. */
  detail: string;
}

function* causes(error: unknown): Generator<unknown> {
  let current: unknown = error;
  for (let depth = 0; current && depth < 10; depth += 1) {
    yield current;
    current = (current as { cause?: unknown }).cause;
  }
}

/**
 * Classifies a failed read. viem turns the proxy's 502 response
 * `{"code":-32603,"message":"The chain node did not respond; …"}` into an
 * InternalRpcError ("An internal error was received.") whose cause is the
 * RpcRequestError with the HTTP status and the proxy's message, so the
 * detail is taken from that cause.
 */
export function describeReadFailure(error: unknown): ReadFailure {
  for (const cause of causes(error)) {
    if (
      cause instanceof RpcRequestError &&
      cause.status !== undefined &&
      GATEWAY_STATUSES.has(cause.status)
    ) {
      return {
        unreachable: true,
        detail: `${cause.details} (HTTP ${cause.status}, code ${cause.code})`,
      };
    }
  }
  if (error instanceof ChainUnavailableError || isNetworkError(error)) {
    return { unreachable: true, detail: describeError(error) };
  }
  return { unreachable: false, detail: describeError(error) };
}

/** Returns the translated reason of a failed read, without its detail. */
export function useFailureReason(): (failure: ReadFailure) => string {
  const { t } = useTranslation();
  return (failure) =>
    failure.unreachable
      ? t("results.chainUnreachable")
      : t("results.unexpectedError");
}

/**
 * Shows an error line: `text`, then the error's own English text on a details
 * line, so that a viewer can pass it on to support.
 */
export function FailureMessage({
  text,
  failure,
}: {
  text: string;
  failure: ReadFailure;
}) {
  const { t } = useTranslation();
  return (
    <div
      className="field-error"
      role="alert"
      data-failure={failure.unreachable ? "unreachable" : "unexpected"}
    >
      <p>{text}</p>
      <p className="hint failure-detail">
        {t("results.errorDetail")} <span lang="en">{failure.detail}</span>
      </p>
    </div>
  );
}
