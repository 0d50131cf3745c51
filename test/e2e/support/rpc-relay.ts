import { createServer, type IncomingMessage } from "node:http";

// A JSON-RPC relay on 127.0.0.1 between the indexer and the test chain. While
// paused it holds every request, so the indexer keeps serving GraphQL from
// an old block while the chain moves on, and the page must report that the
// indexer is behind.

export interface RpcRelay {
  /** The relay's URL, to use in place of the chain's. */
  url: string;
  /** Holds requests from now on until `resume`. */
  pause(): void;
  /** Sends the held requests and every later one straight on. */
  resume(): void;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

export async function startRpcRelay(target: string): Promise<RpcRelay> {
  let paused: Promise<void> | undefined;
  let release: (() => void) | undefined;
  const server = createServer(async (request, response) => {
    try {
      const body = await readBody(request);
      await paused;
      const upstream = await fetch(target, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body,
      });
      response.writeHead(upstream.status, {
        "Content-Type": "application/json",
      });
      response.end(Buffer.from(await upstream.arrayBuffer()));
    } catch (error) {
      response.writeHead(502).end((error as Error).message);
    }
  });
  await new Promise<void>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve()),
  );
  const { port } = server.address() as { port: number };
  const resume = () => {
    release?.();
    paused = undefined;
    release = undefined;
  };
  return {
    url: `http://127.0.0.1:${port}`,
    pause() {
      paused ??= new Promise<void>((resolve) => (release = resolve));
    },
    resume,
    close() {
      resume();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
