import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { CONTENT_SECURITY_POLICY } from "./headers.ts";
import { startAppServer, type AppServer } from "./index.ts";
import { issueSignInToken } from "./signin-links.ts";

const ANVIL = fileURLToPath(
  new URL("../../node_modules/.bin/anvil", import.meta.url),
);
const ADMIN_KEY = `0x${"7".repeat(64)}`;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function raw(
  url: string,
  options: {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  } = {},
): Promise<RawResponse> {
  const target = new URL(url);
  const send = target.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      {
        host: target.hostname,
        port: target.port,
        method: options.method ?? "GET",
        path: options.path ?? target.pathname,
        headers: options.headers,
        rejectUnauthorized: false,
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body }),
        );
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

function rpc(
  url: string,
  payload: unknown,
  headers: Record<string, string> = {},
) {
  return raw(url, {
    method: "POST",
    path: "/rpc",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(payload),
  });
}

let folder: string;
let anvil: ChildProcess;
let server: AppServer;
let rpcUrl: string;
let token: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "jurybox-serve-"));
  await mkdir(join(folder, "dist", "assets"), { recursive: true });
  await writeFile(
    join(folder, "dist", "index.html"),
    "<!doctype html><title>t</title>",
  );
  await writeFile(join(folder, "dist", "assets", "app-1.js"), "export {};");
  await writeFile(
    join(folder, "admin.json"),
    JSON.stringify({ privateKey: ADMIN_KEY }),
  );

  const chainPort = await freePort();
  rpcUrl = `http://127.0.0.1:${chainPort}`;
  anvil = spawn(
    ANVIL,
    ["--host", "127.0.0.1", "--port", String(chainPort), "--chain-id", "1337"],
    {
      stdio: "ignore",
    },
  );
  for (let tries = 0; ; tries += 1) {
    try {
      const response = await fetch(rpcUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId" }),
      });
      if (response.ok) break;
    } catch {
      if (tries > 100) throw new Error("anvil did not start");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  server = await startAppServer({
    root: join(folder, "dist"),
    port: 0,
    chainRpcUrl: rpcUrl,
    chainId: 1337,
    registry: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
    adminKeyFile: join(folder, "admin.json"),
    adminSignInLinksDir: join(folder, "links"),
    log: () => {},
  });
  token = new URL(server.adminSignInUrl!).hash.split("/").pop()!;
}, 60_000);

afterAll(async () => {
  await server?.stop();
  anvil?.kill();
  await rm(folder, { recursive: true, force: true });
});

describe("startAppServer", () => {
  test("serves the app with security headers", async () => {
    const response = await raw(server.url);
    expect(response.status).toBe(200);
    expect(response.body).toContain("<title>t</title>");
    expect(response.headers["content-security-policy"]).toBe(
      CONTENT_SECURITY_POLICY,
    );
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["x-frame-options"]).toBe("DENY");
    expect(response.headers["referrer-policy"]).toBe("no-referrer");
    expect(response.headers["cache-control"]).toBe("no-cache");
  });

  test("gzips text files for clients that accept it", async () => {
    const plain = await raw(`${server.url}assets/app-1.js`);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    const zipped = await raw(`${server.url}assets/app-1.js`, {
      headers: { "Accept-Encoding": "gzip, deflate" },
    });
    expect(zipped.status).toBe(200);
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.headers.vary).toBe("Accept-Encoding");
  });

  test("caches hashed assets", async () => {
    const response = await raw(`${server.url}assets/app-1.js`);
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toBe(
      "text/javascript; charset=utf-8",
    );
    expect(response.headers["cache-control"]).toContain("immutable");
  });

  test("rejects paths that leave the app folder", async () => {
    const encoded = await raw(server.url, { path: "/..%2fadmin.json" });
    expect(encoded.status).toBe(403);
    expect(encoded.body).not.toContain(ADMIN_KEY);
    const dotted = await raw(server.url, { path: "/%2e%2e/admin.json" });
    expect(dotted.status).toBe(404);
    expect(dotted.body).not.toContain(ADMIN_KEY);
  });

  test("rejects host names other than IP addresses and localhost", async () => {
    const response = await raw(server.url, {
      headers: { Host: "rebound.example" },
    });
    expect(response.status).toBe(421);
  });

  test("serves the console configuration", async () => {
    const response = await raw(`${server.url}config.json`);
    expect(JSON.parse(response.body)).toEqual({
      chainId: 1337,
      registry: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
      rpcPath: "/rpc",
      graphqlPath: null,
      adminSignIn: true,
    });
  });

  test("forwards allowed RPC methods to the chain", async () => {
    const response = await rpc(server.url, {
      jsonrpc: "2.0",
      id: 7,
      method: "eth_chainId",
    });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({
      jsonrpc: "2.0",
      id: 7,
      result: "0x539",
    });
  });

  test("rejects node-signed and control methods", async () => {
    for (const method of [
      "eth_sendTransaction",
      "anvil_setBalance",
      "eth_accounts",
      "debug_traceCall",
    ]) {
      const response = await rpc(server.url, {
        jsonrpc: "2.0",
        id: 1,
        method,
        params: [],
      });
      expect(response.status, method).toBe(200);
      expect(JSON.parse(response.body).error.code, method).toBe(-32601);
    }
    const batch = await rpc(server.url, [
      { jsonrpc: "2.0", id: 1, method: "eth_chainId" },
      { jsonrpc: "2.0", id: 2, method: "anvil_mine" },
    ]);
    const answers = JSON.parse(batch.body) as {
      id: number;
      error: { code: number };
    }[];
    expect(answers.map((answer) => answer.error.code)).toEqual([
      -32600, -32601,
    ]);
    expect(answers.map((answer) => answer.id)).toEqual([1, 2]);
  });

  test("rejects cross-origin posts", async () => {
    const response = await rpc(
      server.url,
      { jsonrpc: "2.0", id: 1, method: "eth_chainId" },
      { Origin: "https://elsewhere.example" },
    );
    expect(response.status).toBe(403);
  });

  test("hands the admin key over once", async () => {
    const post = (body: unknown) =>
      raw(server.url, {
        method: "POST",
        path: "/admin/signin",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    const wrong = await post({ token: "x".repeat(token.length) });
    expect(wrong.status).toBe(403);
    expect(wrong.body).not.toContain(ADMIN_KEY);

    const first = await post({ token });
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body)).toEqual({ privateKey: ADMIN_KEY });
    expect(first.headers["cache-control"]).toBe("no-store");

    const second = await post({ token });
    expect(second.status).toBe(403);
  });

  test("accepts an issued link once, after the first", async () => {
    const post = (body: unknown) =>
      raw(server.url, {
        method: "POST",
        path: "/admin/signin",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    const issued = await issueSignInToken(join(folder, "links"), 5);

    const first = await post({ token: issued });
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body)).toEqual({ privateKey: ADMIN_KEY });

    const again = await post({ token: issued });
    expect(again.status).toBe(403);
    expect(JSON.parse(again.body).error).toContain("jurybox admin-link");
  });
});

describe("startAppServer with https", () => {
  test("serves over TLS with a fresh self-signed certificate", async () => {
    const secure = await startAppServer({
      root: join(folder, "dist"),
      port: 0,
      https: true,
      chainRpcUrl: rpcUrl,
      log: () => {},
    });
    try {
      expect(secure.url.startsWith("https://127.0.0.1:")).toBe(true);
      expect(secure.certificateFingerprint).toMatch(
        /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/,
      );
      const response = await raw(secure.url);
      expect(response.status).toBe(200);
      expect(response.headers["strict-transport-security"]).toBe(
        "max-age=31536000",
      );
      const chain = await rpc(secure.url, {
        jsonrpc: "2.0",
        id: 1,
        method: "eth_chainId",
      });
      expect(JSON.parse(chain.body).result).toBe("0x539");
      expect(secure.adminSignInUrl).toBeUndefined();
    } finally {
      await secure.stop();
    }
  });
});
