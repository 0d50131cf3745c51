import type { Page } from "playwright-core";

/** A published case: a round file with one sheet per seat. */
export interface CaseFile {
  title: string;
  reference: string;
  rules: { priceFormula: string; version: string };
  criteria: { name: string; maxPoints: number; kind: string }[];
  bidders: { name: string; priceScore?: number; bidPrice?: string }[];
  evaluators: number;
  sheets: { scores: number[][]; comments?: string[] }[];
  expected?: { winner: string | null };
}

/** Returns a `datetime-local` value in KST, `hours` from now. */
export function kstLocalIn(hours: number): string {
  return new Date(Date.now() + (9 + hours) * 3600_000)
    .toISOString()
    .slice(0, 16);
}

/** Opens the one-time sign-in link and waits for the round list. */
export async function signIn(page: Page, signInUrl: string): Promise<void> {
  await page.goto(signInUrl);
  await page.getByRole("heading", { name: "평가 회차" }).waitFor();
}

/**
 * Fills the one-form round editor with a case's round (given price scores,
 * qualitative criteria only) and creates it. Returns the new round id.
 */
export async function createRoundWithForm(
  page: Page,
  round: CaseFile,
  seats = round.evaluators,
  minEvaluators?: number,
): Promise<bigint> {
  await page.goto(new URL("#/admin/new", page.url()).toString());
  await page.getByRole("heading", { name: "새 회차" }).waitFor();
  await page.getByLabel("사업명").fill(round.title);
  await page.getByLabel("공고 번호").fill(round.reference);
  await page
    .getByLabel("가격 점수", { exact: true })
    .selectOption(round.rules.priceFormula);
  await page.getByLabel("규칙 버전").fill(round.rules.version);
  await page.getByLabel("항목 1 이름").fill(round.criteria[0].name);
  await page
    .getByLabel("항목 1 배점")
    .fill(String(round.criteria[0].maxPoints));
  // The form starts with two bidders.
  for (let index = 2; index < round.bidders.length; index += 1) {
    await page.getByRole("button", { name: "제안사 추가" }).click();
  }
  for (const [index, bidder] of round.bidders.entries()) {
    await page.getByLabel(`제안사 ${index + 1} 이름`).fill(bidder.name);
    await page
      .getByLabel(`제안사 ${index + 1} 가격 점수`)
      .fill(String(bidder.priceScore));
  }
  await page.getByLabel("평가위원 좌석 수").fill(String(seats));
  if (minEvaluators !== undefined) {
    await page.getByLabel("최소 평가위원 수").fill(String(minEvaluators));
  }
  await page.getByLabel("채점 마감", { exact: true }).fill(kstLocalIn(2));
  await page.getByRole("button", { name: "회차 만들기" }).click();
  const problems = page.locator(".error-summary, .field-error");
  await Promise.race([
    page.waitForURL(/#\/admin\/round\/\d+$/, { timeout: 30_000 }),
    problems
      .first()
      .waitFor({ timeout: 30_000 })
      .then(async () => {
        throw new Error(
          `the form was rejected: ${await problems.allInnerTexts()}`,
        );
      }),
  ]);
  return BigInt(page.url().split("/").pop()!);
}

/** Reads each seat's tablet link from the printable label page. */
export async function readTabletUrls(
  page: Page,
  roundId: bigint,
): Promise<string[]> {
  await page.goto(
    new URL(`#/admin/round/${roundId}/labels`, page.url()).toString(),
  );
  await page.getByRole("heading", { name: "좌석 QR 코드" }).waitFor();
  await page.locator('ul.labels[aria-busy="false"]').waitFor();
  return page
    .locator(".label img")
    .evaluateAll((nodes) =>
      nodes.map((node) => node.getAttribute("data-url")!),
    );
}

/** Reads the state that the admin's progress table shows for a seat. */
export function seatState(page: Page, seat: number) {
  return page.locator(`tr[data-seat="${seat}"]`).getAttribute("data-state");
}
