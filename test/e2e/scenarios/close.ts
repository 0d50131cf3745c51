import assert from "node:assert/strict";

import type { Page } from "playwright-core";

import type { TestBrowser } from "../support/browser.ts";
import {
  createRoundWithForm,
  readTabletUrls,
  seatState,
  type CaseFile,
} from "../support/admin.ts";
import { advanceChainTime } from "../support/chain.ts";
import { captureScreen } from "../support/screens.ts";
import type { TestSystem } from "../support/system.ts";
import { claimSeat, scoreBidder, submitSheet } from "../support/tablet.ts";

/**
 * Closes scoring after the deadline with one seat absent. Three of four
 * tablets commit and one of those is then lost. After the close two
 * tablets reveal by themselves and the absent seat's tablet shows that
 * scoring is closed. The administrator finishes with an escrow reveal.
 */
export async function closeAfterDeadline(
  system: TestSystem,
  browser: TestBrowser,
  admin: Page,
  psat: CaseFile,
) {
  const round: CaseFile = {
    ...psat,
    title: `${psat.title} (close)`,
    reference: `${psat.reference}-CLOSE`,
    evaluators: 4,
  };
  const roundId = await createRoundWithForm(admin, round, 4, 3);
  await admin.getByRole("button", { name: "저장했습니다" }).click();
  const urls = await readTabletUrls(admin, roundId);
  await admin.goto(
    new URL(`#/admin/round/${roundId}`, system.appUrl).toString(),
  );

  const tablets = [];
  for (const [seat, url] of urls.entries()) {
    const tablet = await browser.newTablet();
    tablets.push(tablet);
    await claimSeat(tablet.page, url);
    if (seat === 3) break;
    for (const [bidder, scores] of psat.sheets[seat].scores.entries()) {
      await scoreBidder(tablet.page, bidder, scores);
    }
    await submitSheet(tablet.page);
    await tablet.page
      .getByText("체인에 기록되었습니다")
      .waitFor({ timeout: 15_000 });
  }
  await tablets[2].context.close();

  const close = admin.getByRole("button", { name: "채점 마감", exact: true });
  assert.equal(
    await close.isDisabled(),
    true,
    "scoring cannot close before the deadline",
  );
  await advanceChainTime(system.rpcUrl, 3 * 3600);
  await admin.waitForFunction(
    () => {
      const button = Array.from(document.querySelectorAll("button")).find(
        (element) => element.textContent === "채점 마감",
      );
      return button !== undefined && !button.disabled;
    },
    undefined,
    { timeout: 10_000 },
  );
  await close.click();
  await admin.getByRole("dialog").getByRole("button", { name: "확인" }).click();
  await admin.getByText("제출 3, 불참 1").waitFor({ timeout: 15_000 });

  const absent = tablets[3].page;
  await absent
    .getByRole("heading", { name: "채점이 마감되었습니다" })
    .waitFor({ timeout: 15_000 });
  await captureScreen(absent, "tablet-scoring-closed");
  for (const { page } of tablets.slice(0, 2)) {
    await page.getByText(/평가표를 공개했습니다/).waitFor({ timeout: 20_000 });
  }
  await captureScreen(tablets[0].page, "tablet-revealed-waiting");
  assert.equal(await seatState(admin, 2), "committed");

  await admin.getByRole("button", { name: "좌석 3 보관본으로 공개" }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "확인" }).click();
  await admin
    .getByRole("heading", { name: "결과" })
    .waitFor({ timeout: 20_000 });
  await absent
    .getByRole("heading", { name: "평가 결과" })
    .waitFor({ timeout: 15_000 });
}
