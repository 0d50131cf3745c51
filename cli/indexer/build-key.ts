import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";

import { readDeployment } from "../../subgraph/settings.ts";

// Ponder refuses to reuse a database schema that a different build filled
// ("Schema … was previously used by a different Ponder app"). Its build id
// covers the config, the schema file and the handler files. The key below
// covers the same inputs and everything they import from core/, so a
// changed indexer or a new registry deployment gets a fresh schema.

/** Files outside subgraph/ that the config and the handlers import. */
const CORE_INPUTS = [
  "core/generated/registry-abi.ts",
  "core/enums.ts",
  "core/units.ts",
  "core/errors.ts",
];

/** Everything under subgraph/ that Ponder builds, as relative paths. */
async function listSubgraphFiles(projectRoot: string): Promise<string[]> {
  const root = join(projectRoot, "subgraph");
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => relative(projectRoot, join(entry.parentPath, entry.name)))
    .filter(
      (path) => !path.includes("/generated/") && !path.includes(".ponder"),
    )
    .sort();
}

/** Reads the version of the installed ponder package. */
export async function readPonderVersion(): Promise<string> {
  // The package's exports hide package.json, so it is read as a file next
  // to dist/esm/index.js.
  const file = new URL("../../package.json", import.meta.resolve("ponder"));
  const text = await readFile(file, "utf8");
  return (JSON.parse(text) as { version: string }).version;
}

/**
 * Returns a 12-hex-digit key of the indexer build for one deployment: the
 * Ponder version, the subgraph and core sources, and the registry address
 * and start block read from the deployments file.
 */
export async function computeBuildKey(options: {
  projectRoot: string;
  ponderVersion: string;
  deploymentsFile: string;
  chainId: number;
}): Promise<string> {
  const { projectRoot } = options;
  const hash = createHash("sha256");
  hash.update(`ponder ${options.ponderVersion}\n`);
  const deployment = readDeployment(options.deploymentsFile, options.chainId);
  hash.update(
    `chain ${options.chainId} registry ${deployment.registry.toLowerCase()} ` +
      `from ${deployment.startBlock}\n`,
  );
  const files = [...(await listSubgraphFiles(projectRoot)), ...CORE_INPUTS];
  for (const file of files) {
    hash.update(`${file}\n`);
    hash.update(await readFile(join(projectRoot, file)));
  }
  return hash.digest("hex").slice(0, 12);
}
