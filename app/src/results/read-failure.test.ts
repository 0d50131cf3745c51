import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterEach, describe, expect, test } from "vitest";

import { createChainClient } from "../chain/client.ts";
import { describeReadFailure } from "./read-failure.tsx";
import { ChainUnavailableError } from "./round-view.ts";

let server: Server | undefined;

/** Serves every request with `status` and the JSON `body` on 127.0.0.1. */
async function serve(status: number, body: unknown): Promise<string> {
  server = createServer((_request, response) => {
    response.writeHead(status, { "Content-Type": "application/json" });
    response.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}/rpc`;
}

async function failureOf(rpcUrl: string) {
  const client = createChainClient(1337, rpcUrl);
  const error = await client.getBlockNumber({ cacheTime: 0 }).then(
    () => undefined,
    (cause: unknown) => cause,
  );
  expect(error, "the read should have failed").toBeDefined();
  return describeReadFailure(error);
}

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

describe("describeReadFailure", () => {
  test("reads the proxy's 502 as unreachable", async () => {
    const url = await serve(502, {
      jsonrpc: "2.0",
      id: null,
      error: {
        code: -32603,
        message: "The chain node did not respond; try again shortly.",
      },
    });
    const failure = await failureOf(url);
    expect(failure.unreachable).toBe(true);
    expect(failure.detail).toBe(
      "The chain node did not respond; try again shortly. (HTTP 502, code -32603)",
    );
  });

  test("reads a closed server as unreachable", async () => {
    const url = await serve(200, {});
    await new Promise((resolve) => server!.close(resolve));
    server = undefined;
    const failure = await failureOf(url);
    expect(failure.unreachable).toBe(true);
  });

  test("keeps a node's own internal error", async () => {
    const url = await serve(200, {
      jsonrpc: "2.0",
      id: 0,
      error: { code: -32603, message: "header not found" },
    });
    const failure = await failureOf(url);
    expect(failure.unreachable).toBe(false);
    expect(failure.detail).toContain("internal error");
  });

  test("reads ChainUnavailableError as unreachable", () => {
    expect(describeReadFailure(new ChainUnavailableError()).unreachable).toBe(
      true,
    );
  });
});
