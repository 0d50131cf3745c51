import { readFileSync } from "node:fs";
import { join } from "node:path";

import { act, cleanup, render, screen } from "@testing-library/react";
import {
  getContractError,
  InternalRpcError,
  RawContractError,
  RpcRequestError,
  type Address,
  type PublicClient,
} from "viem";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { parseCaseFile } from "../../../core/schema.ts";
import { sampleRecord } from "../../../core/verify/index.ts";
import { initialProgress, type RoundProgress } from "../chain/progress.ts";
import { RoundNotFoundError, type RoundInfo } from "../chain/round.ts";
import { i18n } from "../i18n/index.ts";
import type { EvaluationRecord } from "./record.ts";
import { ResultsApp, RoundResult } from "./ResultsApp.tsx";
import type { RoundView } from "./round-view.ts";

/** A read that the test settles by hand. */
interface Pending<T> {
  roundId: bigint;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

// The page's reads, held until each test settles them, and the chain id
// the fake server reports.
const fake = vi.hoisted(() => ({
  serverChainId: 1337,
  /** The code at the link's registry address. */
  code: "0x6080" as string | undefined,
  /** Why the registry's TALLY_VERSION() call fails, if it does. */
  tallyVersionError: undefined as unknown,
  views: [] as Pending<unknown>[],
  records: [] as Pending<unknown>[],
  verifies: [] as Pending<unknown>[],
}));

function hold<T>(queue: Pending<unknown>[], roundId: bigint): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    queue.push({
      roundId,
      resolve: resolve as (value: unknown) => void,
      reject,
    });
  });
}

vi.mock("../chain/client.ts", () => ({
  createChainClient: () => ({
    getChainId: async () => fake.serverChainId,
    getCode: async () => fake.code,
    readContract: async () => {
      if (fake.tallyVersionError) throw fake.tallyVersionError;
      return "1";
    },
  }),
}));

vi.mock("../admin/config.ts", () => ({
  loadConfig: async () => ({
    chainId: 1337,
    registry: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
    adminSignIn: false,
  }),
}));

vi.mock("./round-view.ts", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./round-view.ts")>();
  class FakeReader {
    readonly roundId: bigint;
    constructor(
      _client: unknown,
      _chainId: number,
      _registry: Address,
      roundId: bigint,
    ) {
      this.roundId = roundId;
    }
    read() {
      return hold(fake.views, this.roundId);
    }
  }
  return { ...actual, RoundViewReader: FakeReader };
});

vi.mock("./record.ts", () => ({
  readRecord: (_client: unknown, _registry: Address, roundId: bigint) =>
    hold(fake.records, roundId),
  verifyRound: (_client: unknown, _registry: Address, roundId: bigint) =>
    hold(fake.verifies, roundId),
  loadVerifier: () => new Promise(() => undefined),
  downloadText: () => undefined,
}));

const REGISTRY = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const INVITES = [
  "0x00000000000000000000000000000000000000a1",
  "0x00000000000000000000000000000000000000a2",
] as const;

const psat = parseCaseFile(
  JSON.parse(
    readFileSync(
      join(process.cwd(), "test/vectors/case-psat-2023-q18.json"),
      "utf8",
    ),
  ),
);
let record: EvaluationRecord;

function roundInfo(roundId: bigint): RoundInfo {
  return {
    roundId,
    title: `Harbour ferry ${roundId}`,
    referenceNumber: `R-${roundId}`,
    rulesVersion: "kr-negotiated-1",
    tallyVersion: "1",
    invites: [...INVITES],
    scoringDeadline: 1_796_428_800,
    revealDeadline: 1_796_515_200,
    minEvaluators: 1,
    bidders: [],
    criteria: [],
  } as unknown as RoundInfo;
}

const scoring = initialProgress(INVITES, 1n);
const cancelled: RoundProgress = {
  ...initialProgress(INVITES, 1n),
  phase: "cancelled",
  cancelled: { reason: "입찰 공고 정정", at: 1_796_428_000 },
};

function viewOf(
  roundId: bigint,
  progress: RoundProgress,
  block = 637n,
): RoundView {
  return {
    source: "chain",
    reason: { kind: "notConfigured" },
    block,
    time: 1_796_425_200,
    round: roundInfo(roundId),
    progress,
    counts: {
      invited: 2,
      claimed: 1,
      committed: 0,
      revealed: 0,
      absent: 0,
      recused: 0,
    },
    countsDiffered: [],
    resultDiffered: false,
  };
}

/** The error viem raises when /rpc returns 502 because the node is down. */
function chainDownError(): InternalRpcError {
  return new InternalRpcError(
    new RpcRequestError({
      body: { method: "eth_getBlockByNumber" },
      error: {
        code: -32603,
        message: "The chain node did not respond; try again shortly.",
      },
      status: 502,
      url: "http://127.0.0.1:8080/rpc",
    }),
  );
}

/** Lets pending promises and effects run, and fires due timers. */
async function settle(ms = 0) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

/** Settles the oldest pending read of `roundId` in `queue`. */
async function answer(
  queue: Pending<unknown>[],
  roundId: bigint,
  outcome: { value: unknown } | { error: unknown },
) {
  const index = queue.findIndex((entry) => entry.roundId === roundId);
  expect(index, `no pending read of round ${roundId}`).toBeGreaterThanOrEqual(
    0,
  );
  const [entry] = queue.splice(index, 1);
  await act(async () => {
    if ("value" in outcome) entry.resolve(outcome.value);
    else entry.reject(outcome.error);
  });
  await settle();
}

function openRound(roundId: bigint, chainId = 1337) {
  return <ResultsApp chainId={chainId} registry={REGISTRY} roundId={roundId} />;
}

const timelineHeading = () =>
  screen.queryByRole("heading", { name: "체인에 기록된 단계" });
const seatScoresHeading = () =>
  screen.queryByRole("heading", { name: "평가위원별 합계 점수" });

beforeEach(async () => {
  record ??= await sampleRecord(psat);
  vi.useFakeTimers();
  fake.serverChainId = 1337;
  fake.code = "0x6080";
  fake.tallyVersionError = undefined;
  fake.views.length = 0;
  fake.records.length = 0;
  fake.verifies.length = 0;
});

afterEach(async () => {
  cleanup();
  vi.useRealTimers();
  await i18n.changeLanguage("ko");
});

describe("ResultsApp hash change", () => {
  test("drops round 7's record on round 4", async () => {
    const page = render(openRound(7n));
    await settle();
    await answer(fake.views, 7n, { value: viewOf(7n, cancelled) });
    await answer(fake.records, 7n, { value: record });
    expect(timelineHeading()).not.toBeNull();
    expect(seatScoresHeading()).not.toBeNull();

    page.rerender(openRound(4n));
    await settle();
    await answer(fake.views, 4n, { value: viewOf(4n, scoring) });
    expect(
      screen.getByText(/아직 확정되지 않았습니다 \(채점 중\)/),
    ).toBeTruthy();
    expect(timelineHeading()).toBeNull();
    expect(seatScoresHeading()).toBeNull();
    expect(document.querySelector(".round-line")?.textContent).toContain(
      "4번 회차",
    );
  });

  test("discards a late view of the old round", async () => {
    const page = render(openRound(7n));
    await settle();
    page.rerender(openRound(4n));
    await settle();
    await answer(fake.views, 4n, { value: viewOf(4n, scoring) });
    await answer(fake.views, 7n, { value: viewOf(7n, cancelled) });
    const line = document.querySelector(".round-line")?.textContent;
    expect(line).toContain("4번 회차");
    expect(line).not.toContain("7번 회차");
    expect(document.querySelector("[data-cancelled]")).toBeNull();
  });

  test("discards a late record of the old round", async () => {
    const page = render(openRound(7n));
    await settle();
    await answer(fake.views, 7n, { value: viewOf(7n, cancelled) });
    page.rerender(openRound(1n));
    await settle();
    await answer(fake.views, 1n, { value: viewOf(1n, cancelled) });
    await answer(fake.records, 7n, { value: record });
    expect(timelineHeading()).toBeNull();
    // Round 1's own record still shows once read.
    await answer(fake.records, 1n, { value: record });
    expect(timelineHeading()).not.toBeNull();
  });

  test("drops Verify's report of the old round", async () => {
    const page = render(openRound(7n));
    await settle();
    await answer(fake.views, 7n, { value: viewOf(7n, cancelled) });
    await act(async () => {
      screen
        .getByRole("button", { name: "체인에서 다시 계산하여 검증" })
        .click();
    });
    page.rerender(openRound(1n));
    await settle();
    await answer(fake.views, 1n, { value: viewOf(1n, cancelled) });
    await answer(fake.verifies, 7n, { error: new Error("round 7 failed") });
    expect(document.body.textContent).not.toContain("round 7 failed");
    expect(document.querySelector(".verify [role=alert]")).toBeNull();
  });
});

describe("RoundResult record", () => {
  test("hides another round's record", async () => {
    const client = {} as PublicClient;
    const page = render(
      <RoundResult
        chainId={1337}
        client={client}
        registry={REGISTRY}
        view={viewOf(7n, cancelled)}
      />,
    );
    await settle();
    await answer(fake.records, 7n, { value: record });
    expect(timelineHeading()).not.toBeNull();
    page.rerender(
      <RoundResult
        chainId={1337}
        client={client}
        registry={REGISTRY}
        view={viewOf(4n, scoring)}
      />,
    );
    await settle();
    expect(timelineHeading()).toBeNull();
    expect(seatScoresHeading()).toBeNull();
  });
});

describe("ResultsApp failing refreshes", () => {
  test("warns while refreshes fail", async () => {
    vi.setSystemTime(new Date("2026-12-05T00:00:00Z"));
    render(openRound(4n));
    await settle();
    await answer(fake.views, 4n, { value: viewOf(4n, scoring, 637n) });
    expect(document.querySelector(".stale-notice")).toBeNull();
    expect(document.querySelector(".as-of")?.textContent).not.toContain(
      "갱신 멈춤",
    );

    await settle(2_000);
    await answer(fake.views, 4n, { error: chainDownError() });
    const notice = document.querySelector(".stale-notice");
    expect(notice?.textContent).toContain("2026. 12. 5.");
    // Dated from the last successful read, not from the failure at 09:00:02.
    expect(notice?.textContent).toContain(
      "9:00:00 KST에 마지막으로 갱신되었습니다",
    );
    expect(notice?.textContent).not.toContain("9:00:02");
    expect(notice?.textContent).toContain("그 뒤로 체인에서 새 정보를");
    expect(notice?.textContent).toContain("637번 블록 기준");
    expect(notice?.textContent).toContain("계속 다시 시도합니다");
    expect(notice?.textContent).toContain("체인 노드에 연결할 수 없습니다");
    expect(notice?.textContent).toContain(
      "The chain node did not respond; try again shortly.",
    );
    expect(notice?.getAttribute("role")).toBe("alert");
    expect(document.querySelector(".as-of")?.textContent).toContain(
      "갱신 멈춤",
    );
    expect(
      document.querySelector(".attendance")?.getAttribute("data-stale"),
    ).toBe("true");

    // A second failure keeps the time of the last successful read.
    await settle(2_000);
    await answer(fake.views, 4n, { error: chainDownError() });
    expect(document.querySelector(".stale-notice")?.textContent).toContain(
      "9:00:00 KST에 마지막으로 갱신되었습니다",
    );

    await settle(2_000);
    await answer(fake.views, 4n, { value: viewOf(4n, scoring, 640n) });
    expect(document.querySelector(".stale-notice")).toBeNull();
    expect(document.querySelector(".as-of")?.textContent).toContain(
      "640번 블록 기준",
    );
    expect(document.querySelector(".as-of")?.textContent).not.toContain(
      "갱신 멈춤",
    );
    expect(
      document.querySelector(".attendance")?.getAttribute("data-stale"),
    ).toBe("false");
  });

  test("warns in English", async () => {
    await i18n.changeLanguage("en");
    render(openRound(4n));
    await settle();
    await answer(fake.views, 4n, { value: viewOf(4n, scoring, 637n) });
    await settle(2_000);
    await answer(fake.views, 4n, { error: chainDownError() });
    const notice = document.querySelector(".stale-notice")?.textContent;
    expect(notice).toContain("This page was last updated at");
    expect(notice).toContain("as of block 637");
    expect(notice).toContain("Reads have not succeeded since then");
    expect(notice).toContain("keeps retrying");
    expect(notice).toContain("The chain node cannot be reached.");
    expect(document.querySelector(".as-of")?.textContent).toContain(
      "not updating",
    );
  });

  test("explains a first read that fails", async () => {
    render(openRound(4n));
    await settle();
    await answer(fake.views, 4n, { error: chainDownError() });
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("이 회차를 읽지 못했습니다.");
    expect(alert.textContent).toContain("체인 노드에 연결할 수 없습니다");
    expect(alert.textContent).not.toContain("An internal error was received");
  });
});

describe("ResultsApp errors", () => {
  test("translates Verify's chain-down error", async () => {
    render(openRound(7n));
    await settle();
    await answer(fake.views, 7n, { value: viewOf(7n, cancelled) });
    await act(async () => {
      screen
        .getByRole("button", { name: "체인에서 다시 계산하여 검증" })
        .click();
    });
    await answer(fake.verifies, 7n, { error: chainDownError() });
    const alert = document.querySelector(".verify [role=alert]");
    expect(alert?.getAttribute("data-failure")).toBe("unreachable");
    expect(alert?.textContent).toContain(
      "검증하지 못했습니다: 체인 노드에 연결할 수 없습니다. 잠시 뒤 다시 시도하세요.",
    );
    expect(alert?.querySelector("[lang=en]")?.textContent).toBe(
      "The chain node did not respond; try again shortly. (HTTP 502, code -32603)",
    );
  });

  test("keeps an unexpected error's text", async () => {
    render(openRound(7n));
    await settle();
    await answer(fake.views, 7n, { value: viewOf(7n, cancelled) });
    await act(async () => {
      screen
        .getByRole("button", { name: "체인에서 다시 계산하여 검증" })
        .click();
    });
    await answer(fake.verifies, 7n, {
      error: new Error("The record has 3 reveals but 2 commits."),
    });
    const alert = document.querySelector(".verify [role=alert]");
    expect(alert?.getAttribute("data-failure")).toBe("unexpected");
    expect(alert?.textContent).toContain("예상하지 못한 오류입니다.");
    expect(alert?.querySelector("[lang=en]")?.textContent).toBe(
      "The record has 3 reveals but 2 commits.",
    );
  });
});

describe("ResultsApp chain id", () => {
  test("rejects a link for another chain", async () => {
    render(openRound(2n, 31337));
    await settle();
    expect(
      screen.getByRole("heading", { name: "다른 체인의 링크입니다" }),
    ).toBeTruthy();
    expect(document.body.textContent).toContain(
      "이 링크는 체인 31337의 기록을 가리키지만 이 서버는 체인 1337에 연결되어",
    );
    expect(
      screen
        .getByRole("link", { name: "체인 1337의 회차 목록 보기" })
        .getAttribute("href"),
    ).toBe(`#/r/1337/${REGISTRY}`);
    // Nothing of the round is read, so Verify cannot run either.
    expect(fake.views).toHaveLength(0);
    expect(screen.queryByRole("button", { name: /검증/ })).toBeNull();
    await settle(10_000);
    expect(fake.views).toHaveLength(0);
  });

  test("shows the chain id on the round", async () => {
    render(openRound(2n));
    await settle();
    await answer(fake.views, 2n, { value: viewOf(2n, scoring) });
    expect(document.querySelector("[data-chain-id]")?.textContent).toBe(
      "체인 1337",
    );
  });

  test("rejects another chain in English", async () => {
    await i18n.changeLanguage("en");
    render(openRound(2n, 31337));
    await settle();
    expect(document.body.textContent).toContain(
      "This link names a record on chain 31337, but this server is connected to chain 1337",
    );
  });
});

describe("ResultsApp missing round", () => {
  test("points to the round list", async () => {
    render(openRound(2n));
    await settle();
    await answer(fake.views, 2n, {
      error: new RoundNotFoundError(2n, REGISTRY),
    });
    expect(
      screen.getByRole("heading", { name: "이 레지스트리에 없는 회차입니다" }),
    ).toBeTruthy();
    expect(document.body.textContent).toContain(
      `레지스트리 ${REGISTRY}에는 2번 회차가 없습니다.`,
    );
    expect(document.body.textContent).not.toContain("QR");
    expect(
      screen
        .getByRole("link", { name: "모든 평가 회차 보기" })
        .getAttribute("href"),
    ).toBe(`#/r/1337/${REGISTRY}`);
  });
});

describe("ResultsApp registry address", () => {
  const EMPTY = "0x0000000000000000000000000000000000000001";

  test("reports an address without code", async () => {
    fake.code = undefined;
    render(<ResultsApp chainId={1337} registry={EMPTY} roundId={1n} />);
    await settle();
    expect(
      screen.getByRole("heading", { name: "이 주소에는 계약이 없습니다" }),
    ).toBeTruthy();
    expect(document.body.textContent).not.toContain("1번 회차가 없습니다");
    expect(
      screen
        .getByRole("link", { name: "이 서버의 회차 목록 보기" })
        .getAttribute("href"),
    ).toBe(`#/r/1337/${REGISTRY}`);
    await settle(10_000);
    expect(fake.views).toHaveLength(0);
    expect(fake.records).toHaveLength(0);
  });

  test("reports a contract that is no registry", async () => {
    await i18n.changeLanguage("en");
    fake.tallyVersionError = getContractError(
      new RawContractError({ data: "0x" }),
      { abi: [], args: [], functionName: "TALLY_VERSION" },
    );
    render(<ResultsApp chainId={1337} registry={EMPTY} roundId={1n} />);
    await settle();
    expect(
      screen.getByRole("heading", { name: "Not an evaluation registry" }),
    ).toBeTruthy();
    expect(document.body.textContent).toContain(
      `The contract at ${EMPTY} on chain 1337 is not a Jurybox evaluation registry`,
    );
    expect(fake.views).toHaveLength(0);
  });
});

describe("ResultsApp pending read", () => {
  test("marks a pending read stale after 6 s", async () => {
    vi.setSystemTime(new Date("2026-12-05T00:00:00Z"));
    render(openRound(4n));
    await settle();
    await answer(fake.views, 4n, { value: viewOf(4n, scoring, 637n) });
    // The next read starts at 09:00:01 and is left pending.
    await settle(1_000);
    expect(fake.views).toHaveLength(1);
    await settle(5_999);
    expect(document.querySelector(".stale-notice")).toBeNull();

    await settle(1);
    const notice = document.querySelector(".stale-notice");
    expect(notice?.textContent).toContain(
      "9:00:00 KST에 마지막으로 갱신되었습니다",
    );
    expect(notice?.textContent).toContain(
      "마지막 읽기 요청이 6초 넘게 응답을 기다리고 있습니다.",
    );
    expect(document.querySelector(".as-of")?.textContent).toContain(
      "갱신 멈춤",
    );

    // The timeout's failure then replaces the waiting line.
    await answer(fake.views, 4n, { error: chainDownError() });
    const failed = document.querySelector(".stale-notice")?.textContent;
    expect(failed).toContain("9:00:00 KST에 마지막으로 갱신되었습니다");
    expect(failed).toContain("체인 노드에 연결할 수 없습니다");
    expect(failed).not.toContain("응답을 기다리고");

    await settle(2_000);
    await answer(fake.views, 4n, { value: viewOf(4n, scoring, 640n) });
    expect(document.querySelector(".stale-notice")).toBeNull();
  });

  test("explains a first read still pending", async () => {
    await i18n.changeLanguage("en");
    render(openRound(4n));
    await settle(6_000);
    expect(document.querySelector(".loading")).not.toBeNull();
    expect(document.body.textContent).toContain(
      "The latest read has waited more than 6 s for an answer.",
    );
  });
});
