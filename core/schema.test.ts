import { describe, expect, it } from "vitest";
import {
  RoundFileError,
  formatRoundFileError,
  parseRoundFile,
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
      trim: "high-low-total",
      technicalScoring: "absolute",
      priceFormula: "kr-negotiated",
      estimatedPrice: "400000000",
      qualifyingPercent: 85,
      tieBreak: ["technical", "lottery"],
      minEvaluators: 5,
    },
    criteria: [
      { name: "사업 이해도", maxPoints: 25, kind: "qualitative" },
      { name: "기술 방안", maxPoints: 40.5, kind: "qualitative" },
      { name: "수행 실적", maxPoints: 14.5, kind: "quantitative" },
    ],
    bidders: [
      { name: "가 업체", bidPrice: "300000000", quantitativeScores: [14] },
      { name: "나 업체", bidPrice: "350000000", quantitativeScores: [12.5] },
      { name: "다 업체", bidPrice: "100111000", quantitativeScores: [0] },
    ],
    evaluators: 7,
    schedule: {
      scoringDeadline: "2026-12-04T17:00:00+09:00",
      revealDeadline: "2026-12-05T17:00:00+09:00",
    },
  };
}

function issuesOf(round: unknown): Pick<FileIssue, "path" | "message">[] {
  try {
    parseRoundFile(round);
  } catch (error) {
    expect(error).toBeInstanceOf(RoundFileError);
    // The English messages are what the CLI prints; codes are tested apart.
    return (error as RoundFileError).issues.map(({ path, message }) => ({
      path,
      message,
    }));
  }
  throw new Error("the round file was accepted");
}

function withChange(change: (round: Json) => void): Json {
  const round = validRound();
  change(round);
  return round;
}

const MONEY =
  'must be a whole number of won as a decimal string, e.g. "100111000"';

const badRounds: [string, (round: Json) => void, string, string][] = [
  [
    "unknown top-level key",
    (r) => (r.deadline = "x"),
    "deadline",
    "is not a known field; remove it or fix its spelling (known fields: title, reference, rules, criteria, bidders, evaluators, schedule)",
  ],
  [
    "unknown rules key",
    (r) => (r.rules.trimming = "none"),
    "rules.trimming",
    "is not a known field; remove it or fix its spelling (known fields: version, technicalWeight, priceWeight, trim, technicalScoring, priceFormula, estimatedPrice, qualifyingPercent, tieBreak, minEvaluators)",
  ],
  [
    "unknown option",
    (r) => (r.rules.trim = "median"),
    "rules.trim",
    'must be one of "high-low-total", "high-low-criterion", "none", not "median"',
  ],
  [
    "missing title",
    (r) => delete r.title,
    "title",
    "is missing; add a text string",
  ],
  ["empty title", (r) => (r.title = "  "), "title", "must not be empty"],
  [
    "missing evaluators",
    (r) => delete r.evaluators,
    "evaluators",
    "is missing; add a number",
  ],
  [
    "evaluators as text",
    (r) => (r.evaluators = "7"),
    "evaluators",
    'must be a number, not the text "7"',
  ],
  [
    "negative price weight",
    (r) => (r.rules.priceWeight = -20),
    "rules.priceWeight",
    "must be 0 or more",
  ],
  [
    "zero technical weight",
    (r) => (r.rules.technicalWeight = 0),
    "rules.technicalWeight",
    "must be greater than 0",
  ],
  [
    "fractional evaluators",
    (r) => (r.evaluators = 6.5),
    "evaluators",
    "must be a whole number",
  ],
  [
    "qualifying percent above 100",
    (r) => (r.rules.qualifyingPercent = 101),
    "rules.qualifyingPercent",
    "must be at most 100",
  ],
  [
    "maximum with three decimals",
    (r) => (r.criteria[0].maxPoints = 25.125),
    "criteria[0].maxPoints",
    "has more than 2 decimals; round it to hundredths",
  ],
  [
    "negative maximum",
    (r) => (r.criteria[0].maxPoints = -25),
    "criteria[0].maxPoints",
    "must be greater than 0",
  ],
  [
    "maximum above 655.35",
    (r) => (r.criteria[0].maxPoints = 655.36),
    "criteria[0].maxPoints",
    "must be at most 655.35, the largest score that fits in hundredths on chain; lower it or scale every maximum down",
  ],
  [
    "bid as a number",
    (r) => (r.bidders[2].bidPrice = 100111000),
    "bidders[2].bidPrice",
    MONEY,
  ],
  [
    "bid with decimals",
    (r) => (r.bidders[2].bidPrice = "100111000.5"),
    "bidders[2].bidPrice",
    MONEY,
  ],
  [
    "negative bid",
    (r) => (r.bidders[0].bidPrice = "-5"),
    "bidders[0].bidPrice",
    MONEY,
  ],
  [
    "zero bid",
    (r) => (r.bidders[0].bidPrice = "0"),
    "bidders[0].bidPrice",
    "must be greater than 0",
  ],
  [
    "bid above uint128",
    (r) => (r.bidders[0].bidPrice = (2n ** 128n).toString()),
    "bidders[0].bidPrice",
    "must be at most 340282366920938463463374607431768211455",
  ],
  [
    "absolute maxima off",
    (r) => (r.criteria[1].maxPoints = 40),
    "criteria",
    "maxPoints add up to 79.5 but rules.technicalWeight is 80; under absolute scoring they must be equal, so change a maximum or the weight",
  ],
  [
    "trim with 2 evaluators",
    (r) => ((r.evaluators = 2), (r.rules.minEvaluators = 2)),
    "rules.trim",
    'is "high-low-total", which drops the highest and the lowest score and needs at least 3 evaluators, but evaluators is 2; add evaluators or set "trim": "none"',
  ],
  [
    "trim with minEvaluators 2",
    (r) => (r.rules.minEvaluators = 2),
    "rules.minEvaluators",
    'must be at least 3 because rules.trim is "high-low-total" and trimming needs 3 opened sheets; raise it or set "trim": "none"',
  ],
  [
    "minEvaluators above evaluators",
    (r) => (r.rules.minEvaluators = 8),
    "rules.minEvaluators",
    "is 8 but evaluators is only 7; set it to 7 or less",
  ],
  [
    "default minEvaluators above evaluators",
    (r) => ((r.evaluators = 4), delete r.rules.minEvaluators),
    "rules.minEvaluators",
    "defaults to 5 but evaluators is only 4; set it to 4 or less",
  ],
  [
    "kr-negotiated without estimate",
    (r) => delete r.rules.estimatedPrice,
    "rules.estimatedPrice",
    'is missing; priceFormula "kr-negotiated" needs the estimated price as a whole number of won as a decimal string, e.g. "400000000"',
  ],
  [
    "kr-negotiated without a bid",
    (r) => delete r.bidders[1].bidPrice,
    "bidders[1].bidPrice",
    'is missing; priceFormula "kr-negotiated" needs each bid as a whole number of won as a decimal string, e.g. "100111000"',
  ],
  [
    "lowest-over-bid with estimate",
    (r) => (r.rules.priceFormula = "lowest-over-bid"),
    "rules.estimatedPrice",
    'is only used by priceFormula "kr-negotiated", not "lowest-over-bid"; remove it',
  ],
  [
    "price score outside given",
    (r) => (r.bidders[0].priceScore = 13),
    "bidders[0].priceScore",
    'is only used by priceFormula "given", not "kr-negotiated"; remove it',
  ],
  [
    "repeated tie-break step",
    (r) => (r.rules.tieBreak = ["technical", "technical"]),
    "rules.tieBreak[1]",
    'repeats "technical"; list each tie-break step once',
  ],
  [
    "unknown tie-break step",
    (r) => (r.rules.tieBreak = ["coin-toss"]),
    "rules.tieBreak[0]",
    'must be one of "technical", "largest-criterion", "lottery", not "coin-toss"',
  ],
  [
    "too many quantitative scores",
    (r) => r.bidders[0].quantitativeScores.push(3),
    "bidders[0].quantitativeScores",
    'has 2 scores but the round has 1 quantitative criterion; give one score for each, in order: "수행 실적"',
  ],
  [
    "missing quantitative scores",
    (r) => delete r.bidders[1].quantitativeScores,
    "bidders[1].quantitativeScores",
    'is missing; give one score per quantitative criterion, in order: "수행 실적"',
  ],
  [
    "quantitative score above maximum",
    (r) => (r.bidders[1].quantitativeScores = [14.51]),
    "bidders[1].quantitativeScores[0]",
    'is 14.51 but criterion "수행 실적" allows at most 14.5',
  ],
  [
    "quantitative score with 3 decimals",
    (r) => (r.bidders[1].quantitativeScores = [12.125]),
    "bidders[1].quantitativeScores[0]",
    "has more than 2 decimals; round it to hundredths",
  ],
  [
    "duplicate bidder names",
    (r) => (r.bidders[2].name = "가 업체"),
    "bidders[2].name",
    "repeats the name of bidders[0]; every bidder needs its own name",
  ],
  [
    "duplicate criterion names",
    (r) => (r.criteria[1].name = "사업 이해도"),
    "criteria[1].name",
    "repeats the name of criteria[0]; every criterion needs its own name",
  ],
  [
    "only quantitative criteria",
    (r) => (
      (r.criteria = [{ name: "실적", maxPoints: 80, kind: "quantitative" }]),
      r.bidders.forEach((b: Json) => (b.quantitativeScores = [1]))
    ),
    "criteria",
    'has no qualitative criterion; add at least one criterion with "kind": "qualitative" for the evaluators to score',
  ],
  [
    "no bidders",
    (r) => (r.bidders = []),
    "bidders",
    "must list at least one bidder",
  ],
  [
    "deadline without offset",
    (r) => (r.schedule.scoringDeadline = "2026-12-04T17:00:00"),
    "schedule.scoringDeadline",
    'must be a date and time with a UTC offset, e.g. "2026-12-04T17:00:00+09:00"',
  ],
  [
    "impossible deadline",
    (r) => (r.schedule.scoringDeadline = "2026-02-30T17:00:00+09:00"),
    "schedule.scoringDeadline",
    'must be a date and time with a UTC offset, e.g. "2026-12-04T17:00:00+09:00"',
  ],
  [
    "missing scoring deadline",
    (r) => delete r.schedule.scoringDeadline,
    "schedule.scoringDeadline",
    'is missing; add a date and time with a UTC offset, e.g. "2026-12-04T17:00:00+09:00"',
  ],
  [
    "deadline as a number",
    (r) => (r.schedule.scoringDeadline = 1764835200),
    "schedule.scoringDeadline",
    'must be a date and time with a UTC offset, e.g. "2026-12-04T17:00:00+09:00"',
  ],
  [
    "reveal before scoring",
    (r) => (r.schedule.revealDeadline = "2026-12-04T08:00:00Z"),
    "schedule.revealDeadline",
    "must be after schedule.scoringDeadline (2026-12-04T17:00:00+09:00); move it later, or leave it out to get the scoring deadline plus 24 hours",
  ],
];

describe("parseRoundFile", () => {
  it("accepts a valid round file", () => {
    const round = parseRoundFile(validRound());
    expect(round.criteria).toHaveLength(3);
    expect(round.rules.trim).toBe("high-low-total");
  });

  it("accepts JSON text", () => {
    const round = parseRoundFile(JSON.stringify(validRound()));
    expect(round.bidders[2].bidPrice).toBe("100111000");
  });

  it("fills in the default trim and minimum", () => {
    const round = parseRoundFile(
      withChange((r) => {
        delete r.rules.trim;
        delete r.rules.minEvaluators;
      }),
    );
    expect(round.rules.trim).toBe("high-low-total");
    expect(round.rules.minEvaluators).toBe(5);
  });

  it("accepts a relative-to-best round whose maxima differ", () => {
    const round = withChange((r) => {
      r.rules.technicalScoring = "relative-to-best";
      r.criteria[0].maxPoints = 100;
    });
    expect(parseRoundFile(round).rules.technicalScoring).toBe(
      "relative-to-best",
    );
  });

  it("accepts given price scores with four decimals", () => {
    const round = withChange((r) => {
      r.rules.priceFormula = "given";
      delete r.rules.estimatedPrice;
      r.bidders.forEach((bidder: Json, index: number) => {
        delete bidder.bidPrice;
        bidder.priceScore = [13.1234, 20, 0][index];
      });
    });
    expect(parseRoundFile(round).bidders[0].priceScore).toBe(13.1234);
  });

  it.each(badRounds)("rejects %s", (_, change, path, message) => {
    const issues = issuesOf(withChange(change));
    expect(issues).toContainEqual({ path, message });
  });

  it("reports every problem at once", () => {
    const issues = issuesOf(
      withChange((r) => {
        r.title = "";
        r.rules.trim = "median";
        r.bidders[0].bidPrice = 5;
        r.bidders[1].name = "가 업체";
        r.rules.tieBreak = ["lottery", "lottery", "coin"];
      }),
    );
    expect(issues.map((issue) => issue.path)).toEqual([
      "title",
      "rules.trim",
      "rules.tieBreak[2]",
      "bidders[0].bidPrice",
      "rules.tieBreak[1]",
      "bidders[1].name",
    ]);
  });

  it("rejects invalid JSON text", () => {
    const issues = issuesOf("{ title: ");
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toBe("");
    expect(issues[0].message).toMatch(
      /^is not valid JSON \(.+\); fix the syntax of the round file$/,
    );
  });

  it("rejects a file that is not an object", () => {
    expect(issuesOf([])).toEqual([
      { path: "", message: "must be an object, not a list" },
    ]);
  });
});

describe("given price formula", () => {
  function givenRound(scores: unknown[]): Json {
    return withChange((r) => {
      r.rules.priceFormula = "given";
      delete r.rules.estimatedPrice;
      r.bidders.forEach((bidder: Json, index: number) => {
        delete bidder.bidPrice;
        if (scores[index] !== undefined) bidder.priceScore = scores[index];
      });
    });
  }

  it("needs a price score per bidder", () => {
    expect(issuesOf(givenRound([13, 14]))).toEqual([
      {
        path: "bidders[2].priceScore",
        message:
          'is missing; priceFormula "given" needs each bidder\'s price score in points, e.g. 13.5',
      },
    ]);
  });

  it("rejects five decimals", () => {
    expect(issuesOf(givenRound([13.12345, 1, 2]))).toEqual([
      {
        path: "bidders[0].priceScore",
        message: "has more than 4 decimals; round it to ten-thousandths",
      },
    ]);
  });

  it("rejects a score above the price weight", () => {
    expect(issuesOf(givenRound([20.0001, 1, 2]))).toEqual([
      {
        path: "bidders[0].priceScore",
        message:
          "is 20.0001 but rules.priceWeight is 20; a price score cannot be above the price weight",
      },
    ]);
  });

  it("rejects a bid price", () => {
    const round = givenRound([1, 2, 3]);
    round.bidders[0].bidPrice = "100";
    expect(issuesOf(round)).toEqual([
      {
        path: "bidders[0].bidPrice",
        message:
          'is not used when priceFormula is "given"; remove it and give priceScore instead',
      },
    ]);
  });
});

describe("formatRoundFileError", () => {
  it("lists one line per issue", () => {
    let error: RoundFileError | undefined;
    try {
      parseRoundFile(withChange((r) => (r.bidders[2].bidPrice = 100111000)));
    } catch (caught) {
      error = caught as RoundFileError;
    }
    expect(error).toBeDefined();
    expect(formatRoundFileError(error!)).toBe(
      "The round file has 1 problem.\n" + `  bidders[2].bidPrice: ${MONEY}`,
    );
    expect(error!.hint).toBe("Fix each field listed and load the file again.");
  });
});
