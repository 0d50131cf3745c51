import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, test, vi } from "vitest";

import { PLEDGE_TEXTS } from "../../../core/pledge.ts";
import type { RoundInfo } from "../chain/round.ts";
import { i18n } from "../i18n/index.ts";
import { PledgeScreen } from "./PledgeScreen.tsx";

const ROUND: RoundInfo = {
  roundId: 1n,
  admin: "0x0000000000000000000000000000000000000001",
  title: "정보시스템 구축 제안서 평가",
  referenceNumber: "R-2026-001",
  rulesVersion: "test",
  tallyVersion: "1",
  technicalWeight: 80,
  priceWeight: 20,
  minEvaluators: 1,
  criteria: [{ name: "기술", maxPoints: 8000, quantitative: false }],
  bidders: [
    { name: "업체 1", bidPrice: 0n, priceScore: 0, quantitativeScores: [] },
  ],
  invites: [],
  scoringDeadline: 0,
  revealDeadline: 0,
  escrowPublicKey: "0x",
  block: 1n,
};

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage("ko");
});

describe("PledgeScreen", () => {
  test("has no checkbox before the pledge button", () => {
    render(<PledgeScreen round={ROUND} seat={0} onSign={vi.fn()} />);
    expect(screen.queryByRole("checkbox")).toBeNull();
  });

  test("signs the Korean pledge in one tap", () => {
    const onSign = vi.fn(async () => {});
    render(<PledgeScreen round={ROUND} seat={0} onSign={onSign} />);
    const button = screen.getByRole("button", {
      name: "서약에 서명하고 평가 시작",
    });
    expect(button.hasAttribute("disabled")).toBe(false);
    fireEvent.click(button);
    expect(onSign).toHaveBeenCalledTimes(1);
    expect(onSign).toHaveBeenCalledWith("ko", PLEDGE_TEXTS.ko);
  });

  test("button is described as signing the pledge", () => {
    render(<PledgeScreen round={ROUND} seat={0} onSign={vi.fn()} />);
    const button = screen.getByRole("button", {
      name: "서약에 서명하고 평가 시작",
    });
    const notice = document.getElementById(
      button.getAttribute("aria-describedby") ?? "",
    );
    expect(notice?.textContent).toContain("버튼을 누르면");
    expect(notice?.textContent).toContain("서명한 것으로");
  });

  test("keeps the advice for an evaluator who cannot sign", () => {
    render(<PledgeScreen round={ROUND} seat={0} onSign={vi.fn()} />);
    expect(
      screen.getByText(/서약할 수 없는 사정.*관리자에게 알리세요/),
    ).not.toBeNull();
  });

  test("signs the English pledge when English is chosen", async () => {
    await i18n.changeLanguage("en");
    const onSign = vi.fn(async () => {});
    render(<PledgeScreen round={ROUND} seat={0} onSign={onSign} />);
    fireEvent.click(
      screen.getByRole("button", { name: "Sign the pledge and start" }),
    );
    expect(onSign).toHaveBeenCalledWith("en", PLEDGE_TEXTS.en);
  });
});
