import {
  chromium,
  type Browser,
  type BrowserContext,
  type Page,
} from "playwright-core";

/** Debian's Chromium; Playwright's own browser download is not used. */
const CHROMIUM = process.env.JURYBOX_CHROMIUM ?? "/usr/bin/chromium";

// Playwright adds --headless and a fresh temporary profile itself.
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export interface TestBrowser {
  browser: Browser;
  /** A new isolated context (own cookies and IndexedDB), like a separate tablet. */
  newTablet(viewport?: {
    width: number;
    height: number;
  }): Promise<{ context: BrowserContext; page: Page }>;
  /** Messages of page errors and console errors seen so far. */
  errors: string[];
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: FLAGS,
  });
  const errors: string[] = [];
  return {
    browser,
    errors,
    newTablet: async (viewport = { width: 1280, height: 800 }) => {
      const context = await browser.newContext({
        viewport,
        locale: "ko-KR",
        timezoneId: "Asia/Seoul",
      });
      const page = await context.newPage();
      page.on("pageerror", (error) =>
        errors.push(`pageerror: ${error.message}`),
      );
      page.on("console", (message) => {
        if (
          message.type() === "error" &&
          !/Failed to load resource/.test(message.text())
        ) {
          errors.push(`console: ${message.text()}`);
        }
      });
      return { context, page };
    },
    close: async () => {
      await browser.close();
    },
  };
}
