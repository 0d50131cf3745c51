import { describe, expect, it } from "vitest";
import { caseSheetComments, flattenScores, nestScores } from "./sheet.ts";
import { parseCaseFile } from "./schema.ts";

describe("sheet conversions", () => {
  it("flattens bidder-major in hundredths", () => {
    expect(
      flattenScores([
        [72.5, 0.29],
        [10, 20.05],
      ]),
    ).toEqual([7250, 29, 1000, 2005]);
  });

  it("nests flat hundredths back into points", () => {
    expect(nestScores([7250, 29, 1000, 2005], 2)).toEqual([
      [72.5, 0.29],
      [10, 20.05],
    ]);
    expect(nestScores([], 3)).toEqual([[], [], []]);
  });

  it("rejects a length that does not split", () => {
    expect(() => nestScores([1, 2, 3], 2)).toThrow(
      "A sheet of 3 scores does not split into 2 bidders.",
    );
  });

  it("fills missing comments with empty strings", () => {
    const caseFile = parseCaseFile({
      title: "t",
      reference: "",
      rules: {
        version: "v",
        technicalWeight: 10,
        priceWeight: 0,
        trim: "none",
        technicalScoring: "absolute",
        priceFormula: "given",
        qualifyingPercent: 0,
        tieBreak: [],
        minEvaluators: 1,
      },
      criteria: [{ name: "c", maxPoints: 10, kind: "qualitative" }],
      bidders: [
        { name: "a", priceScore: 0 },
        { name: "b", priceScore: 0 },
      ],
      evaluators: 2,
      sheets: [
        { scores: [[1], [2]] },
        { scores: [[3], [4]], comments: ["good", ""] },
      ],
    });
    expect(caseSheetComments(caseFile)).toEqual([
      ["", ""],
      ["good", ""],
    ]);
  });
});
