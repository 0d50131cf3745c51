import type { IncomingMessage, ServerResponse } from "node:http";

import { readBody } from "./rpc-proxy.ts";
import { sendJson } from "./static-files.ts";

// Forwards the public pages' GraphQL requests to the indexer, so that the
// browser reads it on the app's own origin and the indexer itself stays
// on 127.0.0.1. Only POST /graphql reaches it, always at the one URL the
// server was given, never at a path or query string from the request.

/** Largest request body forwarded; the indexer itself accepts 32,768 bytes. */
export const MAX_GRAPHQL_BODY_BYTES = 32_768;

/** Milliseconds to wait for the indexer's response before giving up. */
export const GRAPHQL_TIMEOUT_MS = 5_000;

export class IndexerUrlError extends Error {
  constructor(url: string, reason: string) {
    super(
      `The indexer URL ${JSON.stringify(url)} ${reason}; pass the indexer's ` +
        "GraphQL URL on this machine, e.g. http://127.0.0.1:42069/graphql.",
    );
    this.name = "IndexerUrlError";
  }
}

/** Checks that `url` is an http URL on 127.0.0.1 and returns it parsed. */
export function parseIndexerUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new IndexerUrlError(url, "is not a URL");
  }
  if (parsed.protocol !== "http:") {
    throw new IndexerUrlError(url, "does not use http:");
  }
  if (parsed.hostname !== "127.0.0.1") {
    throw new IndexerUrlError(url, "is not on 127.0.0.1");
  }
  if (parsed.username !== "" || parsed.password !== "") {
    throw new IndexerUrlError(url, "contains credentials");
  }
  return parsed;
}

function graphqlError(message: string, code: string) {
  return { errors: [{ message, extensions: { code } }] };
}

/**
 * Logs a failure of the indexer once per run of failures, and the first
 * response after one, so a page polling a stopped indexer does not fill the
 * log.
 */
export class IndexerHealthLog {
  readonly #log: (line: string) => void;
  #failing = false;
  #failures = 0;

  constructor(log: (line: string) => void) {
    this.#log = log;
  }

  failed(url: string, error: Error): void {
    this.#failures += 1;
    if (this.#failing) return;
    this.#failing = true;
    this.#log(
      `graphql: the indexer at ${url} did not respond: ${error.message}`,
    );
  }

  answered(url: string): void {
    if (!this.#failing) return;
    this.#log(
      `graphql: the indexer at ${url} responds again after ` +
        `${this.#failures} failed requests`,
    );
    this.#failing = false;
    this.#failures = 0;
  }
}

/**
 * Value of `proxyGraphql`'s indexer argument while a supervised indexer
 * died and is being started again.
 */
export const INDEXER_RESTARTING = Symbol("indexer restarting");

/**
 * Forwards one GraphQL POST to the indexer and copies back its status and
 * JSON body. Responds with 503 when no indexer is configured (code
 * INDEXER_NOT_CONFIGURED) or while it restarts (code INDEXER_RESTARTING),
 * 413 above MAX_GRAPHQL_BODY_BYTES, 502 when the indexer is unreachable
 * and 504 after GRAPHQL_TIMEOUT_MS, each with a GraphQL `errors` body.
 */
export async function proxyGraphql(
  indexerUrl: string | typeof INDEXER_RESTARTING | undefined,
  request: IncomingMessage,
  response: ServerResponse,
  health: IndexerHealthLog,
): Promise<void> {
  if (indexerUrl === INDEXER_RESTARTING) {
    return sendJson(
      response,
      503,
      graphqlError(
        "The indexer stopped and is being restarted; read the chain " +
          "through /rpc until it is back.",
        "INDEXER_RESTARTING",
      ),
    );
  }
  if (indexerUrl === undefined) {
    return sendJson(
      response,
      503,
      graphqlError(
        "This app server has no indexer; read the chain through /rpc.",
        "INDEXER_NOT_CONFIGURED",
      ),
    );
  }
  let body: Buffer;
  try {
    body = await readBody(request, MAX_GRAPHQL_BODY_BYTES);
  } catch {
    return sendJson(
      response,
      413,
      graphqlError(
        `The GraphQL request body is larger than ${MAX_GRAPHQL_BODY_BYTES} ` +
          "bytes; send a smaller query.",
        "REQUEST_TOO_LARGE",
      ),
    );
  }

  let upstream: Response;
  let text: string;
  try {
    upstream = await fetch(indexerUrl, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json",
      },
      body: new Uint8Array(body),
      redirect: "error",
      signal: AbortSignal.timeout(GRAPHQL_TIMEOUT_MS),
    });
    text = await upstream.text();
  } catch (error) {
    health.failed(indexerUrl, error as Error);
    const timedOut = (error as Error).name === "TimeoutError";
    return sendJson(
      response,
      timedOut ? 504 : 502,
      graphqlError(
        timedOut
          ? `The indexer did not answer within ${GRAPHQL_TIMEOUT_MS} ms.`
          : "The indexer did not respond; read the chain through /rpc.",
        "INDEXER_UNAVAILABLE",
      ),
    );
  }
  health.answered(indexerUrl);
  response.writeHead(upstream.status, {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-store",
  });
  response.end(text);
}
