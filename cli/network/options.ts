import { resolve } from "node:path";

import type { Address } from "viem";

import { NetworkOptionError } from "./errors.ts";
import type { HeaviestTransaction } from "./gas-snapshot.ts";
import {
  DEFAULT_CHAIN_ID,
  defaultGasLimit,
  parseAddress,
  parseBlockPeriod,
  parseChainId,
  parseGasLimit,
  parseHost,
  parseHosts,
  parseRpcNode,
  parseValidators,
} from "./option-values.ts";

export { DEFAULT_CHAIN_ID } from "./option-values.ts";

/** The options of `jurybox network init` as commander passes them. */
export interface RawNetworkOptions {
  validators: string;
  blockPeriod: string;
  out: string;
  chainId?: string;
  gasLimit?: string;
  bootnodeHost?: string[];
  rpcNode?: string;
  rpcHost?: string;
  account?: string[];
  deployer?: string;
  accountPermissioning?: boolean;
  force?: boolean;
}

/** A checked description of the network to generate. */
export interface NetworkPlan {
  validators: number;
  blockPeriodSeconds: number;
  /** QBFT round timeout: twice the block period, at least 4 s. */
  requestTimeoutSeconds: number;
  chainId: number;
  gasLimit: bigint;
  /** Absolute path of the output folder. */
  outDir: string;
  force: boolean;
  /**
   * The address other nodes reach each node at, one per node; undefined
   * when every node runs in the generated Docker Compose file on one host.
   */
  hosts: string[] | undefined;
  /** 1-based number of the node whose JSON-RPC the app server uses. */
  rpcNode: number;
  /** Interface the RPC node's JSON-RPC listens on. */
  rpcHost: string;
  /** Round administrators allowed to send transactions. */
  accounts: Address[];
  /** The deployer's address, or undefined to generate a deployer key. */
  deployer: Address | undefined;
  /** Whether nodes reject transactions from accounts outside the allowlist. */
  accountPermissioning: boolean;
}

function parseOutDir(text: string): string {
  if (text.trim() === "") {
    throw new NetworkOptionError(
      "--out",
      text,
      "expected a folder path",
      "Pass --out with a new folder, e.g. --out besu-network.",
    );
  }
  return resolve(text);
}

/** Picks the RPC node and the interface its JSON-RPC listens on. */
function parseRpcEndpoint(
  raw: RawNetworkOptions,
  hosts: string[] | undefined,
  validators: number,
  warnings: string[],
): { rpcNode: number; rpcHost: string } {
  const rpcHost = parseHost("--rpc-host", raw.rpcHost ?? "127.0.0.1");
  if (rpcHost === "0.0.0.0") {
    warnings.push(
      "--rpc-host 0.0.0.0 opens the RPC node's JSON-RPC on every network " +
        "interface; allow only the app server through the firewall.",
    );
  }

  const rpcNode = parseRpcNode(raw.rpcNode ?? "1", validators);
  const rpcNodeHost = hosts?.[rpcNode - 1];
  const ownAddresses = [rpcNodeHost, "127.0.0.1", "0.0.0.0"];
  if (rpcNodeHost !== undefined && !ownAddresses.includes(rpcHost)) {
    warnings.push(
      `--rpc-host ${rpcHost} differs from node ${rpcNode}'s host ` +
        `${rpcNodeHost}: Besu can listen there only if it is an address ` +
        "of that machine.",
    );
  }
  return { rpcNode, rpcHost };
}

/**
 * Checks every option and returns the plan with the warnings to show.
 * Throws a CliError on the first invalid option, before anything is
 * generated or written.
 */
export function parseNetworkOptions(
  raw: RawNetworkOptions,
  heaviest: HeaviestTransaction | undefined,
): { plan: NetworkPlan; warnings: string[] } {
  const warnings: string[] = [];
  const validators = parseValidators(raw.validators, warnings);
  const blockPeriodSeconds = parseBlockPeriod(raw.blockPeriod, warnings);
  const chainId = parseChainId(
    raw.chainId ?? String(DEFAULT_CHAIN_ID),
    warnings,
  );

  const gasLimit = parseGasLimit(
    raw.gasLimit ?? String(defaultGasLimit(heaviest)),
    heaviest,
  );
  if (heaviest === undefined) {
    warnings.push(
      "gas-snapshot.json was not found, so the gas limit was checked " +
        "against 30,000,000 only; run the contract gas test to write it.",
    );
  }

  const outDir = parseOutDir(raw.out);
  const hosts = parseHosts(raw.bootnodeHost, validators);
  const { rpcNode, rpcHost } = parseRpcEndpoint(
    raw,
    hosts,
    validators,
    warnings,
  );

  const accounts = (raw.account ?? []).map((text) =>
    parseAddress("--account", text),
  );
  const deployer =
    raw.deployer === undefined
      ? undefined
      : parseAddress("--deployer", raw.deployer);

  const plan: NetworkPlan = {
    validators,
    blockPeriodSeconds,
    requestTimeoutSeconds: Math.max(4, 2 * blockPeriodSeconds),
    chainId,
    gasLimit,
    outDir,
    force: raw.force ?? false,
    hosts,
    rpcNode,
    rpcHost,
    accounts: [...new Set(accounts)],
    deployer,
    accountPermissioning: raw.accountPermissioning ?? false,
  };
  return { plan, warnings };
}
