import type { IncomingMessage, ServerResponse } from "node:http";

import { sendJson } from "./static-files.ts";

/**
 * JSON-RPC methods a browser may call through /rpc: reads, and raw
 * transactions signed in the browser. Everything else is rejected, in
 * particular eth_sendTransaction (the node would sign with its own
 * unlocked accounts) and node control methods such as anvil_* or debug_*.
 */
export const ALLOWED_RPC_METHODS = new Set([
  "eth_chainId",
  "net_version",
  "web3_clientVersion",
  "eth_blockNumber",
  "eth_getBlockByNumber",
  "eth_getBlockByHash",
  "eth_call",
  "eth_estimateGas",
  "eth_gasPrice",
  "eth_maxPriorityFeePerGas",
  "eth_feeHistory",
  "eth_getBalance",
  "eth_getCode",
  "eth_getTransactionCount",
  "eth_getTransactionByHash",
  "eth_getTransactionReceipt",
  "eth_getLogs",
  "eth_sendRawTransaction",
]);

/** Largest request body accepted, in bytes; a 30-bidder round is far below it. */
export const MAX_RPC_BODY_BYTES = 1_000_000;

export class RpcBodyTooLargeError extends Error {
  constructor(limit: number) {
    super(
      `The JSON-RPC request is larger than ${limit} bytes; send a smaller request.`,
    );
    this.name = "RpcBodyTooLargeError";
  }
}

export async function readBody(
  request: IncomingMessage,
  limit: number,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new RpcBodyTooLargeError(limit);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function rpcError(id: unknown, code: number, message: string) {
  return { jsonrpc: "2.0", id: id ?? null, error: { code, message } };
}

type RpcCall = { id?: unknown; method?: unknown };

function isAllowed(call: unknown): boolean {
  const method = (call as RpcCall | null)?.method;
  return typeof method === "string" && ALLOWED_RPC_METHODS.has(method);
}

function methodNotFound(call: unknown) {
  const { id, method } = (call ?? {}) as RpcCall;
  return rpcError(
    id,
    -32601,
    `The method ${JSON.stringify(method)} is not available through the app server.`,
  );
}

/**
 * Answers a request that names a method outside the allow list the way a
 * node answers an unknown method (HTTP 200, JSON-RPC error -32601), so
 * clients such as viem fall back as they would on any node. A batch with
 * one such method is not sent at all.
 */
function rejectMethods(payload: unknown): unknown {
  if (!Array.isArray(payload)) return methodNotFound(payload);
  return payload.map((call) =>
    isAllowed(call)
      ? rpcError(
          (call as RpcCall).id,
          -32600,
          "Not sent: the batch contains a method that is not available.",
        )
      : methodNotFound(call),
  );
}

const rejectedCounts = new Map<string, number>();

/** Logs a rejected method the first time and then at every 100th rejection. */
function logRejected(calls: unknown[], log: (line: string) => void): void {
  for (const call of calls) {
    const method = JSON.stringify((call as RpcCall | null)?.method ?? null);
    const count = (rejectedCounts.get(method) ?? 0) + 1;
    rejectedCounts.set(method, count);
    if (count === 1 || count % 100 === 0) {
      log(`rpc: rejected method ${method} (${count} times so far)`);
    }
  }
}

/**
 * Forwards one JSON-RPC request (or batch) to the chain's RPC URL after
 * checking every method against the allow list.
 */
export async function proxyRpc(
  chainRpcUrl: string,
  request: IncomingMessage,
  response: ServerResponse,
  log: (line: string) => void,
): Promise<void> {
  let body: Buffer;
  try {
    body = await readBody(request, MAX_RPC_BODY_BYTES);
  } catch (error) {
    return sendJson(
      response,
      413,
      rpcError(null, -32600, (error as Error).message),
    );
  }

  let payload: unknown;
  try {
    payload = JSON.parse(body.toString("utf8"));
  } catch {
    return sendJson(
      response,
      400,
      rpcError(null, -32700, "The request body is not valid JSON."),
    );
  }
  const calls = Array.isArray(payload) ? payload : [payload];
  const forbidden = calls.filter((call) => !isAllowed(call));
  if (calls.length === 0 || forbidden.length > 0) {
    logRejected(forbidden, log);
    return sendJson(response, 200, rejectMethods(payload));
  }

  let upstream: Response;
  try {
    upstream = await fetch(chainRpcUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: new Uint8Array(body),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    log(
      `rpc: the chain at ${chainRpcUrl} did not respond: ${(error as Error).message}`,
    );
    return sendJson(
      response,
      502,
      rpcError(
        null,
        -32603,
        "The chain node did not respond; try again shortly.",
      ),
    );
  }
  const text = await upstream.text();
  response.writeHead(upstream.status, {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-store",
  });
  response.end(text);
}
