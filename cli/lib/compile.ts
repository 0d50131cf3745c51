import { existsSync } from "node:fs";
import { join } from "node:path";

import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

/**
 * Compiles the contracts when the artifact of the registry or of its Tally
 * library is missing, as after a fresh `npm ci`. It checks the files
 * because `hre.artifacts` caches what it found, so a check through it
 * before the build makes the deployment miss the new artifacts (seen with
 * Hardhat 3.18).
 */
export async function compileIfMissing(
  hre: HardhatRuntimeEnvironment,
  log: (line: string) => void,
): Promise<void> {
  const contracts = join(hre.config.paths.artifacts, "contracts");
  const needed = [
    join(contracts, "EvaluationRegistry.sol", "EvaluationRegistry.json"),
    join(contracts, "libraries", "Tally.sol", "Tally.json"),
  ];
  if (needed.every((file) => existsSync(file))) return;

  log("Compiling the contracts (their artifacts are missing)");
  await hre.tasks.getTask("build").run({ quiet: true, noTests: true });
}
