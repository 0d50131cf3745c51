import { afterEach, describe, expect, test } from "vitest";

import {
  ISSUE_CODES,
  RoundFileError,
  parseRoundFile,
  type FileIssue,
} from "../../../core/index.ts";
import { i18n } from "../i18n/index.ts";
import { describeIssue, describePath } from "./issue-text.ts";

const HANGUL = /[\uac00-\ud7a3]/;
const PLACEHOLDER = /{{(\w+)(?:, *\w+)?}}/g;
const UTC_OFFSET = /UTC|offset|\+09:00|시간대/;

function issuesOf(round: unknown): readonly FileIssue[] {
  try {
    parseRoundFile(round);
  } catch (error) {
    if (error instanceof RoundFileError) return error.issues;
    throw error;
  }
  throw new Error("the round file was accepted");
}

afterEach(async () => {
  await i18n.changeLanguage("ko");
});

describe("issue texts", () => {
  test.each(ISSUE_CODES)("%s has Korean and English text", (code) => {
    const key = `fileIssue.codes.${code}`;
    expect(i18n.exists(key, { lng: "ko" })).toBe(true);
    expect(i18n.exists(key, { lng: "en" })).toBe(true);
    const korean = i18n.getFixedT("ko")(key);
    const english = i18n.getFixedT("en")(key);
    expect(korean).toMatch(HANGUL);
    expect(english).not.toMatch(HANGUL);
  });

  test.each(ISSUE_CODES)("%s asks for no UTC offset", (code) => {
    const key = `fileIssue.codes.${code}`;
    expect(i18n.getResource("ko", "translation", key)).not.toMatch(UTC_OFFSET);
    expect(i18n.getResource("en", "translation", key)).not.toMatch(UTC_OFFSET);
  });

  test("date-time type asks for no UTC offset", () => {
    const key = "fileIssue.types.date_time";
    expect(i18n.getFixedT("ko")(key)).toBe("날짜와 시간(한국 시간)");
    expect(i18n.getFixedT("en")(key)).toBe("a date and time in Korea time");
  });

  test.each(ISSUE_CODES)("%s uses the same values in both", (code) => {
    const key = `fileIssue.codes.${code}`;
    const names = (language: string) =>
      [
        ...String(i18n.getResource(language, "translation", key)).matchAll(
          PLACEHOLDER,
        ),
      ]
        .map((match) => match[1])
        .filter((name, index, all) => all.indexOf(name) === index)
        .sort();
    expect(names("ko")).toEqual(names("en"));
  });
});

describe("describeIssue", () => {
  const t = () => i18n.getFixedT("ko");

  test("text in a number field", () => {
    const [issue] = issuesOf({
      title: "t",
      reference: "r",
      rules: { technicalWeight: "팔십" },
    }).filter((found) => found.path === "rules.technicalWeight");
    expect(describeIssue(t(), issue)).toBe(
      '숫자 값이어야 하는데 텍스트 "팔십"입니다. 고쳐 입력하세요.',
    );
  });

  test("default trim with two seats", () => {
    const issue: FileIssue = {
      path: "rules.trim",
      code: "trim_needs_evaluators",
      params: { trim: "high-low-total", context: "default", evaluators: 2 },
      message: "",
    };
    const text = describeIssue(t(), issue);
    expect(text).toContain('기본값 "high-low-total"');
    expect(text).toContain("평가위원 수가 2명");
  });

  test("repeated name names the other entry", () => {
    const issue: FileIssue = {
      path: "bidders[2].name",
      code: "duplicate_name",
      params: { other: "bidders[0]", item: "bidder" },
      message: "",
    };
    expect(describeIssue(t(), issue)).toBe(
      "제안사 1의 이름과 같습니다. 제안사마다 다른 이름을 쓰세요.",
    );
  });

  test("long title states the limit", () => {
    const [issue] = issuesOf({
      title: "가".repeat(230),
      reference: "r",
    }).filter((found) => found.path === "title");
    expect(describeIssue(t(), issue)).toBe(
      "230자로 너무 깁니다. 200자 이하로 줄이세요.",
    );
    expect(describeIssue(i18n.getFixedT("en"), issue)).toBe(
      "is 230 characters long; shorten it to at most 200 characters.",
    );
  });

  test("passed deadline in Korea time", () => {
    const issue: FileIssue = {
      path: "schedule.scoringDeadline",
      code: "deadline_passed",
      params: { deadline: "2026-12-04T08:00:00Z" },
      message: "",
    };
    expect(describeIssue(t(), issue)).toBe(
      "2026. 12. 4. 17:00:00 KST은(는) 이미 지난 시각입니다. 앞으로의 시각으로 정하세요.",
    );
    expect(describeIssue(i18n.getFixedT("en"), issue)).toBe(
      "is 4 Dec 2026, 17:00:00 KST, which has already passed; set a time in the future.",
    );
  });

  test("reveal before scoring in Korea time", () => {
    const issue: FileIssue = {
      path: "schedule.revealDeadline",
      code: "reveal_before_scoring",
      params: { scoringDeadline: "2026-12-04T17:00:00+09:00" },
      message: "",
    };
    expect(describeIssue(t(), issue)).toContain(
      "채점 마감(2026. 12. 4. 17:00:00 KST)보다 뒤여야 합니다.",
    );
  });

  test("English when the console is in English", async () => {
    await i18n.changeLanguage("en");
    const issue: FileIssue = {
      path: "evaluators",
      code: "missing",
      params: { expected: "number" },
      message: "is missing; add a number",
    };
    expect(describeIssue(i18n.t, issue)).toBe("is missing; enter a number.");
  });
});

describe("describePath", () => {
  const ko = () => i18n.getFixedT("ko");

  test("a bidder's field", () => {
    expect(describePath(ko(), "bidders[1].bidPrice")).toBe("제안사 2 › 입찰가");
  });

  test("a rule", () => {
    expect(describePath(ko(), "rules.technicalWeight")).toBe(
      "평가 규칙 › 기술 배점",
    );
  });

  test("a quantitative score", () => {
    expect(describePath(ko(), "bidders[0].quantitativeScores[1]")).toBe(
      "제안사 1 › 정량 점수 2",
    );
  });

  test("the whole file", () => {
    expect(describePath(ko(), "")).toBe("파일 전체");
  });

  test("an unknown field keeps its name", () => {
    expect(describePath(ko(), "deadline")).toBe("deadline");
  });
});
