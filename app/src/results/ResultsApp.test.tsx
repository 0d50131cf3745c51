import { readFileSync } from "node:fs";
import { join } from "node:path";

import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import type { PublicClient } from "viem";
import { afterEach, describe, expect, test, vi } from "vitest";

import { parseCaseFile } from "../../../core/schema.ts";
import { sampleRecord, verifyRecord } from "../../../core/verify/index.ts";
import { initialProgress, type RoundProgress } from "../chain/progress.ts";
import type { RoundInfo } from "../chain/round.ts";
import { i18n } from "../i18n/index.ts";
import { formatKst } from "../lib/format.ts";
import { RoundResult } from "./ResultsApp.tsx";
import { RoundSection } from "./RoundList.tsx";
import type { RoundListEntry } from "./rounds.ts";
import type { RoundView } from "./round-view.ts";

const psat = parseCaseFile(
  JSON.parse(
    readFileSync(
      join(process.cwd(), "test/vectors/case-psat-2023-q18.json"),
      "utf8",
    ),
  ),
);
const CANCEL_REASON = "입찰 공고 정정";

// The page reads the evaluation record from raw chain events once the
// round is final; these tests look at the page before that read returns.
// Verify runs core/verify on a sample record of a round cancelled with
// CANCEL_REASON.
vi.mock("./record.ts", () => ({
  readRecord: () => new Promise(() => undefined),
  verifyRound: async () =>
    verifyRecord(await sampleRecord(psat, { cancelReason: CANCEL_REASON })),
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
  cancelled: { reason: CANCEL_REASON, at: SCORING_DEADLINE - 600 },
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
    expect(
      screen.getByRole("button", { name: "OCDS 릴리스 (JSON)" }),
    ).toBeTruthy();
  });
});

describe("RoundResult verify of a cancelled round", () => {
  async function runVerify() {
    renderResult(cancelled);
    fireEvent.click(screen.getByRole("button", { name: /검증|verify/i }));
    return screen.findByText(/검사를 통과했습니다|checks passed/);
  }

  test("marks result checks not applicable", async () => {
    const summary = await runVerify();
    expect(summary.textContent).toContain("8개 검사를 통과했습니다.");
    expect(summary.textContent).toContain(`사유: ${CANCEL_REASON}`);
    const items = [...document.querySelectorAll("li[data-check]")];
    const outcomes = Object.fromEntries(
      items.map((item) => [
        item.getAttribute("data-check"),
        item.getAttribute("data-outcome"),
      ]),
    );
    expect(outcomes.finalized).toBe("cancelled");
    expect(outcomes["lottery-seed"]).toBe("cancelled");
    expect(outcomes.tally).toBe("cancelled");
    expect(outcomes["sheets-signed"]).toBe("passed");
    expect(document.body.textContent).not.toContain("실패");
  });

  test("summary in English", async () => {
    await i18n.changeLanguage("en");
    const summary = await runVerify();
    expect(summary.textContent).toContain(
      "so the 3 checks that need a result do not apply",
    );
    expect(document.body.textContent).toContain(
      "not applicable (round cancelled)",
    );
  });
});

describe("RoundResult scoring round", () => {
  const scoring = initialProgress(INVITES, 1n);

  test("shows both deadlines in KST", () => {
    renderResult(scoring);
    const scoringText = document.querySelector(
      "[data-deadline=scoring]",
    )?.textContent;
    const revealText = document.querySelector(
      "[data-deadline=reveal]",
    )?.textContent;
    expect(screen.getByText("채점 마감")).toBeTruthy();
    expect(screen.getByText("공개 마감")).toBeTruthy();
    expect(scoringText).toBe(formatKst(SCORING_DEADLINE, "ko"));
    expect(scoringText).toContain("2026. 12. 5.");
    expect(scoringText).toMatch(/KST$/);
    expect(revealText).toBe(formatKst(REVEAL_DEADLINE, "ko"));
    expect(revealText).toContain("2026. 12. 6.");
  });

  test("shows the deadlines in English", async () => {
    await i18n.changeLanguage("en");
    renderResult(scoring);
    expect(document.querySelector("[data-deadline=scoring]")?.textContent).toBe(
      "5 Dec 2026, 09:00:00 KST",
    );
    expect(document.querySelector("[data-deadline=reveal]")?.textContent).toBe(
      "6 Dec 2026, 09:00:00 KST",
    );
  });

  test("shows the round number", () => {
    renderResult(scoring);
    expect(document.querySelector(".round-line")?.textContent).toContain(
      "7번 회차",
    );
  });

  test("hides the deadlines once cancelled", () => {
    renderResult(cancelled);
    expect(document.querySelector("[data-deadline]")).toBeNull();
  });
});

describe("RoundSection", () => {
  const entry = (roundId: bigint): RoundListEntry => ({
    roundId,
    admin: REGISTRY,
    title: "Harbour ferry",
    referenceNumber: "R-7",
    phase: 1,
    seats: 2,
    claimed: 0,
    committed: 0,
    revealed: 0,
    recused: 0,
  });

  test("tells same-titled rounds apart by number", () => {
    render(
      <RoundSection
        id="rounds-open"
        title="진행 중"
        rounds={[entry(3n), entry(4n)]}
        link={(round) => `#/round/${round.roundId}`}
        describe={() => ""}
      />,
    );
    const items = [...document.querySelectorAll(".round-list li")];
    expect(
      items.map((item) => item.querySelector(".round-number")?.textContent),
    ).toEqual(["4번 회차", "3번 회차"]);
    // The round number stays outside the link, whose name is unchanged.
    const links = screen.getAllByRole("link", { name: "Harbour ferry (R-7)" });
    expect(links).toHaveLength(2);
  });

  test("numbers rounds in English", async () => {
    await i18n.changeLanguage("en");
    render(
      <RoundSection
        id="rounds-open"
        title="In progress"
        rounds={[entry(3n)]}
        link={() => "#/"}
        describe={() => ""}
      />,
    );
    expect(document.querySelector(".round-number")?.textContent).toBe(
      "Round 3",
    );
  });
});
