// Measures the tablet, admin console and public page in Debian's Chromium
// against an anvil chain, a registry and the app server that this script
// starts on free loopback ports and stops. Times are on this machine, so
// compare runs on one machine only.
//
// Run alone: `node_modules/.bin/node bench/browser.ts` prints the figures
// as JSON.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import type { Locator, Page } from "playwright-core";
import { createPublicClient, http, type Address, type Hex } from "viem";
import { generatePrivateKey } from "viem/accounts";
import { build } from "vite";

import { startAppServer, type AppServer } from "../cli/serve/index.ts";
import { evaluationRegistryAbi } from "../core/generated/registry-abi.ts";
import { signIn } from "../test/e2e/support/admin.ts";
import {
  launchBrowser,
  type TestBrowser,
} from "../test/e2e/support/browser.ts";
import {
  createRound,
  deployRegistry,
  startAnvil,
  type TestChain,
} from "../test/e2e/support/chain.ts";

const SHEET_SEATS = 3;
// Each result round claims, commits and reveals one tablet through the
// browser, about 3 s each on two shared cores (68 s for the whole run).
const RESULT_ROUNDS = 10;
const WINNER = "업체 1";

interface BenchSystem {
  appUrl: string;
  adminSignInUrl: string;
  rpcUrl: string;
  registry: Address;
  adminKey: Hex;
  stop(): Promise<void>;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts anvil, a registry and the app server like test/e2e/support/system.ts,
 * but keeps the admin key, so rounds of any shape are created directly.
 */
async function startBenchSystem(): Promise<BenchSystem> {
  const folder = await mkdtemp(join(tmpdir(), "jurybox-bench-browser-"));
  const adminKey = generatePrivateKey();
  const keyFile = join(folder, "admin.json");
  await writeFile(keyFile, JSON.stringify({ privateKey: adminKey }), {
    mode: 0o600,
  });
  let chain: TestChain | undefined;
  let server: AppServer | undefined;
  try {
    chain = await startAnvil(await freePort());
    const registry = await deployRegistry(chain.rpcUrl, adminKey);
    server = await startAppServer({
      port: 0,
      chainRpcUrl: chain.rpcUrl,
      chainId: chain.chainId,
      registry,
      adminKeyFile: keyFile,
      log: () => {},
    });
    const started = { chain, server };
    return {
      appUrl: server.url,
      adminSignInUrl: server.adminSignInUrl!,
      rpcUrl: chain.rpcUrl,
      registry,
      adminKey,
      stop: async () => {
        await started.server.stop();
        await started.chain.stop();
        await rm(folder, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await server?.stop();
    await chain?.stop();
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}

/** Builds a 1-bidder round file with one qualitative criterion and no trimming. */
function roundFile(evaluators: number, reference: string) {
  return {
    title: "브라우저 측정 회차",
    reference,
    rules: {
      version: "bench-given-80-20",
      technicalWeight: 80,
      priceWeight: 20,
      trim: "none",
      technicalScoring: "absolute",
      priceFormula: "given",
      qualifyingPercent: 85,
      tieBreak: ["technical", "lottery"],
      minEvaluators: 1,
    },
    criteria: [{ name: "기술능력 평가", maxPoints: 80, kind: "qualitative" }],
    bidders: [{ name: WINNER, priceScore: 20 }],
    evaluators,
  };
}

/**
 * Clicks through one counter, so taps are counted in code. Typing scores
 * with fill() is score entry and is not counted.
 */
class TapCounter {
  count = 0;

  async click(locator: Locator): Promise<void> {
    this.count += 1;
    await locator.click();
  }
}

function firstScoreField(page: Page): Locator {
  return page
    .getByRole("tabpanel")
    .getByRole("textbox", { name: /점수/ })
    .first();
}

/**
 * Opens a seat link and signs the pledge with no pause between taps.
 * Returns the milliseconds from page.goto to the first score field shown.
 */
async function openSheet(
  page: Page,
  url: string,
  taps: TapCounter,
): Promise<number> {
  const started = performance.now();
  await page.goto(url);
  await taps.click(
    page.getByRole("button", { name: "서약에 서명하고 평가 시작" }),
  );
  await firstScoreField(page).waitFor({ timeout: 30_000 });
  return performance.now() - started;
}

/** Types the full score, then reviews, signs and confirms the sheet. */
async function submitSheet(page: Page, taps: TapCounter): Promise<void> {
  await firstScoreField(page).fill("80");
  await taps.click(page.getByRole("button", { name: "검토하기" }));
  await taps.click(page.getByRole("button", { name: "서명하고 제출" }));
  await taps.click(
    page.getByRole("dialog").getByRole("button", { name: "제출" }),
  );
}

async function measureEvaluatorJs(
  browser: TestBrowser,
  system: BenchSystem,
): Promise<number> {
  // A seat link without an invite key loads every chunk of the route.
  const { context, page } = await browser.newTablet();
  await page.goto(
    new URL(`#/e/1337/${system.registry}/1/0`, system.appUrl).toString(),
  );
  await page
    .getByRole("heading", { name: "이 태블릿에 등록된 좌석이 없습니다" })
    .waitFor({ timeout: 30_000 });
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
  await context.close();
  return bytes / 1000;
}

/**
 * Polls the chain every 20 ms and returns Date.now() once the seat's commit
 * is mined. NOTE: the poll interval and the RPC round trip make this up to
 * about 25 ms late, so the progress lag reads that much low.
 */
async function waitForCommit(
  system: BenchSystem,
  roundId: bigint,
  seat: number,
): Promise<number> {
  const client = createPublicClient({ transport: http(system.rpcUrl) });
  for (let tries = 0; tries < 1500; tries += 1) {
    const logs = await client.getContractEvents({
      address: system.registry,
      abi: evaluationRegistryAbi,
      eventName: "SheetCommitted",
      args: { roundId, seat },
      fromBlock: 0n,
    });
    if (logs.length > 0) return Date.now();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(
    `timed out after 30 s waiting for the commit of seat ${seat} in round ${roundId}`,
  );
}

/** Resolves with the page's Date.now() at the first frame where `seat` shows committed. */
function waitForCommittedRow(admin: Page, seat: number): Promise<number> {
  return admin
    .waitForFunction(
      (seat) =>
        document
          .querySelector(`tr[data-seat="${seat}"]`)
          ?.getAttribute("data-state") === "committed"
          ? Date.now()
          : 0,
      seat,
      { polling: "raf", timeout: 30_000 },
    )
    .then((handle) => handle.jsonValue());
}

/**
 * Opens three seats of a 1-bidder round: the time to each sheet, the taps
 * from the first seat's link to its sheet on chain, and the lag from each
 * commit being mined to the admin's progress row showing it. The round has
 * one seat more than is used, so scoring stays open and no row moves on to
 * revealed before it is read.
 */
async function measureSheets(browser: TestBrowser, system: BenchSystem) {
  const round = await createRound(
    system.rpcUrl,
    system.registry,
    system.adminKey,
    roundFile(SHEET_SEATS + 1, "BENCH-SHEETS"),
    system.appUrl,
  );
  const { context: adminContext, page: admin } = await browser.newTablet();
  await signIn(admin, system.adminSignInUrl);
  await admin.goto(
    new URL(`#/admin/round/${round.roundId}`, system.appUrl).toString(),
  );
  await admin.locator(`tr[data-seat="0"]`).waitFor({ timeout: 30_000 });

  const sheetTimes: number[] = [];
  const lags: number[] = [];
  let tapsToSubmitted = 0;
  for (let seat = 0; seat < SHEET_SEATS; seat += 1) {
    const { context, page } = await browser.newTablet();
    const taps = new TapCounter();
    sheetTimes.push(await openSheet(page, round.tabletUrls[seat], taps));
    const rowShown = waitForCommittedRow(admin, seat);
    const mined = waitForCommit(system, round.roundId, seat);
    await submitSheet(page, taps);
    await page.getByText("체인에 기록되었습니다").waitFor({ timeout: 30_000 });
    if (seat === 0) tapsToSubmitted = taps.count;
    lags.push((await rowShown) - (await mined));
    await context.close();
  }
  await adminContext.close();
  return {
    qrToSheetMs: Math.round(median(sheetTimes)),
    tapsQrToSubmitted: tapsToSubmitted,
    progressLagMs: Math.round(median(lags)),
  };
}

/**
 * Runs a 1-seat round to the end: the tablet claims, commits and reveals by
 * itself. Returns the milliseconds from the tablet sending its last
 * transaction (the reveal, which also finalises) to the public page showing
 * the winner.
 */
async function measureResult(
  browser: TestBrowser,
  system: BenchSystem,
  index: number,
): Promise<number> {
  const round = await createRound(
    system.rpcUrl,
    system.registry,
    system.adminKey,
    roundFile(1, `BENCH-RESULT-${index}`),
    system.appUrl,
  );
  const { context: publicContext, page: publicPage } =
    await browser.newTablet();
  await publicPage.goto(
    new URL(
      `#/r/1337/${system.registry}/${round.roundId}`,
      system.appUrl,
    ).toString(),
  );
  await publicPage
    .getByRole("heading", { name: "좌석별 진행 상황" })
    .waitFor({ timeout: 30_000 });
  const winnerShown = publicPage
    .waitForFunction(
      (text) => (document.body.textContent?.includes(text) ? Date.now() : 0),
      `우선협상대상자: ${WINNER}`,
      { polling: "raf", timeout: 60_000 },
    )
    .then((handle) => handle.jsonValue());

  const { context, page } = await browser.newTablet();
  const sends: number[] = [];
  page.on("request", (request) => {
    if (request.postData()?.includes("eth_sendRawTransaction")) {
      sends.push(Date.now());
    }
  });
  const taps = new TapCounter();
  await openSheet(page, round.tabletUrls[0], taps);
  await submitSheet(page, taps);
  const shownAt = await winnerShown;
  const lastSend = Math.max(...sends.filter((sent) => sent <= shownAt));
  await context.close();
  await publicContext.close();
  return shownAt - lastSend;
}

/** Starts a fresh system and browser, measures every figure, and stops both. */
export async function measureBrowser(): Promise<Record<string, number>> {
  await build({
    configFile: fileURLToPath(new URL("../vite.config.ts", import.meta.url)),
    logLevel: "warn",
  });
  const system = await startBenchSystem();
  try {
    const browser = await launchBrowser();
    try {
      const evaluatorJsGzipKb = await measureEvaluatorJs(browser, system);
      const sheets = await measureSheets(browser, system);
      const resultTimes: number[] = [];
      for (let index = 0; index < RESULT_ROUNDS; index += 1) {
        resultTimes.push(await measureResult(browser, system, index));
      }
      if (browser.errors.length > 0) {
        throw new Error(
          `the pages reported errors:\n${browser.errors.join("\n")}`,
        );
      }
      return {
        evaluatorJsGzipKb: Math.round(evaluatorJsGzipKb * 10) / 10,
        ...sheets,
        resultVisibleMs: Math.round(median(resultTimes)),
      };
    } finally {
      await browser.close();
    }
  } finally {
    await system.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await measureBrowser(), null, 2));
}
