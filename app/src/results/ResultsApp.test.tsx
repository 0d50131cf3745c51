import { cleanup, render, screen } from "@testing-library/react";
import type { PublicClient } from "viem";
import { afterEach, describe, expect, test, vi } from "vitest";

import { initialProgress, type RoundProgress } from "../chain/progress.ts";
import type { RoundInfo } from "../chain/round.ts";
import { i18n } from "../i18n/index.ts";
import { RoundResult } from "./ResultsApp.tsx";
import type { RoundView } from "./round-view.ts";

// The page reads the evaluation record from raw chain events once the
// round is final; these tests look at the page before that read returns.
vi.mock("./record.ts", () => ({
  readRecord: () => new Promise(() => undefined),
  verifyRound: () => new Promise(() => undefined),
  loadVerifier: () => new Promise(() => undefined),
  downloadText: () => undefined,
}));

const REGISTRY = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const INVITES = [
  "0x00000000000000000000000000000000000000a1",
  "0x00000000000000000000000000000000000000a2",
] as const;
/** 2026-12-05 09:00:00 KST and 2026-12-06 09:00:00 KST. */
const SCORING_DEADLINE = 1_796_428_800;
const REVEAL_DEADLINE = SCORING_DEADLINE + 86_400;

const round = {
  roundId: 7n,
  title: "Harbour ferry",
  referenceNumber: "R-7",
  rulesVersion: "kr-negotiated-1",
  tallyVersion: "1",
  invites: [...INVITES],
  scoringDeadline: SCORING_DEADLINE,
  revealDeadline: REVEAL_DEADLINE,
  minEvaluators: 1,
  bidders: [],
  criteria: [],
} as unknown as RoundInfo;

function viewOf(progress: RoundProgress): RoundView {
  return {
    source: "chain",
    reason: { kind: "notConfigured" },
    block: 20n,
    time: SCORING_DEADLINE - 3600,
    round,
    progress,
    counts: {
      invited: 2,
      claimed: 0,
      committed: 0,
      revealed: 0,
      absent: 0,
      recused: 0,
    },
    countsDiffered: [],
    resultDiffered: false,
  };
}

function renderResult(progress: RoundProgress) {
  render(
    <RoundResult
      chainId={1337}
      client={{} as PublicClient}
      registry={REGISTRY}
      view={viewOf(progress)}
    />,
  );
}

const cancelled: RoundProgress = {
  ...initialProgress(INVITES, 1n),
  phase: "cancelled",
  cancelled: { reason: "입찰 공고 정정", at: SCORING_DEADLINE - 600 },
};

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage("ko");
});

describe("RoundResult cancelled round", () => {
  test("shows the reason in Korean", () => {
    renderResult(cancelled);
    const notice = document.querySelector("[data-cancelled]");
    expect(notice?.textContent).toBe(
      "이 회차는 취소되었습니다. 취소 사유: 입찰 공고 정정",
    );
    expect(document.body.textContent).not.toContain("cancelledBecause");
  });

  test("shows the reason in English", async () => {
    await i18n.changeLanguage("en");
    renderResult(cancelled);
    const notice = document.querySelector("[data-cancelled]");
    expect(notice?.textContent).toBe(
      "This round was cancelled. Reason: 입찰 공고 정정",
    );
    expect(document.body.textContent).not.toContain("cancelledBecause");
  });

  test("offers the downloads", () => {
    renderResult(cancelled);
    expect(screen.getByRole("button", { name: "OCDS 릴리스 (JSON)" })).toBeTruthy();
  });
});
