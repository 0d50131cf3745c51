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
 * A tablet is lost after committing: the other tablets reveal by
 * themselves, and the administrator reveals the lost seat's sheet from its
 * escrow copy, which finalises the round.
 */
export async function escrowReveal(
  system: TestSystem,
  browser: TestBrowser,
  admin: Page,
  psat: CaseFile,
) {
  const seats = 3;
  const round: CaseFile = {
    ...psat,
    title: `${psat.title} (escrow)`,
    reference: `${psat.reference}-ESCROW`,
    evaluators: seats,
  };
  const roundId = await createRoundWithForm(admin, round, seats, seats);
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
    for (const [bidder, scores] of psat.sheets[seat].scores.entries()) {
      await scoreBidder(tablet.page, bidder, scores);
    }
    await submitSheet(tablet.page);
    if (seat === 0) {
      await tablet.page
        .getByText("체인에 기록되었습니다")
        .waitFor({ timeout: 15_000 });
      // The tablet is lost: nothing of it runs any more.
      await tablet.context.close();
    }
  }

  for (const { page } of tablets.slice(1)) {
    await page.getByText(/평가표를 공개했습니다/).waitFor({ timeout: 30_000 });
  }
  const reveal = admin.getByRole("button", { name: "좌석 1 보관본으로 공개" });
  await reveal.waitFor({ timeout: 10_000 });
  assert.equal(await seatState(admin, 0), "committed");
  await captureScreen(admin, "admin-escrow-reveal");
  await reveal.click();
  await admin.getByRole("dialog").waitFor();
  await admin.getByRole("dialog").getByRole("button", { name: "확인" }).click();
  await admin
    .getByRole("heading", { name: "결과" })
    .waitFor({ timeout: 20_000 });
  assert.equal(await seatState(admin, 0), "revealed");
  await admin.locator(".winner").waitFor();
  for (const { page } of tablets.slice(1)) {
    await page
      .getByRole("heading", { name: "평가 결과" })
      .waitFor({ timeout: 15_000 });
  }
}
