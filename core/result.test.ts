import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lotterySeed, randomSalt } from "./commitment.ts";
import { toTallyInput } from "./params.ts";
import { formatResult } from "./result.ts";
import { parseCaseFile } from "./schema.ts";
import { caseSheetScores } from "./sheet.ts";
import { tally } from "./tally.ts";
import type { BidderResult } from "./tally.ts";

function readCase(name: string): unknown {
  const url = new URL(`../test/vectors/case-${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8"));
}

describe("published cases", () => {
  it.each(["psat-2023-q18", "uk-fe-80-20"])(
    "%s gives its expected result",
    (name) => {
      const caseFile = parseCaseFile(readCase(name));
      const sheets = caseSheetScores(caseFile);
      const seed = lotterySeed(sheets.map(() => randomSalt()));
      const input = toTallyInput(caseFile, { sheets, lotterySeed: seed });
      const result = formatResult(caseFile, tally(input), {
        roundId: 1n,
        block: 42n,
      });

      expect(result.roundId).toBe("1");
      expect(result.block).toBe(42);
      expect({ bidders: result.bidders, winner: result.winner }).toEqual(
        caseFile.expected,
      );
    },
  );
});

describe("formatResult", () => {
  const round = { bidders: [{ name: "A" }, { name: "B" }] };
  const result = (fields: Partial<BidderResult>): BidderResult => ({
    technical: 680000n,
    price: 5n,
    total: 680005n,
    qualified: false,
    rankByTotal: 1,
    negotiationOrder: 0,
    ...fields,
  });

  it("writes four decimals and null orders", () => {
    const formatted = formatResult(
      round,
      [
        result({}),
        result({ rankByTotal: 2, qualified: true, negotiationOrder: 1 }),
      ],
      { roundId: "7", block: 3 },
    );
    expect(formatted.bidders[0]).toEqual({
      name: "A",
      technical: "68.0000",
      price: "0.0005",
      total: "68.0005",
      qualified: false,
      rankByTotal: 1,
      negotiationOrder: null,
    });
    expect(formatted.winner).toBe("B");
  });

  it("has no winner when nobody qualifies", () => {
    const formatted = formatResult(
      round,
      [result({}), result({ rankByTotal: 2 })],
      {
        roundId: 1,
        block: 1,
      },
    );
    expect(formatted.winner).toBeNull();
  });

  it("rejects a result count that differs from the bidders", () => {
    expect(() =>
      formatResult(round, [result({})], { roundId: 1, block: 1 }),
    ).toThrow("There are 1 results for 2 bidders.");
  });
});
