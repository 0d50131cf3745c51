import assert from "node:assert/strict";

import type { Page } from "playwright-core";
import { createPublicClient, defineChain, http, type Address } from "viem";
import { privateKeyToAccount } from "viem/accounts";

import { connectRpc } from "../../../cli/lib/chain-client.ts";
import { evaluationRegistryAbi } from "../../../core/generated/registry-abi.ts";
import {
  caseSheets,
  readCase,
  RoundDriver,
} from "../../indexer/support/round-driver.ts";
import type { TestBrowser } from "../support/browser.ts";
import { advanceChainTime } from "../support/chain.ts";
import { startTestIndexer } from "../support/indexer.ts";
import { capturePublic } from "../support/public-screens.ts";
import type { TestSystem } from "../support/system.ts";

const COUNT_NAMES = [
  "invited",
  "claimed",
  "committed",
  "revealed",
  "absent",
  "recused",
] as const;

/** Reads the round's counters from the registry and derives the shown counts. */
async function contractCounts(system: TestSystem, roundId: bigint) {
  const client = createPublicClient({
    chain: defineChain({
      id: system.chainId,
      name: "test",
      nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
      rpcUrls: { default: { http: [system.rpcUrl] } },
    }),
    transport: http(system.rpcUrl),
  });
  const status = await client.readContract({
    address: system.registry as Address,
    abi: evaluationRegistryAbi,
    functionName: "getRound",
    args: [roundId],
  });
  return {
    invited: status.seats,
    claimed: status.claimed,
    committed: status.committed,
    revealed: status.revealed,
    absent:
      status.closedAt === 0n
        ? 0
        : status.seats - status.committed - status.recused,
    recused: status.recused,
  };
}

/** Reads the attendance counts the page shows, by name. */
async function shownCounts(page: Page) {
  const shown: Record<string, number> = {};
  for (const name of COUNT_NAMES) {
    const value = await page
      .locator(`.attendance [data-count=${name}]`)
      .getAttribute("data-value");
    shown[name] = Number(value);
  }
  return shown;
}

/**
 * Runs a real indexer beside the system, finishes the PSAT round from
 * Node as five tablets would, and follows the public pages. The round
 * first shows its winner read from the indexer. While the indexer is 30 s
 * of block time behind, and after it is killed, the page shows why it
 * reads the chain and still shows the winner. The counts on the page equal
 * the registry's counters every time.
 */
export async function publicIndexer(system: TestSystem, browser: TestBrowser) {
  const running = await startTestIndexer(system);
  try {
    const psat = await readCase("case-psat-2023-q18");
    const session = {
      connection: await connectRpc(system.rpcUrl),
      registry: system.registry as Address,
    };
    const admin = privateKeyToAccount(system.adminKey);
    const round = await RoundDriver.create(session, admin, {
      ...psat,
      title: `${psat.title} (indexer)`,
      reference: `${psat.reference}-INDEXER`,
    });
    const sheets = caseSheets(psat);
    for (let seat = 0; seat < psat.evaluators; seat++) {
      await round.claim(seat);
      await round.commit(seat, sheets[seat]);
    }
    // The last commit closed scoring; the last reveal finalises the round.
    for (let seat = 0; seat < psat.evaluators; seat++) {
      await round.reveal(seat);
    }
    const winner = psat.expected!.winner!;
    const expected = await contractCounts(system, round.roundId);

    const { page } = await browser.newTablet();
    await page.goto(
      new URL(
        `#/r/${system.chainId}/${system.registry}/${round.roundId}`,
        system.appUrl,
      ).toString(),
    );
    await page
      .locator(".source-note[data-source=indexer]")
      .waitFor({ timeout: 30_000 });
    await page.getByText("출처: 인덱서").waitFor();
    await page.getByText(`우선협상대상자: ${winner}`).waitFor();
    assert.deepEqual(await shownCounts(page), expected);
    assert.equal(
      await page.locator(".source-note [data-differed]").count(),
      0,
      "the indexer agrees with the contract",
    );
    await capturePublic(page, "public-indexer-round");

    await page.getByRole("link", { name: "모든 평가 회차 보기" }).click();
    await page
      .locator(".source-note[data-source=indexer]")
      .waitFor({ timeout: 30_000 });
    const item = page.locator("li", {
      has: page.getByRole("link", {
        name: `${psat.title} (indexer) (${psat.reference}-INDEXER)`,
      }),
    });
    await item.getByText(`우선협상대상자: ${winner}`).waitFor();
    await capturePublic(page, "public-indexer-rounds");

    await item.getByRole("link").click();
    // The list has a source note too, so wait for the round page first.
    await page
      .getByRole("heading", { name: "체인에 기록된 단계" })
      .waitFor({ timeout: 30_000 });
    await page
      .locator(".source-note[data-source=indexer]")
      .waitFor({ timeout: 30_000 });

    // The indexer stops receiving blocks while the chain's clock moves 30 s
    // on: it still serves GraphQL, but from a block too old to show.
    running.relay.pause();
    await advanceChainTime(system.rpcUrl, 30);
    await page
      .locator(".source-note[data-source=chain]")
      .waitFor({ timeout: 30_000 });
    await page
      .getByText(/인덱서가 \d+초 뒤처져 있어 체인에서 직접 읽습니다\./)
      .waitFor();
    await page.getByText(`우선협상대상자: ${winner}`).waitFor();
    assert.deepEqual(await shownCounts(page), expected);
    await capturePublic(page, "public-indexer-behind");
    running.relay.resume();
    await page
      .locator(".source-note[data-source=indexer]")
      .waitFor({ timeout: 30_000 });
    const killed = running.indexer.pid;
    process.kill(killed, "SIGKILL");
    assert.equal(await running.indexer.exited, "SIGKILL");

    await page
      .locator(".source-note[data-source=chain]")
      .waitFor({ timeout: 30_000 });
    await page
      .getByText("인덱서가 응답하지 않아 체인에서 직접 읽습니다.")
      .waitFor();
    await page.getByText("출처: 체인 직접 조회").waitFor();
    await page.getByText(`우선협상대상자: ${winner}`).waitFor();
    assert.deepEqual(await shownCounts(page), expected);
    await capturePublic(page, "public-indexer-fallback");

    // Verify reads raw chain events only, so it passes without the indexer.
    await page
      .getByRole("button", { name: "체인에서 다시 계산하여 검증" })
      .click();
    await page
      .getByText("모든 검사를 통과했습니다.")
      .waitFor({ timeout: 30_000 });

    // Only the hash changes to a round still in scoring: nothing of the
    // final round (scores, timeline, Verify) may stay on its page.
    const scoring = await RoundDriver.create(session, admin, {
      ...psat,
      title: `${psat.title} (scoring)`,
      reference: `${psat.reference}-SCORING`,
    });
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, `#/r/${system.chainId}/${system.registry}/${scoring.roundId}`);
    await page
      .getByRole("heading", { name: "좌석별 진행 상황" })
      .waitFor({ timeout: 30_000 });
    await page.getByText(/아직 확정되지 않았습니다 \(채점 중\)/).waitFor();
    // Longer than the page's 2 s refresh, so a late read would show.
    await page.waitForTimeout(3_000);
    for (const heading of [
      "체인에 기록된 단계",
      "평가위원별 합계 점수",
      "검증",
    ]) {
      assert.equal(
        await page.getByRole("heading", { name: heading }).count(),
        0,
        `no "${heading}" on the scoring round`,
      );
    }

    // A link naming another chain id shows the mismatch and no round.
    await page.evaluate(
      (hash) => {
        window.location.hash = hash;
      },
      `#/r/${system.chainId + 1}/${system.registry}/${round.roundId}`,
    );
    await page
      .getByRole("heading", { name: "다른 체인의 링크입니다" })
      .waitFor({ timeout: 15_000 });
    assert.equal(
      await page
        .getByRole("button", { name: "체인에서 다시 계산하여 검증" })
        .count(),
      0,
      "Verify is not offered for another chain",
    );
  } finally {
    await running.stop();
  }
}
