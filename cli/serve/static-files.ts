import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";

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

/**
 * Serves a file of the built app for GET and HEAD; `/` is index.html.
 * Paths that leave the root are rejected. Hashed files under /assets/ are
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
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error("not a file");
    size = info.size;
  } catch {
    return sendText(response, 404, `${url.pathname} was not found.`);
  }

  const type = CONTENT_TYPES[extname(path)] ?? "application/octet-stream";
  const immutable = relative.startsWith("/assets/");
  response.writeHead(200, {
    "Content-Type": type,
    "Content-Length": size,
    "Cache-Control": immutable
      ? "public, max-age=31536000, immutable"
      : "no-cache",
  });
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
