import { existsSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Default folder of the built app. */
export const DEFAULT_APP_ROOT = join(PROJECT_ROOT, "app", "dist");

/** Files and folders whose changes the built app depends on. */
const APP_SOURCES = [
  "app/index.html",
  "app/public",
  "app/src",
  "core",
  "vite.config.ts",
  "package-lock.json",
];

/**
 * Generated files that `up` rewrites and that the app does not import, so
 * a change to them must not force a rebuild.
 */
const IGNORED_SOURCES = new Set([
  join(PROJECT_ROOT, "core", "generated", "deployments.json"),
]);

/** Newest modification time, in ms, of a file or of any file in a folder. */
async function newestChange(path: string): Promise<number> {
  if (IGNORED_SOURCES.has(path)) return 0;
  let info;
  try {
    info = await stat(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const entry of await readdir(path)) {
    newest = Math.max(newest, await newestChange(join(path, entry)));
  }
  return newest;
}

/**
 * Tells why the default build must be made again: it is missing, or a
 * source changed after it was built (for example after a `git pull`).
 * Returns undefined when the build is current.
 */
export async function staleBuildReason(
  root: string = DEFAULT_APP_ROOT,
  projectRoot: string = PROJECT_ROOT,
): Promise<string | undefined> {
  const index = join(root, "index.html");
  if (!existsSync(index)) return `${root} is missing`;
  const built = (await stat(index)).mtimeMs;
  for (const source of APP_SOURCES) {
    if ((await newestChange(join(projectRoot, source))) > built) {
      return `${source} changed after the last build`;
    }
  }
  return undefined;
}

/**
 * Builds the web app with Vite when the default build is missing or older
 * than its sources. Another folder must already hold a build.
 */
export async function ensureBuilt(
  root: string,
  log: (line: string) => void,
): Promise<void> {
  if (resolve(root) !== resolve(DEFAULT_APP_ROOT)) {
    if (existsSync(join(root, "index.html"))) return;
    throw new Error(`${root} has no index.html; build the app into it first.`);
  }
  const reason = await staleBuildReason(root);
  if (reason === undefined) return;
  log(`app: ${reason}, building the web app with Vite…`);
  const { build } = await import("vite");
  await build({
    configFile: join(PROJECT_ROOT, "vite.config.ts"),
    logLevel: "warn",
  });
}
