import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";

import { PROJECT_ROOT } from "../cli/run-cli.ts";

/** A published case file and the result it must produce. */
export interface PublishedCase {
  name: string;
  file: string;
  json: {
    evaluators: number;
    bidders: { name: string }[];
    criteria: { name: string; maxPoints: number; kind: string }[];
    sheets: { scores: number[][]; comments?: string[] }[];
    expected: {
      bidders: {
        name: string;
        technical: string;
        price: string;
        total: string;
        qualified: boolean;
        rankByTotal: number;
        negotiationOrder: number | null;
      }[];
      winner: string | null;
    };
  };
}

// The copies in test/vectors, the published cases folder beside the
// checkout when it exists, and JURYBOX_CASES_DIR when it is set. A file
// that is byte for byte a copy of one already read is skipped.
const CASE_DIRS = [
  "test/vectors",
  "../shared/cases",
  ...(process.env.JURYBOX_CASES_DIR ? [process.env.JURYBOX_CASES_DIR] : []),
];

/** Reads every case file with sheets and an expected result. */
export function readPublishedCases(): PublishedCase[] {
  const seen = new Set<string>();
  const cases: PublishedCase[] = [];
  for (const dir of CASE_DIRS.map((d) => resolve(PROJECT_ROOT, d))) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith(".json")) continue;
      const file = join(dir, name);
      const text = readFileSync(file, "utf8");
      const digest = createHash("sha256").update(text).digest("hex");
      const json = JSON.parse(text);
      if (seen.has(digest) || !json.sheets || !json.expected) continue;
      seen.add(digest);
      cases.push({ name: relative(PROJECT_ROOT, file), file, json });
    }
  }
  return cases;
}
