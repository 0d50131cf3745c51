import assert from "node:assert/strict";

import type { Page } from "playwright-core";

import type { TestBrowser } from "../support/browser.ts";
import {
  createRoundWithForm,
  readTabletUrls,
  seatState,
  type CaseFile,
} from "../support/admin.ts";
import { captureScreen } from "../support/screens.ts";
import type { TestSystem } from "../support/system.ts";
import { claimSeat, scoreBidder, submitSheet } from "../support/tablet.ts";

/**
 * One evaluator recuses, another edits a submitted sheet (a re-commit),
 * the administrator reissues the third seat's QR code and then cancels the
 * round, and the tablets show it.
 */
export async function recuseEditCancel(
  system: TestSystem,
  browser: TestBrowser,
  admin: Page,
  psat: CaseFile,
) {
  const round: CaseFile = {
    ...psat,
    title: `${psat.title} (cancel)`,
    reference: `${psat.reference}-CANCEL`,
    evaluators: 3,
  };
  const roundId = await createRoundWithForm(admin, round, 3, 3);
  await admin.getByRole("button", { name: "저장했습니다" }).click();
  const urls = await readTabletUrls(admin, roundId);
  await admin.goto(
    new URL(`#/admin/round/${roundId}`, system.appUrl).toString(),
  );

  const recusing = await browser.newTablet({ width: 800, height: 1280 });
  await claimSeat(recusing.page, urls[0]);
  await admin.waitForFunction(
    () =>
      document
        .querySelector('tr[data-seat="0"]')
        ?.getAttribute("data-state") === "claimed",
    undefined,
    { timeout: 10_000 },
  );
  await recusing.page.getByRole("button", { name: "회피 신청" }).click();
  await recusing.page.getByRole("heading", { name: "회피 신청" }).waitFor();
  await recusing.page.getByRole("button", { name: "회피 신청" }).click();
  await recusing.page
    .getByRole("alert")
    .filter({ hasText: "사유를 입력하세요" })
    .waitFor();
  await captureScreen(recusing.page, "tablet-recuse");
  await recusing.page
    .getByLabel("사유")
    .fill("제안사 1과 최근 3년 내 용역 관계");
  await recusing.page.getByRole("button", { name: "회피 신청" }).click();
  await recusing.page
    .getByRole("heading", { name: "회피 신청이 기록되었습니다" })
    .waitFor({ timeout: 15_000 });
  await captureScreen(recusing.page, "tablet-recused");
  assert.equal(await seatState(admin, 0), "recused");

  const editing = await browser.newTablet();
  await claimSeat(editing.page, urls[1]);
  for (const [bidder, scores] of psat.sheets[1].scores.entries()) {
    await scoreBidder(editing.page, bidder, scores);
  }
  await submitSheet(editing.page);
  await editing.page
    .getByText("체인에 기록되었습니다")
    .waitFor({ timeout: 15_000 });
  const firstCommit = await admin
    .locator('tr[data-seat="1"] td')
    .nth(3)
    .innerText();

  await editing.page.getByRole("button", { name: "평가표 수정" }).click();
  await editing.page.getByText("제출된 평가표를 수정 중입니다").waitFor();
  await captureScreen(editing.page, "tablet-editing-submitted");
  await scoreBidder(editing.page, 0, [70.5]);
  await submitSheet(editing.page);
  await editing.page
    .getByText("체인에 기록되었습니다")
    .waitFor({ timeout: 15_000 });
  await admin.waitForFunction(
    (before) =>
      document.querySelectorAll('tr[data-seat="1"] td')[3]?.textContent !==
      before,
    firstCommit,
    { timeout: 10_000 },
  );

  // Seat 3's QR is reissued: the old code no longer works, the new one does.
  await admin.getByRole("button", { name: "좌석 3 QR 재발급" }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "확인" }).click();
  await admin
    .getByRole("link", { name: "좌석 3의 새 QR 코드 인쇄" })
    .waitFor({ timeout: 15_000 });
  const reissued = await readTabletUrls(admin, roundId);
  assert.equal(reissued.length, 1, "only seat 3 still has a code to print");
  assert.notEqual(reissued[0], urls[2]);
  await admin.goto(
    new URL(`#/admin/round/${roundId}`, system.appUrl).toString(),
  );
  // The old code of a reissued seat is reported as replaced, not as used.
  const stale = await browser.newTablet();
  await stale.page.goto(urls[2]);
  await stale.page
    .getByRole("heading", { name: "다시 발급되어 쓸 수 없는 QR 코드입니다" })
    .waitFor({ timeout: 15_000 });
  const fresh = await browser.newTablet();
  await claimSeat(fresh.page, reissued[0]);

  await admin.getByRole("button", { name: "회차 취소" }).click();
  const dialog = admin.getByRole("dialog");
  assert.equal(
    await dialog.getByRole("button", { name: "확인" }).isDisabled(),
    true,
  );
  await dialog.getByLabel("취소 사유").fill("입찰 공고 정정");
  await captureScreen(admin, "admin-cancel");
  await dialog.getByRole("button", { name: "확인" }).click();
  await admin
    .getByText("취소 사유: 입찰 공고 정정")
    .waitFor({ timeout: 15_000 });
  await editing.page
    .getByRole("heading", { name: "평가가 취소되었습니다" })
    .waitFor({ timeout: 10_000 });
  await editing.page.getByText("입찰 공고 정정").waitFor();
  await captureScreen(editing.page, "tablet-cancelled");
}
