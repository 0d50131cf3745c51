import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
} from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  afterAll,
  beforeAll,
  beforeEach,
  describe,
  expect,
  test,
} from "vitest";

import {
  GRAPHQL_TIMEOUT_MS,
  IndexerUrlError,
  MAX_GRAPHQL_BODY_BYTES,
  parseIndexerUrl,
} from "./graphql-proxy.ts";
import { startAppServer, type AppServer } from "./index.ts";

// A small GraphQL stand-in: it records each request and responds with
// whatever the test sets, so the test can check exactly what the proxy sends.
interface Seen {
  method: string;
  url: string;
  contentType: string | undefined;
  body: string;
}

let folder: string;
let indexer: Server;
let indexerUrl: string;
let seen: Seen[] = [];
let reply: (request: IncomingMessage) => {
  status: number;
  body: string;
} = () => ({ status: 200, body: '{"data":{}}' });
let delayMs = 0;
let server: AppServer;
let logLines: string[] = [];

function listen(target: Server): Promise<number> {
  return new Promise((resolve) =>
    target.listen(0, "127.0.0.1", () =>
      resolve((target.address() as { port: number }).port),
    ),
  );
}

function post(
  url: string,
  path: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<{
  status: number;
  body: string;
  headers: IncomingMessage["headers"];
}> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: "POST",
        path,
        headers: { "Content-Type": "application/json", ...headers },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            body: text,
            headers: res.headers,
          }),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "jurybox-graphql-"));
  await mkdir(join(folder, "dist"), { recursive: true });
  await writeFile(join(folder, "dist", "index.html"), "<!doctype html>");

  indexer = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      seen.push({
        method: request.method ?? "",
        url: request.url ?? "",
        contentType: request.headers["content-type"],
        body,
      });
      const answer = reply(request);
      setTimeout(() => {
        response.writeHead(answer.status, {
          "Content-Type": "application/json",
        });
        response.end(answer.body);
      }, delayMs);
    });
  });
  indexerUrl = `http://127.0.0.1:${await listen(indexer)}/graphql`;

  server = await startAppServer({
    root: join(folder, "dist"),
    port: 0,
    chainRpcUrl: "http://127.0.0.1:9",
    chainId: 1337,
    registry: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
    indexerUrl,
    log: (line) => logLines.push(line),
  });
});

afterAll(async () => {
  await server?.stop();
  indexer?.closeAllConnections();
  await new Promise((resolve) => indexer?.close(resolve));
  await rm(folder, { recursive: true, force: true });
});

beforeEach(() => {
  seen = [];
  logLines = [];
  delayMs = 0;
  reply = () => ({ status: 200, body: '{"data":{}}' });
});

const QUERY = JSON.stringify({ query: "{ rounds { items { id } } }" });

describe("POST /graphql", () => {
  test("forwards the body and returns the answer", async () => {
    reply = () => ({ status: 200, body: '{"data":{"rounds":{"items":[]}}}' });
    const response = await post(server.url, "/graphql", QUERY);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({
      data: { rounds: { items: [] } },
    });
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(seen).toHaveLength(1);
    expect(seen[0].method).toBe("POST");
    expect(seen[0].url).toBe("/graphql");
    expect(seen[0].contentType).toBe("application/json");
    expect(seen[0].body).toBe(QUERY);
  });

  test("passes the indexer's error status on", async () => {
    reply = () => ({ status: 400, body: '{"errors":[{"message":"bad"}]}' });
    const response = await post(server.url, "/graphql", "{}");
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).errors[0].message).toBe("bad");
  });

  test("ignores the request's query string and extra path", async () => {
    await post(server.url, "/graphql?x=/admin", QUERY);
    expect(seen.map((entry) => entry.url)).toEqual(["/graphql"]);
    const other = await post(server.url, "/graphql/extra", QUERY);
    expect(other.status).toBe(404);
    expect(seen).toHaveLength(1);
  });

  test("rejects a body over the limit unsent", async () => {
    const body = JSON.stringify({ query: "x".repeat(MAX_GRAPHQL_BODY_BYTES) });
    const response = await post(server.url, "/graphql", body);
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body).errors[0].extensions.code).toBe(
      "REQUEST_TOO_LARGE",
    );
    expect(seen).toHaveLength(0);
  });

  test("rejects a cross-origin post unsent", async () => {
    const response = await post(server.url, "/graphql", QUERY, {
      Origin: "https://elsewhere.example",
    });
    expect(response.status).toBe(403);
    expect(seen).toHaveLength(0);
  });

  test(
    "answers 504 when the indexer is slow, logs recovery",
    async () => {
      delayMs = GRAPHQL_TIMEOUT_MS + 1_000;
      const started = Date.now();
      const response = await post(server.url, "/graphql", QUERY);
      expect(response.status).toBe(504);
      expect(Date.now() - started).toBeLessThan(GRAPHQL_TIMEOUT_MS + 900);
      expect(JSON.parse(response.body).errors[0].extensions.code).toBe(
        "INDEXER_UNAVAILABLE",
      );
      delayMs = 0;
      const again = await post(server.url, "/graphql", QUERY);
      expect(again.status).toBe(200);
      const recovered = logLines.filter((line) =>
        line.includes("responds again after 1 failed requests"),
      );
      expect(recovered).toHaveLength(1);
    },
    GRAPHQL_TIMEOUT_MS + 5_000,
  );

  test("answers 502 and logs once while the indexer is down", async () => {
    const closed = createServer();
    const port = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    server.setIndexerUrl(`http://127.0.0.1:${port}/graphql`);
    try {
      logLines = [];
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const response = await post(server.url, "/graphql", QUERY);
        expect(response.status).toBe(502);
      }
      const failures = logLines.filter((line) =>
        line.includes("did not respond"),
      );
      expect(failures).toHaveLength(1);
    } finally {
      server.setIndexerUrl(indexerUrl);
    }
  });

  test("lists /graphql in config.json only with an indexer", async () => {
    const read = async () =>
      JSON.parse(
        await (await fetch(new URL("config.json", server.url))).text(),
      ) as { graphqlPath: string | null };
    expect((await read()).graphqlPath).toBe("/graphql");
    server.setIndexerUrl(undefined);
    try {
      expect((await read()).graphqlPath).toBeNull();
      const response = await post(server.url, "/graphql", QUERY);
      expect(response.status).toBe(503);
      expect(JSON.parse(response.body).errors[0].extensions.code).toBe(
        "INDEXER_NOT_CONFIGURED",
      );
      expect(seen).toHaveLength(0);
    } finally {
      server.setIndexerUrl(indexerUrl);
    }
  });

  test("answers 503 restarting while the indexer restarts", async () => {
    server.setIndexerRestarting();
    try {
      const response = await post(server.url, "/graphql", QUERY);
      expect(response.status).toBe(503);
      const [error] = JSON.parse(response.body).errors;
      expect(error.extensions.code).toBe("INDEXER_RESTARTING");
      expect(error.message).toContain("being restarted");
      expect(seen).toHaveLength(0);
      const config = JSON.parse(
        await (await fetch(new URL("config.json", server.url))).text(),
      ) as { graphqlPath: string | null };
      expect(config.graphqlPath).toBe("/graphql");
    } finally {
      server.setIndexerUrl(indexerUrl);
    }
    const again = await post(server.url, "/graphql", QUERY);
    expect(again.status).toBe(200);
  });
});

describe("parseIndexerUrl", () => {
  test("accepts http on 127.0.0.1", () => {
    expect(parseIndexerUrl("http://127.0.0.1:42069/graphql").port).toBe(
      "42069",
    );
  });

  test.each([
    "http://localhost:42069/graphql",
    "http://10.0.0.5:42069/graphql",
    "https://127.0.0.1:42069/graphql",
    "http://user:pw@127.0.0.1:42069/graphql",
    "127.0.0.1:42069",
  ])("rejects %s", (url) => {
    expect(() => parseIndexerUrl(url)).toThrow(IndexerUrlError);
  });

  test("startAppServer rejects an indexer off this machine", async () => {
    await expect(
      startAppServer({
        root: join(folder, "dist"),
        port: 0,
        indexerUrl: "http://192.168.1.9:42069/graphql",
        log: () => {},
      }),
    ).rejects.toThrow(IndexerUrlError);
  });
});
