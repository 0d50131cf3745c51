import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import {
  OutputFolderNotEmptyError,
  OutputFolderUnwritableError,
} from "../../cli/network/errors.ts";
import { writeNetworkFiles } from "../../cli/network/write-output.ts";
import { makeTempFolder } from "./network-fixture.ts";

const temp = makeTempFolder("write-output");
afterAll(() => temp.remove());

describe("writeNetworkFiles", () => {
  it("creates missing parent folders", async () => {
    const out = join(temp.path, "a", "b", "network");
    await writeNetworkFiles(
      out,
      [{ path: "x/secret", content: "s", mode: 0o600 }],
      false,
    );
    expect(readFileSync(join(out, "x/secret"), "utf8")).toBe("s");
    expect(statSync(join(out, "x/secret")).mode & 0o777).toBe(0o600);
  });

  it("leaves nothing behind when a write fails", async () => {
    const parent = join(temp.path, "failing", "deeper");
    const out = join(parent, "network");
    // The second file needs "one" to be a folder, but it is a file.
    const files = [
      { path: "one", content: "1", mode: 0o644 },
      { path: "one/two", content: "2", mode: 0o644 },
    ];
    await expect(writeNetworkFiles(out, files, false)).rejects.toBeInstanceOf(
      OutputFolderUnwritableError,
    );
    expect(existsSync(join(temp.path, "failing"))).toBe(false);
  });

  it("keeps an empty folder usable", async () => {
    const out = join(temp.path, "empty");
    await writeNetworkFiles(out, [], false);
    expect(readdirSync(out)).toEqual([]);
    await writeNetworkFiles(
      out,
      [{ path: "genesis.json", content: "{}", mode: 0o644 }],
      false,
    );
    expect(readdirSync(out)).toEqual(["genesis.json"]);
  });

  it("rejects a non-empty folder without force", async () => {
    const out = join(temp.path, "empty");
    await expect(
      writeNetworkFiles(out, [{ path: "b", content: "", mode: 0o644 }], false),
    ).rejects.toBeInstanceOf(OutputFolderNotEmptyError);
    expect(readdirSync(out)).toEqual(["genesis.json"]);
  });
});
