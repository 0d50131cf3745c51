// GraphQL requests to the indexer and a generic reader of its tables.

/** The first error of a GraphQL response, raised as an exception. */
export class GraphqlError extends Error {
  readonly status: number;
  constructor(message: string, status: number) {
    super(message);
    this.name = "GraphqlError";
    this.status = status;
  }
}

/** Posts a query and returns `data`; throws GraphqlError on any error. */
export async function queryGraphql<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data?: T;
    errors?: { message: string }[];
  };
  if (body.errors !== undefined && body.errors.length > 0) {
    throw new GraphqlError(body.errors[0].message, response.status);
  }
  return body.data as T;
}

/** Every table of the indexer, by the name of its GraphQL plural query. */
export const TABLES = {
  round: "rounds",
  bidder: "bidders",
  criterion: "criterions",
  seat: "seats",
  commitment: "commitments",
  sheet: "sheets",
  result: "results",
  indexedBlock: "indexedBlocks",
} as const;

export type TableName = keyof typeof TABLES;
export type Row = Record<string, unknown>;

type TypeRef = { kind: string; ofType?: TypeRef | null };

/** Returns the scalar and enum fields of a GraphQL object type. */
async function scalarFields(url: string, type: string): Promise<string[]> {
  const data = await queryGraphql<{
    __type: { fields: { name: string; type: TypeRef }[] } | null;
  }>(
    url,
    `query ($type: String!) {
      __type(name: $type) {
        fields {
          name
          type { kind ofType { kind ofType { kind ofType { kind } } } }
        }
      }
    }`,
    { type },
  );
  if (data.__type === null) throw new Error(`No GraphQL type ${type}.`);
  return data.__type.fields
    .filter((field) => {
      // Unwraps NON_NULL and LIST, e.g. [Int!]! is four levels deep.
      let ref: TypeRef | null | undefined = field.type;
      while (ref && (ref.kind === "NON_NULL" || ref.kind === "LIST")) {
        ref = ref.ofType;
      }
      return ref?.kind === "SCALAR" || ref?.kind === "ENUM";
    })
    .map((field) => field.name);
}

/** Reads every row of one table, page by page, in primary key order. */
export async function readTable(url: string, table: TableName): Promise<Row[]> {
  const fields = await scalarFields(url, table);
  const plural = TABLES[table];
  const rows: Row[] = [];
  let after: string | null = null;
  for (;;) {
    const data: Record<string, any> = await queryGraphql(
      url,
      `query ($after: String) {
        ${plural}(limit: 1000, after: $after) {
          items { ${fields.join(" ")} }
          pageInfo { hasNextPage endCursor }
        }
      }`,
      { after },
    );
    const page = data[plural];
    rows.push(...page.items);
    if (!page.pageInfo.hasNextPage) return rows;
    after = page.pageInfo.endCursor;
  }
}

/** Reads every table of the indexer. */
export async function readIndexedState(
  url: string,
): Promise<Record<TableName, Row[]>> {
  const state = {} as Record<TableName, Row[]>;
  for (const table of Object.keys(TABLES) as TableName[]) {
    state[table] = await readTable(url, table);
  }
  return state;
}

/** Returns the block number of the indexer's latest checkpoint. */
export async function indexedCheckpoint(url: string): Promise<number> {
  const data = await queryGraphql<{
    _meta: { status: Record<string, { block: { number: number } }> };
  }>(url, "{ _meta { status } }");
  const chains = Object.values(data._meta.status);
  return chains.length === 0 ? -1 : chains[0].block.number;
}

/**
 * Waits until the indexer has processed the given block: its checkpoint and
 * its indexed-block record have reached it.
 */
export async function waitForBlock(
  url: string,
  blockNumber: bigint,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    try {
      const checkpoint = await indexedCheckpoint(url);
      const data = await queryGraphql<{
        indexedBlocks: { items: { blockNumber: string }[] };
      }>(url, "{ indexedBlocks { items { blockNumber } } }");
      const recorded = data.indexedBlocks.items[0]?.blockNumber;
      last = `checkpoint ${checkpoint}, indexed block ${recorded}`;
      if (
        checkpoint >= Number(blockNumber) &&
        recorded !== undefined &&
        BigInt(recorded) >= blockNumber
      ) {
        return;
      }
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `The indexer at ${url} did not reach block ${blockNumber} within ` +
      `${timeoutMs} ms (${last}).`,
  );
}
