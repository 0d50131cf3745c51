import { join } from "node:path";

import { getAddress, isAddress, type Address } from "viem";

import { checkRegistry } from "../../core/registry-check.ts";

import type { ChainConnection } from "./chain-client.ts";
import type { RegistrySession } from "./create-round.ts";
import {
  CliError,
  DeploymentNotFoundError,
  InvalidArgumentError,
  RegistryCodeMissingError,
} from "./errors.ts";
import { readDeployment } from "../deploy/deployment-record.ts";
import { PROJECT_ROOT } from "./project.ts";

/** Thrown when the registry address has a contract of another kind. */
export class NotARegistryError extends CliError {
  constructor(
    address: string,
    chainId: number,
    source: RegistrySource = "option",
  ) {
    super(
      `The contract at ${address} on chain ${chainId} is not a Jurybox ` +
        "registry: its TALLY_VERSION() call failed.",
      {
        hint:
          source === "record"
            ? "The address is the record's registry, so this node is not " +
              "of the chain the record came from, or that chain was reset; " +
              "pass --rpc of a node of that chain."
            : "Leave out --registry to use the deployment recorded for the " +
              "chain (`npm start` prints its address on the `registry` " +
              "line, and core/generated/deployments.json lists it by chain " +
              "id), or pass that address.",
      },
    );
  }
}

/** Thrown when the registry an evaluation record names has no code on the node. */
export class RecordRegistryMissingError extends CliError {
  constructor(address: string, chainId: number, rpcUrl: string) {
    super(
      `The node at ${rpcUrl} has no contract at the record's registry ` +
        `${address}, so it is not of the chain ${chainId} the record came ` +
        "from, or that chain was reset since the record was exported.",
      {
        hint:
          "Pass --rpc of a node of the chain the record came from; another " +
          "installation can use the same chain id.",
      },
    );
  }
}

/**
 * Source of the registry address: --registry or the deployment record
 * ("option"), or an evaluation record being compared ("record").
 */
export type RegistrySource = "option" | "record";

/**
 * Picks the registry: --registry when given, else the recorded deployment
 * for the chain id. Throws when the address has no contract code, which
 * is what a chain reset without a new deployment looks like, and when the
 * contract there fails the registry's TALLY_VERSION() call.
 */
export async function resolveRegistry(
  connection: ChainConnection,
  option: string | undefined,
  source: RegistrySource = "option",
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

  const kind = await checkRegistry(connection.client, registry);
  if (kind === "noContract" && source === "record") {
    throw new RecordRegistryMissingError(
      registry,
      connection.chainId,
      connection.rpcUrl,
    );
  }
  if (kind === "noContract") {
    throw new RegistryCodeMissingError(registry, connection.chainId);
  }
  if (kind === "notRegistry") {
    throw new NotARegistryError(registry, connection.chainId, source);
  }
  return { connection, registry };
}
