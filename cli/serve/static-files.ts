import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { gzipSync } from "node:zlib";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".svg", ".txt"]);

/** Gzipped bodies by path, kept until the file changes. */
const gzipped = new Map<string, { mtimeMs: number; body: Buffer }>();

async function gzippedBody(path: string, mtimeMs: number): Promise<Buffer> {
  const cached = gzipped.get(path);
  if (cached?.mtimeMs === mtimeMs) return cached.body;
  const body = gzipSync(await readFile(path), { level: 9 });
  gzipped.set(path, { mtimeMs, body });
  return body;
}

function acceptsGzip(request: IncomingMessage): boolean {
  return /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
}

/**
 * Serves a file of the built app for GET and HEAD; `/` is index.html.
 * Text files go out gzipped to clients that accept it. Paths that leave
 * the root are rejected. Hashed files under /assets/ are
 * cached for a year, everything else revalidated on each load so a new
 * build reaches tablets at once.
 */
export async function serveStatic(
  root: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? "/", "http://app.invalid");
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname);
  } catch {
    return sendText(response, 400, "The request path is not valid UTF-8.");
  }
  if (relative.includes("\0")) {
    return sendText(response, 400, "The request path contains a NUL byte.");
  }
  if (relative.endsWith("/")) relative += "index.html";
  const path = normalize(join(root, relative));
  if (path !== root && !path.startsWith(root + sep)) {
    return sendText(response, 403, "The request path leaves the app folder.");
  }

  let size: number;
  let mtimeMs: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error("not a file");
    size = info.size;
    mtimeMs = info.mtimeMs;
  } catch {
    return sendText(response, 404, `${url.pathname} was not found.`);
  }

  const extension = extname(path);
  const type = CONTENT_TYPES[extension] ?? "application/octet-stream";
  const immutable = relative.startsWith("/assets/");
  const headers = {
    "Content-Type": type,
    "Cache-Control": immutable
      ? "public, max-age=31536000, immutable"
      : "no-cache",
    Vary: "Accept-Encoding",
  };
  if (COMPRESSIBLE.has(extension) && acceptsGzip(request)) {
    const body = await gzippedBody(path, mtimeMs);
    response.writeHead(200, {
      ...headers,
      "Content-Encoding": "gzip",
      "Content-Length": body.length,
    });
    response.end(request.method === "HEAD" ? undefined : body);
    return;
  }
  response.writeHead(200, { ...headers, "Content-Length": size });
  if (request.method === "HEAD") {
    response.end();
    return;
  }
  createReadStream(path).pipe(response);
}

export function sendText(
  response: ServerResponse,
  status: number,
  text: string,
): void {
  response.writeHead(status, {
    "Content-Type": "text/plain; charset=utf-8",
    "Cache-Control": "no-store",
  });
  response.end(`${text}\n`);
}

export function sendJson(
  response: ServerResponse,
  status: number,
  value: unknown,
): void {
  const body = JSON.stringify(value);
  response.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-store",
    "Content-Length": Buffer.byteLength(body),
  });
  response.end(body);
}
