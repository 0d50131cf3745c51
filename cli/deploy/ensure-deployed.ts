import { readFile, rm, stat } from "node:fs/promises";
import { join } from "node:path";

import type {
  DeploymentParameters,
  IgnitionModule,
} from "@nomicfoundation/ignition-core";
import type { Address, Hash } from "viem";

import { ensureAdminKey } from "../chain/admin-key.ts";
import { consoleChainLogger, type ChainLogger } from "../chain/logger.ts";
import { requestRpc } from "../chain/rpc.ts";
import evaluationRegistryModule from "../../ignition/modules/EvaluationRegistry.ts";
import {
  readDeployment,
  REGISTRY_FUTURE_ID,
  type DeploymentRecord,
} from "./deployment-record.ts";

/** Options of `ensureDeployed`. */
export interface EnsureDeployedOptions {
  /** The chain to deploy to; `saveState` runs after a new deployment. */
  chain: { rpcUrl: string; chainId: number; saveState?: () => Promise<void> };
  /** The `.jurybox` directory that contains the admin key. */
  dataDir?: string;
  /** Hardhat network whose settings the connection starts from. */
  network?: string;
  /** Default `chain-<chainId>`. */
  deploymentId?: string;
  /** Default EvaluationRegistryModule. */
  ignitionModule?: IgnitionModule;
  /** Future id of the contract to return; default the registry. */
  futureId?: string;
  /** Module parameters; the admin address is added to the module's own. */
  parametersFile?: string;
  logger?: ChainLogger;
}

/** The deployed registry: address and the block the indexer starts from. */
export interface EnsuredDeployment {
  registry: Address;
  deployBlock: bigint;
  /** True when this call deployed; false when it reused a deployment. */
  deployed: boolean;
}

/**
 * Deploys the registry with Ignition unless the deployment recorded in
 * `ignition/deployments/chain-<id>` still exists on the chain. A record
 * whose contract code or transaction is missing (the chain state was reset)
 * is deleted and the module deployed again. Transactions are signed with
 * the local admin key, which also becomes the registry's admin.
 */
export async function ensureDeployed(
  options: EnsureDeployedOptions,
): Promise<EnsuredDeployment> {
  const { chain } = options;
  const logger = options.logger ?? consoleChainLogger;
  // Hardhat loads its config on import, so only callers that deploy pay.
  const hardhat = await import("hardhat");
  const deploymentsDir = join(hardhat.config.paths.ignition, "deployments");
  const deploymentId = options.deploymentId ?? `chain-${chain.chainId}`;
  const folder = join(deploymentsDir, deploymentId);
  const futureId = options.futureId ?? REGISTRY_FUTURE_ID;
  const recordOptions = { deploymentsDir, deploymentId, futureId };

  const existing = await readDeployment(chain.chainId, recordOptions);
  if (existing !== undefined && (await isOnChain(chain.rpcUrl, existing))) {
    logger.info(
      `Using the registry at ${existing.registry}, deployed in block ` +
        `${existing.deployBlock}`,
    );
    return { ...pick(existing), deployed: false };
  }
  if (await exists(folder)) {
    const reason =
      existing === undefined
        ? "it never finished"
        : `the chain has no contract at ${existing.registry} from block ` +
          `${existing.deployBlock}, so its state was reset`;
    logger.warn(`Removing the deployment in ${folder} because ${reason}`);
    await rm(folder, { recursive: true, force: true });
  }

  const admin = await ensureAdminKey(options.dataDir);
  const moduleToDeploy = options.ignitionModule ?? evaluationRegistryModule;
  const parameters = await readParameters(options.parametersFile);
  parameters[moduleToDeploy.id] = {
    admin: admin.address,
    ...parameters[moduleToDeploy.id],
  };
  logger.info(`Deploying ${moduleToDeploy.id} to chain ${chain.chainId}`);
  const connection = await hardhat.network.connect({
    network: options.network ?? "localhost",
    override: { url: chain.rpcUrl, accounts: [admin.privateKey] },
  });
  try {
    await connection.ignition.deploy(moduleToDeploy, {
      parameters,
      deploymentId,
      defaultSender: admin.address,
      // A zero fee cannot be raised by 10 %, so bumping could never work.
      config: { requiredConfirmations: 1, disableFeeBumping: true },
    });
  } finally {
    await connection.close();
  }
  await chain.saveState?.();
  const record = await readDeployment(chain.chainId, recordOptions);
  if (record === undefined) {
    throw new Error(`Ignition finished but ${folder} lists no ${futureId}.`);
  }
  logger.info(
    `Deployed the registry at ${record.registry} in block ${record.deployBlock}`,
  );
  return { ...pick(record), deployed: true };
}

/** True when the recorded transaction and the contract code are on chain. */
async function isOnChain(
  rpcUrl: string,
  record: DeploymentRecord,
): Promise<boolean> {
  const code = await requestRpc<string>(rpcUrl, "eth_getCode", [
    record.registry,
    "latest",
  ]);
  if (code === "0x") return false;
  const receipt = await requestRpc<{ blockHash: Hash } | null>(
    rpcUrl,
    "eth_getTransactionReceipt",
    [record.deployTransaction],
  );
  return receipt?.blockHash === record.deployBlockHash;
}

async function readParameters(
  file: string | undefined,
): Promise<DeploymentParameters> {
  if (file === undefined) return {};
  return JSON.parse(await readFile(file, "utf8")) as DeploymentParameters;
}

function pick(record: DeploymentRecord) {
  return { registry: record.registry, deployBlock: record.deployBlock };
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
