import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";

import { describe, expect, it } from "vitest";

import { PROJECT_ROOT, runCli } from "./run-cli.ts";

// Every published case with an expected result goes through
// `jurybox simulate FILE --json` on a fresh in-process chain. The cases are
// read from test/vectors (the copies kept in this repository), from the
// published cases folder beside the checkout when it exists, and from
// JURYBOX_CASES_DIR when it is set. A case is any JSON file with "sheets"
// and "expected".
const casesDirs = [
  "test/vectors",
  "../shared/cases",
  ...(process.env.JURYBOX_CASES_DIR ? [process.env.JURYBOX_CASES_DIR] : []),
]
  .map((dir) => resolve(PROJECT_ROOT, dir))
  .filter((dir) => existsSync(dir));

interface ExpectedBidder {
  name: string;
  technical: string;
  price: string;
  total: string;
  qualified: boolean;
  rankByTotal: number;
  negotiationOrder: number | null;
}

interface CaseWithExpected {
  name: string;
  file: string;
  expected: { bidders: ExpectedBidder[]; winner: string | null };
}

function readCases(): CaseWithExpected[] {
  return casesDirs
    .flatMap((dir) =>
      readdirSync(dir)
        .filter((name) => name.endsWith(".json"))
        .sort()
        .map((name) => join(dir, name)),
    )
    .map((file) => {
      const parsed = JSON.parse(readFileSync(file, "utf8"));
      return { name: relative(PROJECT_ROOT, file), file, parsed };
    })
    .filter(({ parsed }) => parsed.sheets && parsed.expected)
    .map(({ name, file, parsed }) => ({
      name,
      file,
      expected: parsed.expected,
    }));
}

const cases = readCases();
const FIELDS = [
  "technical",
  "price",
  "total",
  "qualified",
  "rankByTotal",
  "negotiationOrder",
] as const;

describe("jurybox simulate --json", () => {
  it("finds published cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(2);
  });

  describe.each(cases)("$name", ({ file, expected }) => {
    it("prints the expected on-chain result", async () => {
      const run = await runCli(["simulate", file, "--json"]);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);

      const result = JSON.parse(run.stdout);
      expect(result.roundId).toBe("1");
      expect(Number.isInteger(result.block)).toBe(true);
      expect(result.block).toBeGreaterThan(0);
      expect(
        result.bidders.map((bidder: ExpectedBidder) => bidder.name),
      ).toEqual(expected.bidders.map((bidder) => bidder.name));

      expected.bidders.forEach((want, index) => {
        const got = result.bidders[index];
        for (const field of FIELDS) {
          expect(got[field], `${want.name}.${field}`).toStrictEqual(
            want[field],
          );
        }
      });
      expect(result.winner).toBe(expected.winner);
    });
  });
});
