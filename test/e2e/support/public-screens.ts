import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";

import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";

import { accessibilityFindings } from "./screens.ts";

const FOLDER = fileURLToPath(new URL("../screenshots/", import.meta.url));
// The public pages are read on tablets and phones as well as desks.
const SIZES = [
  { name: "tablet", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
];

async function setLanguage(page: Page, language: "ko" | "en") {
  const name = language === "ko" ? "한국어" : "English";
  await page
    .getByRole("group", { name: /언어|Language/ })
    .getByRole("button", { name })
    .click();
  await page.locator(`html[lang="${language}"]`).waitFor();
}

/**
 * Screenshots a public page at tablet and phone size in Korean and English
 * and records its serious axe violations with the other screens'.
 */
export async function capturePublic(page: Page, name: string) {
  await mkdir(FOLDER, { recursive: true });
  for (const language of ["ko", "en"] as const) {
    await setLanguage(page, language);
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.screenshot({
        path: `${FOLDER}${name}.${language}.${size.name}.png`,
        fullPage: true,
      });
      const result = await new AxeBuilder({ page }).analyze();
      for (const violation of result.violations) {
        if (violation.impact !== "serious" && violation.impact !== "critical") {
          continue;
        }
        const targets = violation.nodes
          .map((node) => node.target.join(" "))
          .join(", ");
        accessibilityFindings.push(
          `${name} (${language}, ${size.name}): ${violation.id}: ` +
            `${violation.help} [${targets}]`,
        );
      }
    }
  }
  await setLanguage(page, "ko");
  await page.setViewportSize(SIZES[0]);
}
