import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";

// Limits on GraphQL requests, so that one request cannot make the indexer
// read or send unbounded data. Ponder's own graphql() middleware limits
// depth, tokens and aliases; these add byte limits on the request.

/** Largest GraphQL query text accepted, in bytes of UTF-8. */
export const MAX_QUERY_BYTES = 10_240;

/** Largest request body accepted (query text, variables and JSON), in bytes. */
export const MAX_BODY_BYTES = 32_768;

/** Answers with HTTP 413 and a GraphQL error body that says the limit. */
function tooLarge(c: Context, message: string): Response {
  return c.json(
    { errors: [{ message, extensions: { code: "REQUEST_TOO_LARGE" } }] },
    413,
  );
}

/** Rejects request bodies above MAX_BODY_BYTES before anything parses them. */
export const limitBodySize: MiddlewareHandler = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: (c) =>
    tooLarge(
      c,
      `The GraphQL request body is larger than ${MAX_BODY_BYTES} bytes; ` +
        "send a smaller query or fewer variables.",
    ),
});

/**
 * Rejects a POST whose query text is longer than MAX_QUERY_BYTES. Bodies
 * that are not JSON with a string `query` pass on to GraphQL, which
 * answers them with its own error.
 */
export const limitQuerySize: MiddlewareHandler = async (c, next) => {
  if (c.req.method !== "POST") return next();
  let body: unknown;
  try {
    body = await c.req.raw.clone().json();
  } catch {
    return next();
  }
  const operations = Array.isArray(body) ? body : [body];
  for (const operation of operations) {
    const query = (operation as { query?: unknown } | null)?.query;
    if (typeof query !== "string") continue;
    const bytes = new TextEncoder().encode(query).length;
    if (bytes > MAX_QUERY_BYTES) {
      return tooLarge(
        c,
        `The GraphQL query is ${bytes} bytes long, above the limit of ` +
          `${MAX_QUERY_BYTES} bytes; split it into smaller queries.`,
      );
    }
  }
  return next();
};
