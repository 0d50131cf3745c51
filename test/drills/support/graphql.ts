// Reads everything an indexer serves over GraphQL, table by table, so two
// indexers can be compared with one equality check.

type TypeRef = { kind: string; name: string | null; ofType?: TypeRef | null };
type Row = Record<string, unknown>;

/** Posts a GraphQL query and returns `data`; throws on any error. */
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
    throw new Error(
      `GraphQL query to ${url} failed: ${body.errors[0].message}`,
    );
  }
  return body.data as T;
}

function unwrap(ref: TypeRef | null | undefined): TypeRef | undefined {
  let current = ref ?? undefined;
  while (current && (current.kind === "NON_NULL" || current.kind === "LIST")) {
    current = current.ofType ?? undefined;
  }
  return current;
}

const TYPE_FIELDS = `fields { name type { kind name ofType { kind name ofType {
  kind name ofType { kind name } } } } }`;

async function fieldsOf(url: string, type: string) {
  const data = await queryGraphql<{
    __type: { fields: { name: string; type: TypeRef }[] } | null;
  }>(url, `query ($type: String!) { __type(name: $type) { ${TYPE_FIELDS} } }`, {
    type,
  });
  if (data.__type === null) throw new Error(`No GraphQL type ${type}.`);
  return data.__type.fields;
}

/**
 * Finds the list queries (fields of Query whose type is a page with
 * `items`), with the scalar fields of each item type.
 */
async function listQueries(url: string) {
  const data = await queryGraphql<{
    __schema: { queryType: { name: string } };
  }>(url, "{ __schema { queryType { name } } }");
  const lists: { query: string; fields: string[] }[] = [];
  for (const field of await fieldsOf(url, data.__schema.queryType.name)) {
    const page = unwrap(field.type);
    if (page?.kind !== "OBJECT" || page.name === null) continue;
    const items = (await fieldsOf(url, page.name)).find(
      (inner) => inner.name === "items",
    );
    const item = unwrap(items?.type);
    if (item?.name == null) continue;
    const scalars = (await fieldsOf(url, item.name))
      .filter((inner) => {
        const kind = unwrap(inner.type)?.kind;
        return kind === "SCALAR" || kind === "ENUM";
      })
      .map((inner) => inner.name);
    lists.push({ query: field.name, fields: scalars });
  }
  return lists;
}

/** Reads every row of every list query, page by page, in key order. */
export async function readAllTables(
  url: string,
): Promise<Record<string, Row[]>> {
  const tables: Record<string, Row[]> = {};
  for (const { query, fields } of await listQueries(url)) {
    const rows: Row[] = [];
    let after: string | null = null;
    for (;;) {
      const data: Record<string, any> = await queryGraphql(
        url,
        `query ($after: String) { ${query}(limit: 1000, after: $after) {
          items { ${fields.join(" ")} } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      rows.push(...data[query].items);
      if (!data[query].pageInfo.hasNextPage) break;
      after = data[query].pageInfo.endCursor;
    }
    tables[query] = rows;
  }
  return tables;
}

/** Returns the block number of the indexer's latest checkpoint, or -1. */
export async function indexedBlock(url: string): Promise<number> {
  const data = await queryGraphql<{
    _meta: { status: Record<string, { block: { number: number } } | null> };
  }>(url, "{ _meta { status } }");
  const chain = Object.values(data._meta.status)[0];
  return chain?.block.number ?? -1;
}
