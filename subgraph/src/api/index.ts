import { Hono } from "hono";
import { graphql } from "ponder";
import { db } from "ponder:api";
import schema from "ponder:schema";

import { limitBodySize, limitQuerySize } from "./query-limits.ts";

/** Maximum query depth: `{ rounds { items { seats { items { id } } } } }` is 5. */
export const MAX_QUERY_DEPTH = 8;

// GraphQL over the indexed tables at /graphql. A query deeper than
// MAX_QUERY_DEPTH gets the error "Query depth limit of 8 exceeded, found
// N."; query text longer than 10,240 bytes gets HTTP 413. The token (1,000)
// and alias (30) limits are the defaults of Ponder 0.16's graphql().
const app = new Hono();

app.use(
  "/graphql",
  limitBodySize,
  limitQuerySize,
  graphql(
    { db, schema },
    {
      maxOperationDepth: MAX_QUERY_DEPTH,
      maxOperationTokens: 1000,
      maxOperationAliases: 30,
    },
  ),
);

export default app;
