import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { issueSignInToken, redeemSignInToken } from "./signin-links.ts";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "jurybox-links-"));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("sign-in links", () => {
  test("redeems once while valid", async () => {
    const now = Date.parse("2026-12-04T09:00:00Z");
    const token = await issueSignInToken(dir, 10, now);

    expect(await redeemSignInToken(dir, token, now + 60_000)).toBe(true);
    expect(await redeemSignInToken(dir, token, now + 60_000)).toBe(false);
  });

  test("rejects and deletes an expired link", async () => {
    const now = Date.parse("2026-12-04T09:00:00Z");
    const token = await issueSignInToken(dir, 10, now);

    expect(await redeemSignInToken(dir, token, now + 11 * 60_000)).toBe(false);
    expect(await readdir(dir)).toEqual([]);
  });

  test("rejects unknown and empty tokens", async () => {
    await issueSignInToken(dir, 10);

    expect(await redeemSignInToken(dir, "not-issued")).toBe(false);
    expect(await redeemSignInToken(dir, "")).toBe(false);
    expect(await readdir(dir)).toHaveLength(1);
  });

  test("stores only the token hash", async () => {
    const token = await issueSignInToken(dir, 10);
    const [file] = await readdir(dir);

    expect(file).not.toContain(token);
    expect(await readFile(join(dir, file), "utf8")).not.toContain(token);
  });

  test("lets one racing request win", async () => {
    const token = await issueSignInToken(dir, 10);

    const results = await Promise.all([
      redeemSignInToken(dir, token),
      redeemSignInToken(dir, token),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});
