import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";

// Sign-in links issued while the app server runs. `jurybox admin-link`
// writes one file per link into a folder under .jurybox. The file is named
// after the SHA-256 of the token, so the folder contains no usable token,
// and it contains the link's expiry. The app server accepts a token whose file
// it can delete: the first request that deletes it wins, which makes each
// link work once even when two requests race.

/** Minutes a new sign-in link stays valid unless the caller says otherwise. */
export const DEFAULT_LINK_MINUTES = 10;

/** Folder of pending sign-in links under a `.jurybox` data directory. */
export function signInLinksDir(dataDir: string): string {
  return join(dataDir, "admin-signin");
}

function tokenFile(dir: string, token: string): string {
  const digest = createHash("sha256").update(token, "utf8").digest("hex");
  return join(dir, `${digest}.json`);
}

/**
 * Creates a one-time sign-in token valid for `minutes` and records its hash
 * in `dir`. Returns the token, which is stored nowhere else.
 */
export async function issueSignInToken(
  dir: string,
  minutes: number = DEFAULT_LINK_MINUTES,
  now: number = Date.now(),
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const expiresAt = new Date(now + minutes * 60_000).toISOString();
  await writeFile(tokenFile(dir, token), JSON.stringify({ expiresAt }), {
    mode: 0o600,
    flag: "wx",
  });
  return token;
}

/**
 * Uses up the pending link of `token`: returns true when its file existed,
 * had not expired and this call deleted it. An expired file is deleted too.
 */
export async function redeemSignInToken(
  dir: string,
  token: string,
  now: number = Date.now(),
): Promise<boolean> {
  if (token.length === 0 || token.length > 256) return false;
  const file = tokenFile(dir, token);
  let expiresAt: number;
  try {
    const record = JSON.parse(await readFile(file, "utf8")) as {
      expiresAt?: unknown;
    };
    expiresAt =
      typeof record.expiresAt === "string" ? Date.parse(record.expiresAt) : NaN;
  } catch {
    return false;
  }
  try {
    await unlink(file);
  } catch {
    // Another request deleted it first and so used the link.
    return false;
  }
  return Number.isFinite(expiresAt) && now <= expiresAt;
}
