import { randomBytes, timingSafeEqual } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";

import { readBody } from "./rpc-proxy.ts";
import { redeemSignInToken } from "./signin-links.ts";
import { sendJson } from "./static-files.ts";

export class AdminKeyFileError extends Error {
  constructor(path: string, reason: string) {
    super(
      `The admin key file ${path} ${reason}; give a file with a "privateKey" ` +
        "field or the bare 0x-prefixed key.",
    );
    this.name = "AdminKeyFileError";
  }
}

/** Reads a private key from a JSON file with a "privateKey" field or a bare 0x key. */
export async function readAdminKeyFile(path: string): Promise<`0x${string}`> {
  let text: string;
  try {
    text = (await readFile(path, "utf8")).trim();
  } catch (error) {
    throw new AdminKeyFileError(
      path,
      `cannot be read (${(error as Error).message})`,
    );
  }
  let key: unknown = text;
  if (text.startsWith("{")) {
    try {
      key = (JSON.parse(text) as { privateKey?: unknown }).privateKey;
    } catch {
      throw new AdminKeyFileError(path, "is not valid JSON");
    }
  }
  if (typeof key !== "string" || !/^0x[0-9a-fA-F]{64}$/.test(key)) {
    throw new AdminKeyFileError(path, "holds no 32-byte hex private key");
  }
  return key as `0x${string}`;
}

/** Creates a sign-in token: 32 random bytes, base64url. */
export function createSignInToken(): string {
  return randomBytes(32).toString("base64url");
}

export function isLoopback(address: string | undefined): boolean {
  return (
    address === "127.0.0.1" ||
    address === "::1" ||
    address === "::ffff:127.0.0.1"
  );
}

/**
 * Hands the embedded chain's admin key to the browser once. The `up`
 * command prints a link with a one-time token in its fragment; the page
 * posts the token here and receives the key, which it then keeps sealed
 * in IndexedDB. Later links come from `jurybox admin-link`, which records
 * them in `linksDir` (see signin-links.ts). Each link works once, only from
 * 127.0.0.1, and the key itself is never printed or logged.
 */
export class AdminSignIn {
  readonly #keyFile: string;
  readonly #linksDir: string | undefined;
  #token: Buffer | undefined;

  constructor(keyFile: string, token: string, linksDir?: string) {
    this.#keyFile = keyFile;
    this.#token = Buffer.from(token, "utf8");
    this.#linksDir = linksDir;
  }

  async handle(
    request: IncomingMessage,
    response: ServerResponse,
    log: (line: string) => void,
  ): Promise<void> {
    if (!isLoopback(request.socket.remoteAddress)) {
      log(
        `admin sign-in: rejected a request from ${request.socket.remoteAddress}`,
      );
      return sendJson(response, 403, {
        error: "Admin sign-in works only from this computer (127.0.0.1).",
      });
    }
    let token: unknown;
    try {
      const body = await readBody(request, 4_096);
      token = (JSON.parse(body.toString("utf8")) as { token?: unknown }).token;
    } catch {
      return sendJson(response, 400, {
        error: 'The body must be JSON {"token": "…"}.',
      });
    }
    const presented = typeof token === "string" ? token : "";
    if (!(await this.#redeem(presented))) {
      log("admin sign-in: rejected an invalid, expired or already used token");
      return sendJson(response, 403, {
        error:
          "The sign-in link is invalid, expired or was already used; run " +
          "`npx jurybox admin-link` for a new link.",
      });
    }
    const privateKey = await readAdminKeyFile(this.#keyFile);
    log(
      "admin sign-in: the admin key was handed to a browser; the link is now used",
    );
    sendJson(response, 200, { privateKey });
  }

  /** Uses up the start-up token or a pending link; true when one matched. */
  async #redeem(presented: string): Promise<boolean> {
    const expected = this.#token;
    const bytes = Buffer.from(presented, "utf8");
    if (
      expected !== undefined &&
      bytes.length === expected.length &&
      timingSafeEqual(bytes, expected)
    ) {
      this.#token = undefined;
      return true;
    }
    if (this.#linksDir === undefined) return false;
    return redeemSignInToken(this.#linksDir, presented);
  }
}
