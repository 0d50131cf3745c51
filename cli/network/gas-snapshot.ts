import { readFileSync } from "node:fs";
import { join } from "node:path";

import { PROJECT_ROOT } from "../lib/project.ts";

/** The gas snapshot that the contract gas test writes at the project root. */
export const GAS_SNAPSHOT_FILE = join(PROJECT_ROOT, "gas-snapshot.json");

/** The maximum gas of one registry transaction in the snapshot, with its name. */
export interface HeaviestTransaction {
  name: string;
  gas: bigint;
}

/**
 * Returns the largest gas figure in a gas snapshot: every numeric field
 * whose name contains "Gas" (such as finalizingRevealGas15x30x20) is the
 * gasUsed of one transaction. Returns undefined when the file is missing
 * and throws when it is not a JSON object.
 */
export function readHeaviestTransaction(
  file: string = GAS_SNAPSHOT_FILE,
): HeaviestTransaction | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const snapshot: unknown = JSON.parse(text);
  if (typeof snapshot !== "object" || snapshot === null) {
    throw new Error(`${file} is not a JSON object of gas figures.`);
  }
  let heaviest: HeaviestTransaction | undefined;
  for (const [name, value] of Object.entries(snapshot)) {
    if (!name.includes("Gas") || typeof value !== "number") continue;
    if (heaviest === undefined || BigInt(value) > heaviest.gas) {
      heaviest = { name, gas: BigInt(value) };
    }
  }
  return heaviest;
}
