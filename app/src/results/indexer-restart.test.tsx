import { cleanup, render } from "@testing-library/react";
import type { Address, PublicClient } from "viem";
import { afterEach, describe, expect, test, vi } from "vitest";

import { addStrings, i18n } from "../i18n/index.ts";
import { readRoundListView } from "./rounds.ts";
import { SourceNote } from "./SourceNote.tsx";
import { resultsStrings } from "./strings.ts";

addStrings(resultsStrings);

const REGISTRY: Address = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const ENDPOINT = { chainId: 1337, registry: REGISTRY, graphqlPath: "/graphql" };

/** A chain with a head block and no rounds, enough for the chain's list. */
const emptyChain = {
  getBlock: async () => ({ number: 5n, timestamp: 1_800_000_000n }),
  request: async () => [],
} as unknown as PublicClient;

/** Stubs fetch so that /graphql responds as the app server does, with this error code. */
function answerGraphql(code: string) {
  vi.stubGlobal(
    "fetch",
    vi.fn(
      async () =>
        new Response(
          JSON.stringify({
            errors: [{ message: "unavailable", extensions: { code } }],
          }),
          { status: 503, headers: { "Content-Type": "application/json" } },
        ),
    ),
  );
}

afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  await i18n.changeLanguage("ko");
});

describe("round list while the indexer restarts", () => {
  test("reads the chain for reason restarting", async () => {
    answerGraphql("INDEXER_RESTARTING");
    const view = await readRoundListView(emptyChain, REGISTRY, ENDPOINT);
    expect(view.source).toBe("chain");
    expect(view.reason).toEqual({ kind: "restarting" });
  });

  test("keeps unavailable for other errors", async () => {
    answerGraphql("INDEXER_UNAVAILABLE");
    const view = await readRoundListView(emptyChain, REGISTRY, ENDPOINT);
    expect(view.reason).toEqual({ kind: "unavailable" });
  });
});

describe("SourceNote for a restarting indexer", () => {
  const renderNote = () =>
    render(
      <SourceNote
        source="chain"
        reason={{ kind: "restarting" }}
        block={5n}
        time={1_800_000_000}
      />,
    );

  test("says so in Korean", () => {
    renderNote();
    const notice = document.querySelector("[data-reason]");
    expect(notice?.getAttribute("data-reason")).toBe("restarting");
    expect(notice?.textContent).toBe(
      "인덱서가 멈춰 다시 시작하는 중입니다. 그동안 체인에서 직접 읽습니다.",
    );
    expect(document.body.textContent).not.toContain("인덱서가 없어");
  });

  test("says so in English", async () => {
    await i18n.changeLanguage("en");
    renderNote();
    const notice = document.querySelector("[data-reason]");
    expect(notice?.textContent).toBe(
      "The indexer stopped and is restarting; reading the chain directly meanwhile.",
    );
  });
});
