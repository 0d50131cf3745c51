import { readFile } from "node:fs/promises";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startIndexer, type RunningIndexer } from "../../cli/indexer/index.ts";
import {
  MAX_BODY_BYTES,
  MAX_QUERY_BYTES,
} from "../../subgraph/src/api/query-limits.ts";
import { GraphqlError, queryGraphql } from "./support/graphql.ts";
import {
  freePort,
  startIndexerTestChain,
  type IndexerTestChain,
} from "./support/test-chain.ts";

const quietLogger = { info() {}, warn() {}, error() {} };

/** Builds a query whose selection is `depth` levels deep, through relations. */
function queryOfDepth(depth: number): string {
  // rounds(1) items(2) seats(3) items(4) round(5) seats(6) items(7) ...
  const levels = ["rounds", "items", "seats", "items", "round"];
  while (levels.length < depth - 1) levels.push("seats", "items", "round");
  const open = levels.slice(0, depth - 1);
  return `{ ${open.map((field) => `${field} {`).join(" ")} __typename ${"}".repeat(open.length)} }`;
}

/** Posts a raw body and returns the status and the parsed JSON response. */
async function post(url: string, body: string) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });
  return { status: response.status, json: (await response.json()) as any };
}

/**
 * Returns the local addresses (hex, as the kernel lists them in
 * /proc/net/tcp and tcp6) of the sockets listening on a TCP port.
 */
async function listeningAddresses(port: number): Promise<string[]> {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  const addresses: string[] = [];
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    const text = await readFile(file, "utf8").catch(() => "");
    for (const line of text.split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 4 || fields[3] !== "0A") continue;
      const [address, portHex] = fields[1].split(":");
      if (portHex === hexPort) addresses.push(address);
    }
  }
  return addresses;
}

describe("GraphQL limits", () => {
  let chain: IndexerTestChain;
  let indexer: RunningIndexer;

  beforeAll(async () => {
    chain = await startIndexerTestChain();
    indexer = await startIndexer({
      rpcUrl: chain.rpcUrl,
      chainId: chain.chainId,
      dataDir: join(chain.dir, "jurybox"),
      port: await freePort(),
      deploymentsFile: chain.deploymentsFile,
      logger: quietLogger,
    });
  });

  afterAll(async () => {
    await indexer?.stop();
    await chain?.stop();
  });

  it("accepts a query 8 levels deep", async () => {
    const data = await queryGraphql(indexer.url, queryOfDepth(8));
    expect(data.rounds.items).toEqual([]);
  });

  it("rejects a query 9 levels deep", async () => {
    const error = await queryGraphql(indexer.url, queryOfDepth(9)).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(GraphqlError);
    expect((error as Error).message).toContain(
      "Query depth limit of 8 exceeded, found 9.",
    );
  });

  it("accepts query text of the maximum size", async () => {
    const query = "{ rounds { items { id } } }";
    const padded = query + " ".repeat(MAX_QUERY_BYTES - query.length);
    const { status, json } = await post(
      indexer.url,
      JSON.stringify({ query: padded }),
    );
    expect(status).toBe(200);
    expect(json.data.rounds.items).toEqual([]);
  });

  it("rejects query text one byte too long", async () => {
    const query = "{ rounds { items { id } } }";
    const padded = query + " ".repeat(MAX_QUERY_BYTES + 1 - query.length);
    const { status, json } = await post(
      indexer.url,
      JSON.stringify({ query: padded }),
    );
    expect(status).toBe(413);
    expect(json.errors[0].message).toBe(
      `The GraphQL query is ${MAX_QUERY_BYTES + 1} bytes long, above the ` +
        `limit of ${MAX_QUERY_BYTES} bytes; split it into smaller queries.`,
    );
  });

  it("counts query size in UTF-8 bytes", async () => {
    // "가" is 3 bytes in UTF-8, so 3,500 of them exceed 10,240 bytes.
    const query = `{ rounds(where: { title: "${"가".repeat(3500)}" }) { items { id } } }`;
    const { status, json } = await post(indexer.url, JSON.stringify({ query }));
    expect(status).toBe(413);
    expect(json.errors[0].message).toContain("bytes long, above the limit");
  });

  it("rejects a request body above its limit", async () => {
    const body = JSON.stringify({
      query: "{ rounds { items { id } } }",
      variables: { filler: "x".repeat(MAX_BODY_BYTES) },
    });
    const { status, json } = await post(indexer.url, body);
    expect(status).toBe(413);
    expect(json.errors[0].message).toBe(
      `The GraphQL request body is larger than ${MAX_BODY_BYTES} bytes; ` +
        "send a smaller query or fewer variables.",
    );
  });

  it("rejects more than 30 aliases", async () => {
    const aliases = Array.from(
      { length: 31 },
      (_, i) => `a${i}: rounds { totalCount }`,
    );
    const error = await queryGraphql(
      indexer.url,
      `{ ${aliases.join(" ")} }`,
    ).catch((caught: unknown) => caught);
    expect((error as Error).message).toContain("Aliases limit of 30 exceeded");
  });

  it("listens on the loopback address only", async () => {
    const port = Number(new URL(indexer.url).port);
    const listeners = await listeningAddresses(port);
    expect(listeners).toEqual(["0100007F"]);
  });
});
