import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { readHeaviestTransaction } from "../../cli/network/gas-snapshot.ts";
import { generateNetwork } from "../../cli/network/generate.ts";
import {
  parseNetworkOptions,
  type RawNetworkOptions,
} from "../../cli/network/options.ts";
import { writeNetworkFiles } from "../../cli/network/write-output.ts";
import { readToml, type TomlValue } from "./toml-reader.ts";

/** Creates a temporary folder for one test file; call `remove` in afterAll. */
export function makeTempFolder(prefix: string) {
  const path = mkdtempSync(join(tmpdir(), `jurybox-${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/**
 * Generates a network with the given options into `outDir` through the
 * same steps as `jurybox network init`, with the project's gas snapshot.
 */
export async function writeNetwork(
  outDir: string,
  options: Partial<RawNetworkOptions> = {},
) {
  const heaviest = readHeaviestTransaction();
  const { plan, warnings } = parseNetworkOptions(
    { validators: "4", blockPeriod: "1", out: outDir, ...options },
    heaviest,
  );
  const generated = generateNetwork(plan, { heaviest });
  await writeNetworkFiles(plan.outDir, generated.files, plan.force);
  return { plan, warnings, generated };
}

/** Reads a generated file as text. */
export function readText(outDir: string, path: string): string {
  return readFileSync(join(outDir, path), "utf8");
}

/** Reads and parses a generated TOML file. */
export function readTomlFile(
  outDir: string,
  path: string,
): Map<string, TomlValue> {
  return readToml(readText(outDir, path));
}

/** Node folder names node-1 … node-n. */
export function nodeNames(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `node-${index + 1}`);
}
