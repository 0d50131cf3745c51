/** Raised when a JSON-RPC call fails, times out or returns an error object. */
export class RpcRequestError extends Error {
  constructor(url: string, method: string, reason: string) {
    super(`JSON-RPC ${method} to ${url} failed: ${reason}.`);
    this.name = "RpcRequestError";
  }
}

let nextId = 1;

/** Sends one JSON-RPC 2.0 request over HTTP and returns its result. */
export async function requestRpc<T>(
  url: string,
  method: string,
  params: unknown[] = [],
  timeoutMs = 10_000,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: nextId++, method, params }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const cause = (error as Error & { cause?: Error }).cause;
    throw new RpcRequestError(url, method, cause?.message ?? String(error));
  }
  if (!response.ok) {
    throw new RpcRequestError(url, method, `HTTP status ${response.status}`);
  }
  const body = (await response.json()) as {
    result?: T;
    error?: { code: number; message: string };
  };
  if (body.error) {
    throw new RpcRequestError(url, method, body.error.message);
  }
  return body.result as T;
}
