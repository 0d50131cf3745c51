import { join } from "node:path";

import { getAddress, isAddress, type Address } from "viem";

import type { ChainConnection } from "./chain-client.ts";
import type { RegistrySession } from "./create-round.ts";
import {
  DeploymentNotFoundError,
  InvalidArgumentError,
  RegistryCodeMissingError,
} from "./errors.ts";
import { readDeployment } from "../deploy/deployment-record.ts";
import { PROJECT_ROOT } from "./project.ts";

/**
 * Picks the registry: --registry when given, else the recorded deployment
 * for the chain id. Throws when the address has no contract code, which
 * is what a chain reset without a new deployment looks like.
 */
export async function resolveRegistry(
  connection: ChainConnection,
  option: string | undefined,
): Promise<RegistrySession> {
  let registry: Address;
  if (option !== undefined) {
    if (!isAddress(option, { strict: false })) {
      throw new InvalidArgumentError("--registry", option, "a 0x address");
    }
    registry = getAddress(option);
  } else {
    const deployed = await readDeployment(connection.chainId, {
      deploymentsDir: join(PROJECT_ROOT, "ignition", "deployments"),
    });
    if (!deployed) throw new DeploymentNotFoundError(connection.chainId);
    registry = deployed.registry;
  }

  const code = await connection.client.getCode({ address: registry });
  if (!code || code === "0x") {
    throw new RegistryCodeMissingError(registry, connection.chainId);
  }
  return { connection, registry };
}
