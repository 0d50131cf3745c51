import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readPublishedCases } from "../node/vectors.ts";
import { tally } from "../tally.ts";
import { buildVectors } from "./build.ts";
import {
  bidderResultToJson,
  tallyInputFromJson,
  tallyInputToJson,
} from "./json.ts";
import type { TallyVector } from "./build.ts";

// The committed vectors must equal what the code produces now. When a
// change is intended, run `npx node scripts/generate-vectors.ts` and commit
// the files with it.

const root = fileURLToPath(new URL("../..", import.meta.url));
const built = buildVectors(readPublishedCases(root));

function committed(name: string): unknown {
  return JSON.parse(readFileSync(`${root}/test/vectors/${name}.json`, "utf8"));
}

describe("committed vectors", () => {
  it.each(["commitment", "eip712", "tally"] as const)(
    "%s.json is up to date",
    (name) => {
      expect(committed(name)).toEqual(JSON.parse(JSON.stringify(built[name])));
    },
  );

  it("tally vectors cover the required cases", () => {
    const names = built.tally.map((vector) => vector.name);
    expect(names).toContain("psat-2023-q18");
    expect(names).toContain("uk-fe-80-20");
    const inputs = built.tally.map((vector) => vector.input);
    for (const trim of ["0", "1", "2"]) {
      expect(inputs.some((input) => input.trim === trim)).toBe(true);
    }
    for (const formula of ["0", "1", "2"]) {
      expect(inputs.some((input) => input.priceFormula === formula)).toBe(true);
    }
    expect(inputs.some((input) => input.quantitative.includes(true))).toBe(
      true,
    );
  });

  it("every eip712 primary type is covered", () => {
    const types = new Set(built.eip712.items.map((item) => item.primaryType));
    expect([...types].sort()).toEqual(["Claim", "Pledge", "Recusal", "Sheet"]);
  });

  it("commitment vectors include 1 and 80 scores", () => {
    const lengths = built.commitment.map((vector) => vector.scores.length);
    expect(lengths).toContain(1);
    expect(lengths).toContain(80);
  });

  it("tally JSON round-trips", () => {
    for (const vector of committed("tally") as TallyVector[]) {
      const input = tallyInputFromJson(vector.input);
      expect(tallyInputToJson(input)).toEqual(vector.input);
      expect(tally(input).map(bidderResultToJson)).toEqual(vector.expected);
    }
  });
});
