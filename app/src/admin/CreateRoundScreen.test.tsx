import {
  cleanup,
  fireEvent,
  render,
  screen,
  waitFor,
} from "@testing-library/react";
import { afterEach, describe, expect, test } from "vitest";

import { addStrings, i18n } from "../i18n/index.ts";
import type { AdminContext } from "./AdminApp.tsx";
import { CreateRoundScreen } from "./CreateRoundScreen.tsx";
import { adminStrings } from "./strings.ts";

addStrings(adminStrings);

// Nothing here reaches the chain: every case stops at core's schema.
const NO_CHAIN = {} as AdminContext;

function upload(text: string): void {
  const input = screen.getByLabelText("회차 파일 불러오기 (JSON)");
  const file = new File([text], "round.json", { type: "application/json" });
  fireEvent.change(input, { target: { files: [file] } });
}

async function summaryText(): Promise<string> {
  const summary = await screen.findByRole("alert");
  return summary.textContent ?? "";
}

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage("ko");
});

describe("CreateRoundScreen", () => {
  test("bad uploaded file shows Korean errors", async () => {
    render(<CreateRoundScreen context={NO_CHAIN} />);
    upload(
      JSON.stringify({
        title: "청사 시설관리 용역",
        reference: "2026-0412",
        rules: { technicalWeight: "팔십", trim: "median" },
        criteria: [],
        bidders: [{ name: "가 업체", bidPrice: 300000000 }],
        evaluators: 5,
        schedule: { scoringDeadline: "내일" },
        deadline: "x",
      }),
    );
    const text = await summaryText();
    expect(text).toContain(
      '평가 규칙 › 기술 배점 (rules.technicalWeight): 숫자 값이어야 하는데 텍스트 "팔십"입니다.',
    );
    expect(text).toContain("평가 항목 목록이 비어 있습니다.");
    expect(text).toContain("제안사 1 › 입찰가 (bidders[0].bidPrice):");
    expect(text).toContain(
      "일정 › 채점 마감 (schedule.scoringDeadline): 올바른 날짜와 시간이 아닙니다. 날짜와 시간을 모두 고르세요(한국 시간).",
    );
    expect(text).not.toContain("+09:00");
    expect(text).toContain("알 수 없는 항목입니다.");
    expect(text).not.toMatch(/must|missing|is not/);
  });

  test("uploaded file fills the form", async () => {
    render(<CreateRoundScreen context={NO_CHAIN} />);
    upload(JSON.stringify({ title: "청사 시설관리 용역", evaluators: "다섯" }));
    await screen.findByRole("alert");
    const title = screen.getByLabelText("사업명") as HTMLInputElement;
    expect(title.value).toBe("청사 시설관리 용역");
    const seats = screen.getByLabelText("평가위원 좌석 수");
    expect(seats.getAttribute("aria-invalid")).toBe("true");
    const error = document.getElementById(
      seats.getAttribute("aria-describedby") ?? "",
    );
    expect(error?.textContent).toBe(
      '숫자 값이어야 하는데 텍스트 "다섯"입니다. 고쳐 입력하세요.',
    );
  });

  test("text that is not JSON shows a Korean error", async () => {
    render(<CreateRoundScreen context={NO_CHAIN} />);
    upload("{ title: ");
    const text = await summaryText();
    expect(text).toContain("파일 전체: JSON 형식이 올바르지 않습니다");
  });

  test("empty form shows Korean field errors", async () => {
    render(<CreateRoundScreen context={NO_CHAIN} />);
    fireEvent.click(screen.getByRole("button", { name: "회차 만들기" }));
    const text = await summaryText();
    expect(text).toContain("사업명 (title): 비어 있습니다. 값을 입력하세요.");
    expect(text).toContain(
      "일정 › 채점 마감 (schedule.scoringDeadline): 값이 없습니다. 날짜와 시간(한국 시간) 값을 입력하세요.",
    );
    expect(text).not.toMatch(/시간대|UTC|\+09:00/);
    expect(text).toContain(
      "평가 항목 1 › 배점 (criteria[0].maxPoints): 값이 없습니다. 숫자 값을 입력하세요.",
    );
    expect(text).not.toMatch(/must|missing/);
    const title = screen.getByLabelText("사업명");
    expect(title.getAttribute("aria-invalid")).toBe("true");
  });

  test("passed deadline shown with field errors", async () => {
    render(<CreateRoundScreen context={NO_CHAIN} />);
    fireEvent.change(screen.getByLabelText("채점 마감"), {
      target: { value: "2020-01-02T17:00" },
    });
    fireEvent.click(screen.getByRole("button", { name: "회차 만들기" }));
    const text = await summaryText();
    expect(text).toContain("사업명 (title): 비어 있습니다. 값을 입력하세요.");
    expect(text).toContain("일정 › 채점 마감 (schedule.scoringDeadline): ");
    expect(text).toContain("이미 지난 시각입니다");
    const deadline = screen.getByLabelText("채점 마감");
    expect(deadline.getAttribute("aria-invalid")).toBe("true");
  });

  test("errors follow the language switch", async () => {
    render(<CreateRoundScreen context={NO_CHAIN} />);
    fireEvent.click(screen.getByRole("button", { name: "회차 만들기" }));
    await screen.findByRole("alert");
    await i18n.changeLanguage("en");
    await waitFor(() =>
      expect(screen.getByRole("alert").textContent).toContain(
        "Title (title): must not be empty; enter a value.",
      ),
    );
  });
});
