import type { Page } from "playwright-core";

/** Opens a seat link, signs the pledge, and waits for the sheet. */
export async function claimSeat(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page
    .getByRole("heading", { name: "평가위원 서약" })
    .waitFor({ timeout: 20_000 });
  await page.getByRole("button", { name: "서약에 서명하고 평가 시작" }).click();
  await page.getByRole("heading", { name: "평가표" }).waitFor();
}

/** Types one bidder's scores (one per qualitative criterion) on its tab. */
export async function scoreBidder(
  page: Page,
  bidder: number,
  scores: number[],
): Promise<void> {
  await page.getByRole("tab").nth(bidder).click();
  const fields = page
    .getByRole("tabpanel")
    .getByRole("textbox", { name: /점수/ });
  for (const [index, score] of scores.entries()) {
    await fields.nth(index).fill(String(score));
  }
}

/**
 * Reviews the sheet, signs it once and waits for the waiting screen, whose
 * heading reads "submitted" only once the chain has the commitment.
 */
export async function submitSheet(page: Page): Promise<void> {
  await page.getByRole("button", { name: "검토하기" }).click();
  await page.getByRole("heading", { name: "평가표 검토" }).waitFor();
  await page.getByRole("button", { name: "서명하고 제출" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "제출" }).click();
  await page.locator(".waiting").waitFor();
}
