import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

import { build } from "vite";

import { recuseEditCancel } from "./scenarios/cancel.ts";
import { closeAfterDeadline } from "./scenarios/close.ts";
import { escrowReveal } from "./scenarios/escrow.ts";
import { psatRound } from "./scenarios/psat.ts";
import { publicIndexer } from "./scenarios/public-indexer.ts";
import { publicPages } from "./scenarios/public-pages.ts";
import { walletSignIn } from "./scenarios/wallet.ts";
import { signIn, type CaseFile } from "./support/admin.ts";
import { launchBrowser } from "./support/browser.ts";
import {
  accessibilityFindings,
  captureScreen,
  screensCaptured,
} from "./support/screens.ts";
import { startSystem } from "./support/system.ts";

// Browser tests of the web app against a running chain, registry and app
// server: `node test/e2e/run.ts`. Prints each test and `N passed, N failed`,
// and exits non-zero when any test failed. `node test/e2e/run.ts TEXT` runs
// only the tests whose name contains TEXT, and the page-error check.

// The published case beside the checkout, or the copy kept in test/vectors
// when the checkout stands alone.
const PUBLISHED_CASE = new URL(
  "../../../shared/cases/psat-2023-q18.json",
  import.meta.url,
);
const CASE = existsSync(PUBLISHED_CASE)
  ? PUBLISHED_CASE
  : new URL("../vectors/case-psat-2023-q18.json", import.meta.url);

await build({
  configFile: fileURLToPath(new URL("../../vite.config.ts", import.meta.url)),
  logLevel: "warn",
});
const psat = JSON.parse(await readFile(CASE, "utf8")) as CaseFile;
const system = await startSystem();
const browser = await launchBrowser();
// The sign-in link works once, so one admin browser serves every test.
const { page: admin } = await browser.newTablet();
await signIn(admin, system.adminSignInUrl);

const tests: [string, () => Promise<void>][] = [
  [
    "PSAT round with five tablets",
    () => psatRound(system, browser, admin, psat),
  ],
  [
    "lost tablet revealed from escrow",
    () => escrowReveal(system, browser, admin, psat),
  ],
  [
    "recusal, re-commit and cancellation",
    () => recuseEditCancel(system, browser, admin, psat),
  ],
  [
    "wallet sign-in through an injected provider",
    () => walletSignIn(system, browser, psat),
  ],
  // Before the close test, which moves the chain's clock past the deadlines
  // that the round form sets.
  [
    "public round list, result, downloads and Verify",
    () => publicPages(system, browser, admin, psat),
  ],
  [
    "public pages read the indexer, then the chain",
    () => publicIndexer(system, browser),
  ],
  [
    "close after the deadline with an absent seat",
    () => closeAfterDeadline(system, browser, admin, psat),
  ],
  [
    "evaluator route JavaScript is at most 250 kB gzipped",
    async () => {
      // A seat link without an invite key loads every chunk of the route.
      const { page } = await browser.newTablet();
      await page.goto(
        new URL(`#/e/1337/${system.registry}/1/0`, system.appUrl).toString(),
      );
      await page
        .getByRole("heading", { name: "이 태블릿에 등록된 좌석이 없습니다" })
        .waitFor();
      const bytes = await page.evaluate(() =>
        performance
          .getEntriesByType("resource")
          .filter((entry) => entry.name.endsWith(".js"))
          .reduce(
            (sum, entry) =>
              sum + (entry as PerformanceResourceTiming).encodedBodySize,
            0,
          ),
      );
      console.log(
        `      evaluator route JavaScript: ${(bytes / 1000).toFixed(1)} kB gzipped`,
      );
      if (bytes === 0 || bytes > 250_000) {
        throw new Error(
          `the evaluator route loads ${bytes} bytes of gzipped JavaScript`,
        );
      }
      await captureScreen(page, "tablet-no-session");
    },
  ],
  [
    "every screen has no serious axe violation",
    async () => {
      if (screensCaptured === 0) throw new Error("no screen was captured");
      if (accessibilityFindings.length > 0) {
        throw new Error(accessibilityFindings.join("\n"));
      }
    },
  ],
  [
    "no page errors",
    async () => {
      if (browser.errors.length > 0) throw new Error(browser.errors.join("\n"));
    },
  ],
];

const only = process.argv[2];
const ALWAYS = ["no page errors"];
const selected =
  only === undefined
    ? tests
    : tests.filter(([name]) => name.includes(only) || ALWAYS.includes(name));

let passed = 0;
let failed = 0;
try {
  for (const [name, run] of selected) {
    const started = Date.now();
    try {
      await run();
      passed += 1;
      console.log(
        `ok    ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
    } catch (error) {
      failed += 1;
      console.log(`FAIL  ${name}\n${(error as Error).stack ?? error}`);
    }
  }
} finally {
  await browser.close();
  await system.stop();
}
console.log(`${screensCaptured} screens captured in test/e2e/screenshots/`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
