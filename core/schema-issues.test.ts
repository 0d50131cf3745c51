import { describe, expect, it } from "vitest";
import {
  ISSUE_CODES,
  ISSUE_ENGLISH,
  RoundFileError,
  parseCaseFile,
  parseRoundFile,
  passedDeadlineIssues,
} from "./schema.ts";
import type { FileIssue } from "./schema.ts";

type Json = Record<string, any>;

function validRound(): Json {
  return {
    title: "청사 시설관리 용역",
    reference: "2026-0412",
    rules: {
      version: "kr-local-negotiated",
      technicalWeight: 80,
      priceWeight: 20,
      technicalScoring: "absolute",
      priceFormula: "kr-negotiated",
      estimatedPrice: "400000000",
      qualifyingPercent: 85,
      tieBreak: ["technical", "lottery"],
      minEvaluators: 5,
    },
    criteria: [{ name: "기술 방안", maxPoints: 80, kind: "qualitative" }],
    bidders: [{ name: "가 업체", bidPrice: "300000000" }],
    evaluators: 5,
    schedule: { scoringDeadline: "2026-12-04T17:00:00+09:00" },
  };
}

function issuesOf(change: (round: Json) => void): FileIssue[] {
  const round = validRound();
  change(round);
  try {
    parseRoundFile(round);
  } catch (error) {
    expect(error).toBeInstanceOf(RoundFileError);
    return [...(error as RoundFileError).issues];
  }
  throw new Error("the round file was accepted");
}

const codedRounds: [string, (round: Json) => void, Partial<FileIssue>][] = [
  [
    "text in a number field",
    (r) => (r.rules.technicalWeight = "팔십"),
    {
      path: "rules.technicalWeight",
      code: "wrong_type",
      params: {
        expected: "number",
        actualKind: "string",
        actualValue: '"팔십"',
      },
    },
  ],
  [
    "missing evaluators",
    (r) => delete r.evaluators,
    { path: "evaluators", code: "missing", params: { expected: "number" } },
  ],
  [
    "missing date-time",
    (r) => delete r.schedule.scoringDeadline,
    {
      path: "schedule.scoringDeadline",
      code: "missing",
      params: { expected: "date_time" },
    },
  ],
  [
    "unknown option",
    (r) => (r.rules.trim = "median"),
    {
      path: "rules.trim",
      code: "invalid_choice",
      params: {
        choices: '"high-low-total", "high-low-criterion", "none"',
        value: '"median"',
      },
    },
  ],
  [
    "missing option",
    (r) => delete r.rules.priceFormula,
    { path: "rules.priceFormula", code: "missing_choice" },
  ],
  [
    "unknown field",
    (r) => (r.deadline = "x"),
    {
      path: "deadline",
      code: "unknown_field",
      params: {
        known:
          "title, reference, rules, criteria, bidders, evaluators, schedule",
      },
    },
  ],
  [
    "no criteria",
    (r) => (r.criteria = []),
    {
      path: "criteria",
      code: "too_few_items",
      params: { item: "criterion", minimum: 1 },
    },
  ],
  [
    "three decimals",
    (r) => (r.criteria[0].maxPoints = 80.001),
    {
      path: "criteria[0].maxPoints",
      code: "too_many_decimals",
      params: { decimals: 2 },
    },
  ],
  [
    "blank title",
    (r) => (r.title = " "),
    { path: "title", code: "empty_text", params: {} },
  ],
  [
    "money as a number",
    (r) => (r.bidders[0].bidPrice = 300000000),
    { path: "bidders[0].bidPrice", code: "money_format", params: {} },
  ],
  [
    "weights that do not add up",
    (r) => (r.criteria[0].maxPoints = 70),
    {
      path: "criteria",
      code: "max_points_sum",
      params: { total: 70, weight: 80 },
    },
  ],
  [
    "default minimum above the seats",
    (r) => {
      delete r.rules.minEvaluators;
      r.rules.trim = "none";
      r.evaluators = 3;
    },
    {
      path: "rules.minEvaluators",
      code: "min_evaluators_above_evaluators",
      params: { minimum: 5, context: "default", evaluators: 3 },
    },
  ],
  [
    "title too long",
    (r) => (r.title = "가".repeat(201)),
    {
      path: "title",
      code: "text_too_long",
      params: { maximum: 200, length: 201 },
    },
  ],
  [
    "reference too long",
    (r) => (r.reference = "R".repeat(101)),
    {
      path: "reference",
      code: "text_too_long",
      params: { maximum: 100, length: 101 },
    },
  ],
  [
    "repeated bidder name",
    (r) => r.bidders.push({ name: "가 업체", bidPrice: "1" }),
    {
      path: "bidders[1].name",
      code: "duplicate_name",
      params: { other: "bidders[0]", item: "bidder" },
    },
  ],
];

describe("issue codes", () => {
  it.each(codedRounds)("codes %s", (_name, change, expected) => {
    expect(issuesOf(change)).toContainEqual(expect.objectContaining(expected));
  });

  it("builds each message from its code", () => {
    const issues = issuesOf((r) => {
      r.title = 5;
      r.rules.trim = "median";
      r.bidders[0].bidPrice = "0";
    });
    expect(issues).toHaveLength(3);
    for (const issue of issues) {
      expect(issue.message).toBe(ISSUE_ENGLISH[issue.code](issue.params));
    }
  });

  it("names a missing option in English", () => {
    expect(issuesOf((r) => delete r.rules.technicalScoring)[0].message).toBe(
      'is missing; add one of "absolute", "relative-to-best"',
    );
  });

  it("codes invalid JSON", () => {
    let issues: readonly FileIssue[] = [];
    try {
      parseRoundFile("{ title: ");
    } catch (error) {
      issues = (error as RoundFileError).issues;
    }
    expect(issues).toHaveLength(1);
    expect(issues[0].code).toBe("invalid_json");
    expect(issues[0].params.kind).toBe("round");
  });

  it("codes a case file's sheet count", () => {
    const caseFile = { ...validRound(), sheets: [{ scores: [[70]] }] };
    let issues: readonly FileIssue[] = [];
    try {
      parseCaseFile(caseFile);
    } catch (error) {
      issues = (error as RoundFileError).issues;
    }
    expect(issues).toContainEqual(
      expect.objectContaining({
        path: "sheets",
        code: "sheets_count",
        params: { sheets: 1, evaluators: 5 },
      }),
    );
  });

  it("lists every code with English text", () => {
    expect(ISSUE_CODES.length).toBeGreaterThan(30);
    for (const code of ISSUE_CODES) {
      expect(ISSUE_ENGLISH[code]({}).length).toBeGreaterThan(0);
    }
  });
});

describe("title and reference length", () => {
  it("accepts 200 Hangul syllables as a title", () => {
    const round = validRound();
    round.title = "가".repeat(200);
    // 600 bytes in UTF-8: the limit counts characters, not bytes.
    expect(new TextEncoder().encode(round.title).length).toBe(600);
    expect(parseRoundFile(round).title).toBe(round.title);
  });

  it("accepts a 100-character reference", () => {
    const round = validRound();
    round.reference = "번".repeat(100);
    expect(parseRoundFile(round).reference).toBe(round.reference);
  });

  it("accepts an empty reference", () => {
    const round = validRound();
    round.reference = "";
    expect(parseRoundFile(round).reference).toBe("");
  });

  it("states the limit in the message", () => {
    const [issue] = issuesOf((r) => (r.title = "가".repeat(250)));
    expect(issue.message).toBe(
      "is 250 characters long; shorten it to at most 200 characters",
    );
  });
});

describe("passedDeadlineIssues", () => {
  const round = parseRoundFile(validRound());
  const deadlineMs = Date.parse(round.schedule.scoringDeadline);

  it("flags a scoring deadline already passed", () => {
    const issues = passedDeadlineIssues(round, deadlineMs + 1);
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toBe("schedule.scoringDeadline");
    expect(issues[0].code).toBe("deadline_passed");
    expect(issues[0].message).toContain("has already passed");
  });

  it("accepts a future scoring deadline", () => {
    expect(passedDeadlineIssues(round, deadlineMs - 1_000)).toEqual([]);
  });
});
