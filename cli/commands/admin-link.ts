import { readFile, writeFile } from "node:fs/promises";
import { get as getHttp, type IncomingMessage } from "node:http";
import { get as getHttps } from "node:https";
import { resolve } from "node:path";

import type { Command } from "commander";

import {
  DEFAULT_LINK_MINUTES,
  issueSignInToken,
  signInLinksDir,
} from "../serve/signin-links.ts";
import { CliError, InvalidArgumentError } from "../lib/errors.ts";
import { readOptions } from "../lib/options.ts";
import { printJson } from "../output/json.ts";

/** File in which `up` records where its app server takes sign-ins. */
export const APP_SERVER_FILE = "app-server.json";

/**
 * Records where the app server of `up` takes sign-ins, so that
 * `jurybox admin-link` can print links to it.
 */
export async function recordAppServer(
  dataDir: string,
  app: { url: string; adminSignInUrl?: string },
): Promise<void> {
  if (app.adminSignInUrl === undefined) return;
  const signInBase = app.adminSignInUrl.split("#")[0];
  await writeFile(
    resolve(dataDir, APP_SERVER_FILE),
    JSON.stringify({ url: app.url, signInBase }, null, 2) + "\n",
    { mode: 0o600 },
  );
}

export function defineAdminLink(program: Command): void {
  program
    .command("admin-link")
    .description(
      "print a new one-time sign-in link for the admin console of the " +
        "running `jurybox up`",
    )
    .option(
      "--minutes <n>",
      "minutes the link stays valid",
      String(DEFAULT_LINK_MINUTES),
    )
    .action(async (_options: object, command: Command) => {
      await runAdminLink(command);
    });
}

async function runAdminLink(command: Command): Promise<void> {
  const options = readOptions<{ minutes: string }>(command);
  const minutes = Number(options.minutes);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440) {
    throw new InvalidArgumentError(
      "--minutes",
      options.minutes,
      "a whole number of minutes from 1 to 1440",
    );
  }
  const dataDir = resolve(".jurybox");
  const signInBase = await readSignInBase(dataDir);
  await checkServerRunning(signInBase);
  const token = await issueSignInToken(signInLinksDir(dataDir), minutes);
  const link = `${signInBase}#/admin/signin/${token}`;
  if (options.json) {
    printJson({ adminSignInUrl: link, validMinutes: minutes });
    return;
  }
  process.stdout.write(
    `Open this link once, on this computer, within ${minutes} minutes:\n` +
      `${link}\n`,
  );
}

/** Reads the origin for sign-in links that the running `up` recorded. */
async function readSignInBase(dataDir: string): Promise<string> {
  const file = resolve(dataDir, APP_SERVER_FILE);
  try {
    const record = JSON.parse(await readFile(file, "utf8")) as {
      signInBase?: unknown;
    };
    if (typeof record.signInBase === "string") return record.signInBase;
  } catch {
    // Handled below with the same advice as a missing field.
  }
  throw new CliError(`No running app server is recorded in ${file}.`, {
    hint: "Start the system with `npm start` in this folder, then run this again.",
  });
}

/** Throws unless the app server responds and offers the admin sign-in. */
async function checkServerRunning(signInBase: string): Promise<void> {
  const configUrl = new URL("config.json", signInBase);
  let config: { adminSignIn?: unknown };
  try {
    config = JSON.parse(await getText(configUrl)) as { adminSignIn?: unknown };
  } catch (cause) {
    throw new CliError(`No app server responds at ${configUrl.origin}.`, {
      hint: "Start the system with `npm start` in this folder, then run this again.",
      cause,
    });
  }
  if (config.adminSignIn !== true) {
    throw new CliError(
      `The app server at ${configUrl.origin} has no admin key to hand out.`,
      {
        hint: "Restart it with `npm start`, which gives it the local admin key.",
      },
    );
  }
}

/**
 * Fetches a small text document from the local app server. With `--lan`
 * it serves HTTPS under a self-signed certificate, which this check of
 * 127.0.0.1 accepts; nothing secret is sent or received.
 */
function getText(url: URL): Promise<string> {
  return new Promise((resolveText, reject) => {
    const onResponse = (response: IncomingMessage) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolveText(Buffer.concat(chunks).toString("utf8")),
      );
      response.on("error", reject);
    };
    const request =
      url.protocol === "https:"
        ? getHttps(
            url,
            { rejectUnauthorized: false, timeout: 3_000 },
            onResponse,
          )
        : getHttp(url, { timeout: 3_000 }, onResponse);
    request.on("timeout", () => request.destroy(new Error("timed out")));
    request.on("error", reject);
  });
}
