import { mkdir, mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { staleBuildReason } from "./app-build.ts";

let project: string;
let dist: string;

beforeEach(async () => {
  project = await mkdtemp(join(tmpdir(), "jurybox-build-"));
  dist = join(project, "app", "dist");
  await mkdir(join(project, "app", "src", "evaluator"), { recursive: true });
  await mkdir(dist, { recursive: true });
  await writeFile(join(project, "app", "src", "evaluator", "Sheet.tsx"), "");
});

afterEach(async () => {
  await rm(project, { recursive: true, force: true });
});

async function setTime(path: string, seconds: number): Promise<void> {
  await utimes(path, seconds, seconds);
}

describe("staleBuildReason", () => {
  test("names a missing build", async () => {
    expect(await staleBuildReason(dist, project)).toContain("is missing");
  });

  test("accepts a build newer than every source", async () => {
    await writeFile(join(dist, "index.html"), "");
    await setTime(join(project, "app", "src", "evaluator", "Sheet.tsx"), 1000);
    await setTime(join(dist, "index.html"), 2000);

    expect(await staleBuildReason(dist, project)).toBeUndefined();
  });

  test("names the source changed after the build", async () => {
    await writeFile(join(dist, "index.html"), "");
    await setTime(join(dist, "index.html"), 2000);
    await setTime(join(project, "app", "src", "evaluator", "Sheet.tsx"), 3000);

    expect(await staleBuildReason(dist, project)).toBe(
      "app/src changed after the last build",
    );
  });
});
