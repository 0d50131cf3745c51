import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";

import type { Page } from "playwright-core";

import type { TestBrowser } from "../support/browser.ts";
import { createRoundWithForm, type CaseFile } from "../support/admin.ts";
import { capturePublic } from "../support/public-screens.ts";
import type { TestSystem } from "../support/system.ts";

/** Clicks a download button and returns the file's name and text. */
async function download(page: Page, button: string) {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: button }).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(path, "utf8") };
}

/**
 * Follows the public pages after the PSAT round has finished: the home
 * page links to the round list, which shows a round still in scoring with
 * its counts and the PSAT round with its winner. The PSAT round's page
 * offers the three downloads, and Verify passes every check.
 */
export async function publicPages(
  system: TestSystem,
  browser: TestBrowser,
  admin: Page,
  psat: CaseFile,
) {
  const open: CaseFile = {
    ...psat,
    title: `${psat.title} (public)`,
    reference: `${psat.reference}-PUBLIC`,
    evaluators: 3,
  };
  const openId = await createRoundWithForm(admin, open, 3, 3);
  await admin.getByRole("button", { name: "저장했습니다" }).click();

  const { page } = await browser.newTablet();
  await page.goto(new URL("#/", system.appUrl).toString());
  await page.getByRole("link", { name: "공개된 평가 회차 보기" }).click();
  await page.getByRole("heading", { name: "평가 회차 목록" }).waitFor();
  const openSection = page.locator("section", {
    has: page.getByRole("heading", { name: "진행 중" }),
  });
  const openItem = openSection.locator("li", {
    has: page.getByRole("link", {
      name: `${open.title} (${open.reference})`,
      exact: true,
    }),
  });
  await openItem.waitFor({ timeout: 15_000 });
  await openItem
    .getByText("좌석 3 · 등록 0 · 제출 0 · 공개 0 · 회피 0")
    .waitFor();
  const doneSection = page.locator("section", {
    has: page.getByRole("heading", { name: "확정" }),
  });
  const psatItem = doneSection.locator("li", {
    has: page.getByRole("link", {
      name: `${psat.title} (${psat.reference})`,
      exact: true,
    }),
  });
  await psatItem
    .getByText(`우선협상대상자: ${psat.expected!.winner}`)
    .waitFor();
  await capturePublic(page, "public-rounds");

  await page
    .getByRole("link", { name: `${open.title} (${open.reference})` })
    .click();
  await page.getByRole("heading", { name: "좌석별 진행 상황" }).waitFor();
  assert.equal(await page.locator("[data-state=invited]").count(), 3);
  assert.equal(
    await page.getByRole("heading", { name: "평가위원별 합계 점수" }).count(),
    0,
    "no score is shown while scoring",
  );
  assert.ok(openId > 0n);
  await capturePublic(page, "public-round-scoring");

  await page.getByRole("link", { name: "모든 평가 회차 보기" }).click();
  await psatItem.getByRole("link").click();
  // The list also names winners, so wait for the round page first.
  await page
    .getByRole("heading", { name: "체인에 기록된 단계" })
    .waitFor({ timeout: 15_000 });
  await page.getByText(`우선협상대상자: ${psat.expected!.winner}`).waitFor();
  await page.getByText("평가위원 E").first().waitFor();
  const roundId = /\/(\d+)$/.exec(page.url())![1];

  const json = await download(page, "평가 기록 (JSON)");
  assert.equal(json.name, `jurybox-round-${roundId}.json`);
  const record = JSON.parse(json.text);
  assert.equal(record.format, "jurybox-evaluation-record");
  assert.equal(record.roundId, roundId);
  assert.equal(record.reveals.length, psat.evaluators);
  const csv = await download(page, "점수 (CSV)");
  assert.equal(csv.name, `jurybox-round-${roundId}-scores.csv`);
  assert.ok(csv.text.startsWith("seat,seatIndex,bidder,criterion,score,comment\r\n"));
  const ocds = await download(page, "OCDS 릴리스 (JSON)");
  assert.equal(ocds.name, `jurybox-round-${roundId}-ocds.json`);
  assert.deepEqual(JSON.parse(ocds.text).tag, ["award"]);

  await page
    .getByRole("button", { name: "체인에서 다시 계산하여 검증" })
    .click();
  await page
    .getByText("모든 검사를 통과했습니다.")
    .waitFor({ timeout: 20_000 });
  const checks = await page
    .locator(".checks > li")
    .evaluateAll((items) =>
      items.map((item) => [
        item.getAttribute("data-check"),
        item.getAttribute("data-ok"),
      ]),
    );
  assert.deepEqual(
    checks.map(([id]) => id),
    [
      "finalized",
      "sequence",
      "claims-signed",
      "pledges-signed",
      "sheets-signed",
      "recusals-signed",
      "reveals-match",
      "lottery-seed",
      "tally",
      "counts",
      "escrow",
    ],
  );
  for (const [id, ok] of checks) assert.equal(ok, "true", `check ${id}`);
  await page.getByText("결과가 공개된 평가표로 다시 계산한").waitFor();
  await capturePublic(page, "public-round-verified");
}
