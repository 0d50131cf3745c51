import { act, cleanup, render, screen } from "@testing-library/react";
import { InternalRpcError, RpcRequestError } from "viem";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { i18n } from "../i18n/index.ts";
import { RoundListApp } from "./RoundList.tsx";
import type { RoundListView } from "./rounds.ts";

const fake = vi.hoisted(() => ({
  serverChainId: 1337,
  read: vi.fn<() => Promise<RoundListView>>(),
}));

vi.mock("../chain/client.ts", () => ({
  createChainClient: () => ({ getChainId: async () => fake.serverChainId }),
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
