import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RoundFileError, parseCaseFile } from "./schema.ts";
import type { FileIssue } from "./schema.ts";

type Json = Record<string, any>;

function readCase(name: string): Json {
  const url = new URL(`../test/vectors/case-${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8"));
}

function issuesOf(caseFile: unknown): Pick<FileIssue, "path" | "message">[] {
  try {
    parseCaseFile(caseFile);
  } catch (error) {
    expect(error).toBeInstanceOf(RoundFileError);
    // The English messages are what the CLI prints; codes are tested apart.
    return (error as RoundFileError).issues.map(({ path, message }) => ({
      path,
      message,
    }));
  }
  throw new Error("the case file was accepted");
}

function psatWith(change: (caseFile: Json) => void): Json {
  const caseFile = readCase("psat-2023-q18");
  change(caseFile);
  return caseFile;
}

describe("parseCaseFile", () => {
  it.each(["psat-2023-q18", "uk-fe-80-20"])(
    "parses published case %s",
    (name) => {
      const caseFile = parseCaseFile(readCase(name));
      expect(caseFile.sheets).toHaveLength(caseFile.evaluators);
      expect(caseFile.schedule).toBeUndefined();
      expect(caseFile.expected?.bidders).toHaveLength(caseFile.bidders.length);
    },
  );

  it("accepts comments, one per bidder", () => {
    const caseFile = parseCaseFile(
      psatWith((c) => (c.sheets[0].comments = ["좋음", "", "", "", "보통"])),
    );
    expect(caseFile.sheets[0].comments?.[0]).toBe("좋음");
  });

  it("accepts an optional schedule", () => {
    const caseFile = parseCaseFile(
      psatWith(
        (c) => (c.schedule = { scoringDeadline: "2026-12-04T08:00:00Z" }),
      ),
    );
    expect(caseFile.schedule?.scoringDeadline).toBe("2026-12-04T08:00:00Z");
  });

  const badCases: [string, (c: Json) => void, string, string][] = [
    [
      "one sheet too few",
      (c) => c.sheets.pop(),
      "sheets",
      "has 4 sheets but evaluators is 5; give one sheet per evaluator",
    ],
    [
      "a row too few",
      (c) => c.sheets[1].scores.pop(),
      "sheets[1].scores",
      "has 4 rows but the round has 5 bidders; give one row of scores per bidder, in presentation order",
    ],
    [
      "a score too many",
      (c) => c.sheets[2].scores[3].push(1),
      "sheets[2].scores[3]",
      'has 2 scores but the round has 1 qualitative criterion; give one score for each, in order: "기술능력 평가"',
    ],
    [
      "a score above the maximum",
      (c) => (c.sheets[0].scores[4][0] = 80.01),
      "sheets[0].scores[4][0]",
      'is 80.01 but criterion "기술능력 평가" allows at most 80',
    ],
    [
      "a score with three decimals",
      (c) => (c.sheets[0].scores[4][0] = 70.125),
      "sheets[0].scores[4][0]",
      "has more than 2 decimals; round it to hundredths",
    ],
    [
      "a negative score",
      (c) => (c.sheets[3].scores[0][0] = -1),
      "sheets[3].scores[0][0]",
      "must be 0 or more",
    ],
    [
      "a comment too few",
      (c) => (c.sheets[0].comments = ["", ""]),
      "sheets[0].comments",
      'has 2 comments but the round has 5 bidders; give one per bidder, "" where there is none',
    ],
    [
      "an unknown sheet key",
      (c) => (c.sheets[0].seat = 1),
      "sheets[0].seat",
      "is not a known field; remove it or fix its spelling (known fields: scores, comments)",
    ],
    ["no sheets", (c) => delete c.sheets, "sheets", "is missing; add a list"],
    [
      "a round error as well",
      (c) => (c.rules.minEvaluators = 6),
      "rules.minEvaluators",
      "is 6 but evaluators is only 5; set it to 5 or less",
    ],
  ];

  it.each(badCases)("rejects %s", (_, change, path, message) => {
    expect(issuesOf(psatWith(change))).toContainEqual({ path, message });
  });

  it("names the case file in its message", () => {
    expect(() => parseCaseFile(psatWith((c) => c.sheets.pop()))).toThrow(
      "The case file has 1 problem.",
    );
  });
});
