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
 * Runs the PSAT 2023 case end to end. The administrator creates the round
 * with the form, and five isolated browser contexts act as five tablets:
 * one reloads mid-sheet and one goes offline before submitting. Every
 * tablet reveals by itself, and the console shows the winner.
 */
export async function psatRound(
  system: TestSystem,
  browser: TestBrowser,
  admin: Page,
  round: CaseFile,
) {
  const { page: stranger } = await browser.newTablet();
  await stranger.goto(new URL("#/admin", system.appUrl).toString());
  await stranger.getByRole("heading", { name: "관리자 로그인" }).waitFor();
  await captureScreen(stranger, "admin-signin");
  await stranger.goto(new URL("#/", system.appUrl).toString());
  await captureScreen(stranger, "home");
  await stranger.goto(new URL("#/e/1337/0x12/1/0", system.appUrl).toString());
  await stranger
    .getByRole("heading", { name: "올바르지 않은 링크입니다" })
    .waitFor();
  await captureScreen(stranger, "tablet-invalid-link");
  const someKey = `0x${"5a".repeat(32)}`;
  await stranger.goto(
    new URL(
      `#/e/1/${system.registry}/1/0/${someKey}`,
      system.appUrl,
    ).toString(),
  );
  await stranger
    .getByRole("heading", { name: "다른 체인에 연결되어 있습니다" })
    .waitFor();
  await captureScreen(stranger, "tablet-wrong-chain");
  await stranger.goto(
    new URL(
      `#/e/1337/${system.registry}/99/0/${someKey}`,
      system.appUrl,
    ).toString(),
  );
  await stranger
    .getByRole("heading", { name: "평가 회차를 찾을 수 없습니다" })
    .waitFor();
  await captureScreen(stranger, "tablet-round-not-found");

  await admin.goto(new URL("#/admin", system.appUrl).toString());
  await admin.getByRole("heading", { name: "평가 회차" }).waitFor();
  await captureScreen(admin, "admin-rounds");

  await admin.goto(new URL("#/admin/new", system.appUrl).toString());
  await admin.getByRole("button", { name: "회차 만들기" }).click();
  const formErrors = admin.getByRole("alert").filter({ hasText: "고칠 곳이" });
  await formErrors.waitFor();
  assert.equal(
    await admin.getByLabel("사업명").getAttribute("aria-invalid"),
    "true",
  );
  const summary = (await formErrors.textContent()) ?? "";
  assert.ok(
    summary.includes("사업명 (title): 비어 있습니다. 값을 입력하세요."),
    `the form errors are in Korean: ${summary}`,
  );
  assert.doesNotMatch(summary, /must|missing|is not/);
  await captureScreen(admin, "admin-form-errors");

  const roundId = await createRoundWithForm(admin, round);
  await admin
    .getByRole("heading", { name: "보관 키를 안전한 곳에 저장하세요" })
    .waitFor();
  await captureScreen(admin, "admin-escrow-key");
  const [download] = await Promise.all([
    admin.waitForEvent("download"),
    admin.getByRole("button", { name: "키 파일 내려받기" }).click(),
  ]);
  assert.equal(
    download.suggestedFilename(),
    `jurybox-round-${roundId}-escrow-key.json`,
  );
  await admin.getByRole("button", { name: "저장했습니다" }).click();
  await captureScreen(admin, "admin-round-created");

  const urls = await readTabletUrls(admin, roundId);
  assert.equal(urls.length, round.evaluators);
  await captureScreen(admin, "admin-labels");
  await admin.goto(
    new URL(`#/admin/round/${roundId}`, system.appUrl).toString(),
  );

  const tablets = [];
  for (const url of urls) tablets.push(await browser.newTablet());

  // Seat 1: the pledge, then the sheet, with a rejected value on the way.
  const first = tablets[0].page;
  await first.goto(urls[0]);
  await first.getByRole("heading", { name: "평가위원 서약" }).waitFor();
  assert.ok(
    !first.url().includes(urls[0].split("/").pop()!),
    "the invite key leaves the address bar",
  );
  await captureScreen(first, "tablet-pledge");
  const pledgeButton = first.getByRole("button", {
    name: "서약에 서명하고 평가 시작",
  });
  assert.equal(
    await pledgeButton
      .getAttribute("aria-describedby")
      .then((id) => first.locator(`[id="${id}"]`).textContent()),
    "아래 버튼을 누르면 위 서약 내용에 동의하여 서명한 것으로 좌석에 기록됩니다.",
    "the pledge button says that pressing it signs the pledge",
  );
  await pledgeButton.click();
  await first.getByRole("heading", { name: "평가표" }).waitFor();
  await first
    .getByRole("tabpanel")
    .getByRole("textbox", { name: /점수/ })
    .fill("80.001");
  await first
    .getByRole("alert")
    .filter({ hasText: "소수점 둘째 자리까지만" })
    .waitFor();
  await first
    .getByRole("tabpanel")
    .getByRole("textbox", { name: /점수/ })
    .fill("81");
  await first
    .getByRole("alert")
    .filter({ hasText: "배점 80점을 넘을 수 없습니다" })
    .waitFor();
  await captureScreen(first, "tablet-sheet-invalid");

  await admin.waitForFunction(
    () =>
      document
        .querySelector('tr[data-seat="0"]')
        ?.getAttribute("data-state") === "claimed",
    undefined,
    { timeout: 5_000 },
  );

  // The QR code of a claimed seat does not work on another tablet.
  const { page: intruder } = await browser.newTablet();
  await intruder.goto(urls[0]);
  await intruder
    .getByRole("heading", { name: "이미 사용된 QR 코드입니다" })
    .waitFor({ timeout: 15_000 });
  await captureScreen(intruder, "tablet-invite-used");

  for (const [seat, { page }] of tablets.entries()) {
    if (seat > 0) await claimSeat(page, urls[seat]);
    const sheet = round.sheets[seat].scores;
    for (const [bidder, scores] of sheet.entries()) {
      await scoreBidder(page, bidder, scores);
      if (seat === 1 && bidder === 1) {
        // A reload mid-sheet keeps the draft.
        await page.reload();
        await page.getByRole("heading", { name: "평가표" }).waitFor();
        await page.getByRole("tab").nth(1).click();
        const kept = await page
          .getByRole("tabpanel")
          .getByRole("textbox", { name: /점수/ })
          .inputValue();
        assert.equal(kept, String(scores[0]), "the draft survives a reload");
      }
    }
    if (seat === 0) {
      await page.getByRole("textbox", { name: /의견/ }).fill("발표가 명확함");
      await captureScreen(page, "tablet-sheet");
      await page.getByRole("button", { name: "검토하기" }).click();
      await captureScreen(page, "tablet-review");
      await page.getByRole("button", { name: "서명하고 제출" }).click();
      await page.getByRole("dialog").waitFor();
      await captureScreen(page, "tablet-confirm");
      await page
        .getByRole("dialog")
        .getByRole("button", { name: "제출" })
        .click();
      // "Submitted" appears once the chain has the commitment.
      await page
        .getByRole("heading", { name: "제출했습니다" })
        .waitFor({ timeout: 15_000 });
      await page
        .getByText("체인에 기록되었습니다")
        .waitFor({ timeout: 15_000 });
      await captureScreen(page, "tablet-waiting");
      await admin.waitForFunction(
        () =>
          document
            .querySelector('tr[data-seat="0"]')
            ?.getAttribute("data-state") === "committed",
        undefined,
        { timeout: 5_000 },
      );
      await captureScreen(admin, "admin-progress");
    } else if (seat === 2) {
      // Offline before submitting: the sheet is queued, then sent when back.
      await tablets[seat].context.setOffline(true);
      // Reopened without a network, the page comes from the service
      // worker's cache and the sheet from IndexedDB.
      await page.reload();
      await page
        .getByRole("heading", { name: "평가표" })
        .waitFor({ timeout: 15_000 });
      await page
        .getByText("서버에 연결할 수 없습니다")
        .waitFor({ timeout: 15_000 });
      await page.getByRole("tab").nth(4).click();
      assert.equal(
        await page
          .getByRole("tabpanel")
          .getByRole("textbox", { name: /점수/ })
          .inputValue(),
        String(sheet[4][0]),
        "the draft is there after an offline reload",
      );
      await submitSheet(page);
      await page
        .getByText("서버 연결 대기 중")
        .first()
        .waitFor({ timeout: 15_000 });
      await captureScreen(page, "tablet-offline-queued");
      assert.equal(
        await seatState(admin, 2),
        "claimed",
        "nothing reached the chain while offline",
      );
      await tablets[seat].context.setOffline(false);
      await page
        .getByText("체인에 기록되었습니다")
        .waitFor({ timeout: 20_000 });
    } else {
      await submitSheet(page);
    }
  }

  // The last commit closes scoring; every tablet reveals without a tap.
  for (const { page } of tablets) {
    await page
      .getByRole("heading", { name: "평가 결과" })
      .waitFor({ timeout: 30_000 });
  }
  await captureScreen(tablets[0].page, "tablet-result");
  await admin
    .getByText(`우선협상대상자: ${round.expected!.winner}`)
    .waitFor({ timeout: 10_000 });
  await captureScreen(admin, "admin-result");
  for (let seat = 0; seat < round.evaluators; seat += 1) {
    assert.equal(await seatState(admin, seat), "revealed");
  }
  const winnerText = await tablets[3].page.locator(".winner").innerText();
  assert.equal(winnerText, `우선협상대상자: ${round.expected!.winner}`);

  // Anyone can open the public page and recompute the result from the chain.
  const { page: verifier } = await browser.newTablet();
  await verifier.goto(
    new URL(`#/r/1337/${system.registry}/${roundId}`, system.appUrl).toString(),
  );
  await verifier
    .getByText(`우선협상대상자: ${round.expected!.winner}`)
    .waitFor({ timeout: 15_000 });
  await verifier
    .getByRole("heading", { name: "평가위원별 합계 점수" })
    .waitFor();
  await verifier
    .getByRole("button", { name: "체인에서 다시 계산하여 검증" })
    .click();
  await verifier
    .getByText("모든 검사를 통과했습니다.")
    .waitFor({ timeout: 15_000 });
  const checks = await verifier
    .locator(".checks > li")
    .evaluateAll((items) => items.map((item) => item.getAttribute("data-ok")));
  // core/verify runs eleven checks, listed in docs/VERIFY.md.
  assert.equal(checks.length, 11);
  assert.ok(checks.every((ok) => ok === "true"));
  await captureScreen(verifier, "public-result-verified");
}
