import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";

import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";

const FOLDER = fileURLToPath(new URL("../screenshots/", import.meta.url));
const SIZES = [
  { name: "landscape", width: 1280, height: 800 },
  { name: "portrait", width: 800, height: 1280 },
];

/** Serious and critical axe violations found on each captured screen. */
export const accessibilityFindings: string[] = [];
export let screensCaptured = 0;

async function setLanguage(page: Page, language: "ko" | "en"): Promise<void> {
  const name = language === "ko" ? "한국어" : "English";
  // A modal's backdrop covers the header, so the click is dispatched on the button itself.
  await page
    .getByRole("group", { name: /언어|Language/ })
    .getByRole("button", { name })
    .dispatchEvent("click");
  await page.locator(`html[lang="${language}"]`).waitFor();
}

/**
 * Screenshots the current screen at 1280×800 and 800×1280 in Korean and
 * English into test/e2e/screenshots/, and checks each language with
 * axe-core. The page is left in Korean at its first size.
 */
export async function captureScreen(page: Page, name: string): Promise<void> {
  await mkdir(FOLDER, { recursive: true });
  const original = page.viewportSize();
  for (const language of ["ko", "en"] as const) {
    await setLanguage(page, language);
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.screenshot({
        path: `${FOLDER}${name}.${language}.${size.name}.png`,
        fullPage: true,
      });
    }
    const result = await new AxeBuilder({ page }).analyze();
    for (const violation of result.violations) {
      if (violation.impact === "serious" || violation.impact === "critical") {
        const targets = violation.nodes
          .map((node) => node.target.join(" "))
          .join(", ");
        accessibilityFindings.push(
          `${name} (${language}): ${violation.id}: ${violation.help} [${targets}]`,
        );
      }
    }
  }
  await setLanguage(page, "ko");
  if (original) await page.setViewportSize(original);
  screensCaptured += 1;
}
