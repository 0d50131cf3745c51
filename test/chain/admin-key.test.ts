import { stat, writeFile, mkdir, chmod } from "node:fs/promises";

import { describe, expect, it } from "vitest";
import { privateKeyToAccount } from "viem/accounts";

import {
  AdminKeyFileError,
  ensureAdminKey,
  loadAdminKey,
} from "../../cli/chain/admin-key.ts";
import { resolveJuryboxPaths } from "../../cli/chain/paths.ts";
import { makeTempDir } from "./helpers.ts";

describe("admin key", () => {
  it("creates a private key file once", async () => {
    const dataDir = await makeTempDir();
    const paths = resolveJuryboxPaths(dataDir);

    const created = await ensureAdminKey(dataDir);
    const again = await ensureAdminKey(dataDir);
    expect(again).toEqual(created);
    expect(privateKeyToAccount(created.privateKey).address).toBe(
      created.address,
    );
    expect((await stat(paths.adminKeyFile)).mode & 0o777).toBe(0o600);
    expect((await stat(paths.keysDir)).mode & 0o777).toBe(0o700);
  });

  it("creates a different key per directory", async () => {
    const first = await ensureAdminKey(await makeTempDir());
    const second = await ensureAdminKey(await makeTempDir());
    expect(first.address).not.toBe(second.address);
  });

  it("tightens a readable key file to 0600", async () => {
    const dataDir = await makeTempDir();
    const paths = resolveJuryboxPaths(dataDir);
    await ensureAdminKey(dataDir);
    await chmod(paths.adminKeyFile, 0o644);

    await loadAdminKey(dataDir);
    expect((await stat(paths.adminKeyFile)).mode & 0o777).toBe(0o600);
  });

  it("rejects malformed key files", async () => {
    const dataDir = await makeTempDir();
    const paths = resolveJuryboxPaths(dataDir);
    await mkdir(paths.keysDir, { recursive: true });
    const cases = [
      ["not json", /not valid JSON/],
      ['{"privateKey":"0x1234"}', /not 32 bytes of hex/],
      [
        JSON.stringify({
          privateKey: `0x${"11".repeat(32)}`,
          address: "0x0000000000000000000000000000000000000001",
        }),
        /address does not match/,
      ],
    ] as const;
    for (const [content, message] of cases) {
      await writeFile(paths.adminKeyFile, content);
      await expect(loadAdminKey(dataDir)).rejects.toThrow(AdminKeyFileError);
      await expect(loadAdminKey(dataDir)).rejects.toThrow(message);
      await expect(ensureAdminKey(dataDir)).rejects.toThrow(message);
    }
  });

  it("reports a missing key file as ENOENT", async () => {
    const dataDir = await makeTempDir();
    await expect(loadAdminKey(dataDir)).rejects.toMatchObject({
      code: "ENOENT",
    });
  });
});
