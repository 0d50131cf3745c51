import { describe, expect, test } from "vitest";

import { parseRoundFile } from "../../../core/schema.ts";
import {
  PRESETS,
  draftToRoundFile,
  kstDateTime,
  newRoundDraft,
  roundFileToDraft,
  toKstLocal,
  type RoundDraft,
} from "./round-form.ts";

function psatDraft(): RoundDraft {
  const draft = newRoundDraft();
  draft.title = "PSAT 2023";
  draft.reference = "PSAT-2023-Q18";
  draft.rules = {
    ...PRESETS["kr-80-20"],
    priceFormula: "given",
    version: "kr-negotiated-80-20",
  };
  draft.criteria = [
    { name: "기술능력 평가", maxPoints: "80", kind: "qualitative" },
  ];
  draft.bidders = [13, 20, 15, 14, 17].map((score, index) => ({
    name: `업체 ${index + 1}`,
    bidPrice: "",
    priceScore: String(score),
    quantitativeScores: [],
  }));
  draft.scoringDeadline = "2099-12-04T17:00";
  return draft;
}

describe("round form", () => {
  test("a complete form is a valid round file", () => {
    const file = draftToRoundFile(psatDraft());
    const round = parseRoundFile(file);
    expect(round.bidders[3]).toEqual({ name: "업체 4", priceScore: 14 });
    expect(round.schedule?.scoringDeadline).toBe("2099-12-04T17:00:00+09:00");
  });

  test("wrong fields come back with their paths", () => {
    const draft = psatDraft();
    draft.criteria[0].maxPoints = "70";
    draft.bidders[1].priceScore = "abc";
    let paths: string[] = [];
    try {
      parseRoundFile(draftToRoundFile(draft));
    } catch (error) {
      paths = (error as { issues: { path: string }[] }).issues.map(
        (issue) => issue.path,
      );
    }
    expect(paths).toContain("bidders[1].priceScore");
    expect(paths.length).toBeGreaterThanOrEqual(2);
  });

  test("kr-negotiated carries the estimated price", () => {
    const draft = psatDraft();
    draft.rules = { ...PRESETS["kr-90-10"], estimatedPrice: "400000000" };
    draft.criteria[0].maxPoints = "90";
    draft.bidders.forEach((bidder) => (bidder.bidPrice = "350000000"));
    const file = draftToRoundFile(draft) as { rules: Record<string, unknown> };
    expect(file.rules.estimatedPrice).toBe("400000000");
    expect(() => parseRoundFile(file)).not.toThrow();
  });

  test("upload fills the form and round-trips", () => {
    const file = draftToRoundFile(psatDraft());
    const draft = roundFileToDraft(file as never);
    expect(draftToRoundFile(draft)).toEqual(file);
  });

  test("deadlines are read in KST", () => {
    expect(kstDateTime("2026-12-04T17:00")).toBe("2026-12-04T17:00:00+09:00");
    expect(toKstLocal("2026-12-04T08:00:00Z")).toBe("2026-12-04T17:00");
  });
});
