import { existsSync } from "node:fs";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

import { readDeployment } from "./deployment-record.ts";

/** Registry address and deployment block of one chain. */
export interface ChainDeployment {
  registry: string;
  /** Decimal block number, a string because JSON has no bigint. */
  deployBlock: string;
}

/**
 * Writes `outputFile` (core/generated/deployments.json in the project) with
 * one entry per `deploymentsDir/chain-<id>` folder that contains a finished
 * registry deployment, keyed by chain id. Returns the entries.
 */
export async function writeDeploymentsFile(
  deploymentsDir: string,
  outputFile: string,
): Promise<Record<string, ChainDeployment>> {
  const deployments: Record<string, ChainDeployment> = {};
  const folders = existsSync(deploymentsDir)
    ? await readdir(deploymentsDir)
    : [];
  for (const folder of folders.sort()) {
    const match = /^chain-(\d+)$/.exec(folder);
    if (match === null) continue;
    const chainId = Number(match[1]);
    const record = await readDeployment(chainId, { deploymentsDir });
    if (record === undefined) continue;
    deployments[String(chainId)] = {
      registry: record.registry,
      deployBlock: record.deployBlock.toString(),
    };
  }
  await mkdir(dirname(outputFile), { recursive: true });
  await writeFile(outputFile, `${JSON.stringify(deployments, null, 2)}\n`);
  return deployments;
}

/** Paths of the project's deployments folder and generated index. */
export function projectDeploymentPaths(projectRoot: string) {
  return {
    deploymentsDir: join(projectRoot, "ignition", "deployments"),
    outputFile: join(projectRoot, "core", "generated", "deployments.json"),
  };
}
