import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";

import type { Address, Hash } from "viem";

/** Ignition's future id of the registry in EvaluationRegistryModule. */
export const REGISTRY_FUTURE_ID = "EvaluationRegistryModule#EvaluationRegistry";

/** The registry address and deployment block on one chain. */
export interface DeploymentRecord {
  chainId: number;
  deploymentId: string;
  registry: Address;
  /** Block of the registry's deployment transaction: the indexer's start. */
  deployBlock: bigint;
  deployTransaction: Hash;
  deployBlockHash: Hash;
}

/** Options of `readDeployment`. */
export interface ReadDeploymentOptions {
  /** Ignition's deployments folder; default `./ignition/deployments`. */
  deploymentsDir?: string;
  /** Default `chain-<chainId>`, as Ignition names it. */
  deploymentId?: string;
  /** Default the registry of EvaluationRegistryModule. */
  futureId?: string;
}

/** Raised when a deployment folder exists but its files cannot be used. */
export class DeploymentRecordError extends Error {
  constructor(folder: string, reason: string) {
    super(
      `The Ignition deployment in ${folder} is unusable: ${reason}; delete ` +
        `the folder to deploy again.`,
    );
    this.name = "DeploymentRecordError";
  }
}

type JournalMessage = {
  type?: string;
  futureId?: string;
  hash?: Hash;
  receipt?: {
    blockNumber?: number;
    blockHash?: Hash;
    contractAddress?: Address;
  };
};

/**
 * Reads the registry address and deployment block from Ignition's
 * `deployed_addresses.json` and `journal.jsonl`, without any RPC call.
 * Returns undefined when the registry was never deployed there.
 */
export async function readDeployment(
  chainId: number,
  options: ReadDeploymentOptions = {},
): Promise<DeploymentRecord | undefined> {
  const deploymentId = options.deploymentId ?? `chain-${chainId}`;
  const futureId = options.futureId ?? REGISTRY_FUTURE_ID;
  const folder = join(
    resolve(options.deploymentsDir ?? join("ignition", "deployments")),
    deploymentId,
  );
  let addresses: Record<string, Address>;
  try {
    const text = await readFile(
      join(folder, "deployed_addresses.json"),
      "utf8",
    );
    addresses = JSON.parse(text) as Record<string, Address>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new DeploymentRecordError(folder, (error as Error).message);
  }
  const registry = addresses[futureId];
  if (registry === undefined) return undefined;

  const confirmation = await findConfirmation(folder, futureId);
  if (confirmation?.receipt?.blockNumber === undefined) {
    throw new DeploymentRecordError(
      folder,
      `journal.jsonl has no confirmed transaction for ${futureId}`,
    );
  }
  return {
    chainId,
    deploymentId,
    registry,
    deployBlock: BigInt(confirmation.receipt.blockNumber),
    deployTransaction: confirmation.hash as Hash,
    deployBlockHash: confirmation.receipt.blockHash as Hash,
  };
}

async function findConfirmation(
  folder: string,
  futureId: string,
): Promise<JournalMessage | undefined> {
  let journal: string;
  try {
    journal = await readFile(join(folder, "journal.jsonl"), "utf8");
  } catch (error) {
    throw new DeploymentRecordError(folder, (error as Error).message);
  }
  let found: JournalMessage | undefined;
  for (const line of journal.split("\n")) {
    if (line.trim() === "") continue;
    const message = JSON.parse(line) as JournalMessage;
    if (
      message.type === "TRANSACTION_CONFIRM" &&
      message.futureId === futureId
    ) {
      found = message;
    }
  }
  return found;
}
