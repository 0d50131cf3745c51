import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { PublishedCase } from "../vectors/build.ts";

/** Folder of the golden vectors, relative to the repository root. */
export const VECTORS_DIR = "test/vectors";

/** The published case files kept beside the vectors. */
export const PUBLISHED_CASES = ["psat-2023-q18", "uk-fe-80-20"] as const;

/** Reads the published case files from `root`/test/vectors. */
export function readPublishedCases(root: string): PublishedCase[] {
  return PUBLISHED_CASES.map((name) => ({
    name,
    caseFile: JSON.parse(
      readFileSync(join(root, VECTORS_DIR, `case-${name}.json`), "utf8"),
    ),
  }));
}

/** Serialises a vector file: two-space JSON with a final newline. */
export function vectorJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
