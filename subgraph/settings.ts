import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// Settings of the indexer, read from the environment when Ponder loads
// ponder.config.ts. cli/indexer sets these variables for `ponder start`.

const PROJECT_ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Where the indexer reads the chain and writes its database. */
export interface IndexerSettings {
  chainId: number;
  rpcUrl: string;
  registry: `0x${string}`;
  /** Block of the registry's deployment: the first block to index. */
  startBlock: number;
  /** Postgres connection string, or undefined for the embedded PGlite. */
  databaseUrl: string | undefined;
  /** Folder of the PGlite database files. */
  pgliteDir: string;
}

/** Raised when the deployments file lists no usable registry. */
export class DeploymentMissingError extends Error {
  constructor(file: string, chainId: number, reason: string) {
    super(
      `${file} has no registry deployment for chain ${chainId} (${reason}); ` +
        "run `npm start` to deploy the registry, which writes that file, " +
        "or point JURYBOX_DEPLOYMENTS_FILE at another one.",
    );
    this.name = "DeploymentMissingError";
  }
}

/**
 * Reads the indexer settings from the environment:
 * - JURYBOX_CHAIN_ID (default 1337) and JURYBOX_RPC_URL (default
 *   http://127.0.0.1:8545) name the chain;
 * - JURYBOX_DEPLOYMENTS_FILE (default core/generated/deployments.json)
 *   gives the registry address and deployment block per chain id;
 * - DATABASE_URL selects Postgres; otherwise PGlite stores its files in
 *   JURYBOX_INDEXER_DIR/pglite (default .jurybox/indexer/pglite).
 */
export function readIndexerSettings(
  env: Record<string, string | undefined> = process.env,
): IndexerSettings {
  const chainId = Number(env.JURYBOX_CHAIN_ID ?? "1337");
  if (!Number.isSafeInteger(chainId) || chainId <= 0) {
    throw new Error(
      `JURYBOX_CHAIN_ID is ${JSON.stringify(env.JURYBOX_CHAIN_ID)}, which ` +
        "is not a positive whole number; set it to the chain id, e.g. 1337.",
    );
  }
  const file =
    env.JURYBOX_DEPLOYMENTS_FILE ??
    join(PROJECT_ROOT, "core", "generated", "deployments.json");
  const deployment = readDeployment(file, chainId);
  const indexerDir =
    env.JURYBOX_INDEXER_DIR ?? join(PROJECT_ROOT, ".jurybox", "indexer");
  const databaseUrl = env.DATABASE_URL === "" ? undefined : env.DATABASE_URL;
  return {
    chainId,
    rpcUrl: env.JURYBOX_RPC_URL ?? "http://127.0.0.1:8545",
    ...deployment,
    databaseUrl,
    pgliteDir: join(indexerDir, "pglite"),
  };
}

/** Reads one chain's entry of a deployments file (chain id → entry). */
export function readDeployment(
  file: string,
  chainId: number,
): { registry: `0x${string}`; startBlock: number } {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new DeploymentMissingError(file, chainId, (error as Error).message);
  }
  const deployments = JSON.parse(text) as Record<
    string,
    { registry?: string; deployBlock?: string } | undefined
  >;
  const entry = deployments[String(chainId)];
  if (entry === undefined) {
    throw new DeploymentMissingError(file, chainId, "no entry");
  }
  if (!/^0x[0-9a-fA-F]{40}$/.test(entry.registry ?? "")) {
    throw new DeploymentMissingError(
      file,
      chainId,
      `registry ${JSON.stringify(entry.registry)} is not an address`,
    );
  }
  const startBlock = Number(entry.deployBlock);
  if (!Number.isSafeInteger(startBlock) || startBlock < 0) {
    throw new DeploymentMissingError(
      file,
      chainId,
      `deployBlock ${JSON.stringify(entry.deployBlock)} is not a block number`,
    );
  }
  return { registry: entry.registry as `0x${string}`, startBlock };
}
