import { act, cleanup, render, screen } from "@testing-library/react";
import {
  getContractError,
  InternalRpcError,
  RawContractError,
  RpcRequestError,
  type Hex,
} from "viem";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { i18n } from "../i18n/index.ts";
import { RoundListApp } from "./RoundList.tsx";
import type { RoundListView } from "./rounds.ts";

const fake = vi.hoisted(() => ({
  serverChainId: 1337,
  /** The code at the link's registry address. */
  code: "0x6080" as Hex | undefined,
  /** The registry's TALLY_VERSION() call. */
  tallyVersion: vi.fn<() => Promise<string>>(),
  read: vi.fn<() => Promise<RoundListView>>(),
}));

vi.mock("../chain/client.ts", () => ({
  createChainClient: () => ({
    getChainId: async () => fake.serverChainId,
    getCode: async () => fake.code,
    readContract: () => fake.tallyVersion(),
  }),
}));

vi.mock("../admin/config.ts", () => ({
  loadConfig: async () => ({
    chainId: 1337,
    registry: SERVED,
    adminSignIn: false,
  }),
}));

vi.mock("./indexer.ts", async (importOriginal) => ({
  ...(await importOriginal<typeof import("./indexer.ts")>()),
  findIndexer: async () => undefined,
}));

vi.mock("./rounds.ts", async (importOriginal) => ({
  ...(await importOriginal<typeof import("./rounds.ts")>()),
  readRoundListView: () => fake.read(),
}));

const REGISTRY = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const EMPTY = "0x0000000000000000000000000000000000000001";
const SERVED = vi.hoisted(
  () => "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512" as const,
);

const list: RoundListView = {
  source: "chain",
  reason: { kind: "notConfigured" },
  block: 637n,
  time: 1_796_425_200,
  rounds: [],
  countsDiffered: false,
};

function chainDownError(): InternalRpcError {
  return new InternalRpcError(
    new RpcRequestError({
      body: { method: "eth_getLogs" },
      error: {
        code: -32603,
        message: "The chain node did not respond; try again shortly.",
      },
      status: 502,
      url: "http://127.0.0.1:8080/rpc",
    }),
  );
}

async function settle(ms = 0) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  fake.serverChainId = 1337;
  fake.code = "0x6080";
  fake.tallyVersion.mockReset();
  fake.tallyVersion.mockResolvedValue("1");
  fake.read.mockReset();
});

afterEach(async () => {
  cleanup();
  vi.useRealTimers();
  await i18n.changeLanguage("ko");
});

describe("RoundListApp", () => {
  test("translates a chain-down error", async () => {
    fake.read.mockRejectedValue(chainDownError());
    render(<RoundListApp chainId={1337} registry={REGISTRY} />);
    await settle();
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain(
      "체인에서 회차 목록을 읽지 못했습니다: 체인 노드에 연결할 수 없습니다.",
    );
    expect(alert.textContent).not.toContain("An internal error was received");
    expect(alert.querySelector("[lang=en]")?.textContent).toContain(
      "The chain node did not respond",
    );
  });

  test("marks a shown list stale until a read succeeds", async () => {
    fake.read.mockResolvedValueOnce(list);
    fake.read.mockRejectedValueOnce(chainDownError());
    fake.read.mockResolvedValueOnce({ ...list, block: 650n });
    render(<RoundListApp chainId={1337} registry={REGISTRY} />);
    await settle();
    expect(document.querySelector(".stale-notice")).toBeNull();

    await settle(3_000);
    const notice = document.querySelector(".stale-notice")?.textContent;
    expect(notice).toContain("637번 블록 기준");
    expect(notice).toContain("계속 다시 시도합니다");
    expect(document.querySelector(".as-of")?.textContent).toContain(
      "갱신 멈춤",
    );

    await settle(3_000);
    expect(document.querySelector(".stale-notice")).toBeNull();
    expect(document.querySelector(".as-of")?.textContent).toContain(
      "650번 블록 기준",
    );
  });

  test("rejects a link for another chain", async () => {
    fake.serverChainId = 31337;
    render(<RoundListApp chainId={1337} registry={REGISTRY} />);
    await settle(10_000);
    expect(
      screen.getByRole("heading", { name: "다른 체인의 링크입니다" }),
    ).toBeTruthy();
    expect(fake.read).not.toHaveBeenCalled();
  });
});

describe("RoundListApp registry address", () => {
  test("reports an address without code", async () => {
    fake.code = undefined;
    render(<RoundListApp chainId={1337} registry={EMPTY} />);
    await settle();
    expect(
      screen.getByRole("heading", { name: "이 주소에는 계약이 없습니다" }),
    ).toBeTruthy();
    expect(document.body.textContent).toContain(
      `체인 1337의 ${EMPTY} 주소에는 계약 코드가 없으므로`,
    );
    expect(document.body.textContent).not.toContain("진행 중");
    expect(
      screen
        .getByRole("link", { name: "이 서버의 회차 목록 보기" })
        .getAttribute("href"),
    ).toBe(`#/r/1337/${SERVED}`);
    await settle(10_000);
    expect(fake.tallyVersion).not.toHaveBeenCalled();
    expect(fake.read).not.toHaveBeenCalled();
  });

  test("treats empty code as no contract", async () => {
    fake.code = "0x";
    await i18n.changeLanguage("en");
    render(<RoundListApp chainId={1337} registry={EMPTY} />);
    await settle();
    expect(
      screen.getByRole("heading", { name: "No contract at this address" }),
    ).toBeTruthy();
    expect(document.body.textContent).toContain(
      `Chain 1337 has no contract code at ${EMPTY}`,
    );
    expect(
      screen.getByRole("link", { name: "This server's round list" }),
    ).toBeTruthy();
  });

  test("reports a contract that is no registry", async () => {
    fake.tallyVersion.mockRejectedValue(
      getContractError(new RawContractError({ data: "0x" }), {
        abi: [],
        args: [],
        functionName: "TALLY_VERSION",
      }),
    );
    render(<RoundListApp chainId={1337} registry={REGISTRY} />);
    await settle();
    expect(
      screen.getByRole("heading", {
        name: "평가 레지스트리가 아닌 계약입니다",
      }),
    ).toBeTruthy();
    expect(document.body.textContent).toContain("TALLY_VERSION()");
    await settle(10_000);
    expect(fake.read).not.toHaveBeenCalled();
  });

  test("retries a registry check the chain did not answer", async () => {
    fake.tallyVersion.mockRejectedValueOnce(
      getContractError(chainDownError(), {
        abi: [],
        args: [],
        functionName: "TALLY_VERSION",
      }),
    );
    fake.read.mockResolvedValue(list);
    render(<RoundListApp chainId={1337} registry={REGISTRY} />);
    await settle();
    expect(screen.queryByRole("heading", { name: /계약/ })).toBeNull();
    expect(screen.getByRole("alert").textContent).toContain(
      "체인 노드에 연결할 수 없습니다",
    );

    await settle(3_000);
    expect(fake.tallyVersion).toHaveBeenCalledTimes(2);
    expect(document.querySelector(".as-of")?.textContent).toContain(
      "637번 블록 기준",
    );
  });

  test("omits the link for the served registry itself", async () => {
    fake.code = undefined;
    render(<RoundListApp chainId={1337} registry={SERVED} />);
    await settle();
    expect(
      screen.getByRole("heading", { name: "이 주소에는 계약이 없습니다" }),
    ).toBeTruthy();
    expect(screen.queryByRole("link")).toBeNull();
  });
});

describe("RoundListApp pending read", () => {
  test("marks the list stale after 3 intervals", async () => {
    vi.setSystemTime(new Date("2026-12-05T00:00:00Z"));
    fake.read.mockResolvedValueOnce(list);
    let finish: (value: RoundListView) => void = () => undefined;
    fake.read.mockReturnValueOnce(
      new Promise((resolve) => {
        finish = resolve;
      }),
    );
    render(<RoundListApp chainId={1337} registry={REGISTRY} />);
    await settle();
    // The second read starts at 09:00:03 and does not return.
    await settle(3_000);
    await settle(8_999);
    expect(document.querySelector(".stale-notice")).toBeNull();

    await settle(1);
    const notice = document.querySelector(".stale-notice")?.textContent;
    expect(notice).toContain("9:00:00 KST에 마지막으로 갱신되었습니다");
    expect(notice).toContain("637번 블록 기준");
    expect(notice).toContain(
      "마지막 읽기 요청이 9초 넘게 응답을 기다리고 있습니다.",
    );
    expect(document.querySelector(".failure-detail")).toBeNull();

    await act(async () => finish({ ...list, block: 650n }));
    await settle();
    expect(document.querySelector(".stale-notice")).toBeNull();
    expect(document.querySelector(".as-of")?.textContent).toContain(
      "650번 블록 기준",
    );
  });
});
