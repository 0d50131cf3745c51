import { isIPv4 } from "node:net";
import { resolve } from "node:path";

import { getAddress, isAddress, type Address } from "viem";

import { GasLimitTooLowError, NetworkOptionError } from "./errors.ts";
import type { HeaviestTransaction } from "./gas-snapshot.ts";

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

export const DEFAULT_CHAIN_ID = 1337;
export const MIN_GAS_LIMIT = 30_000_000n;
/** Validators needed to tolerate one faulty validator: 3f + 1 with f = 1. */
export const FAULT_TOLERANT_VALIDATORS = 4;
/** Upper bound set by the Compose subnet and the port ranges, not by QBFT. */
export const MAX_VALIDATORS = 64;
/** Largest gas limit Besu accepts: a Java long. */
const MAX_GAS_LIMIT = 2n ** 63n - 1n;

/**
 * Chain ids for which Hardhat Ignition 3.1 ignores a zero base fee: it
 * uses legacy gas prices on 137 and 80002 and its priority-fee logic on
 * 56, 97, 204 and 5611, so deployments there would not be free.
 */
const IGNITION_SPECIAL_CHAIN_IDS = new Set([56, 97, 137, 204, 5611, 80002]);
/** Chain ids that local development chains use. */
const LOCAL_CHAIN_NAMES = new Map([
  [1337, "the embedded development chain that `npm start` runs"],
  [31337, "Hardhat's default network"],
]);

function parseWholeNumber(option: string, text: string): number {
  if (!/^\d+$/.test(text.trim())) {
    throw new NetworkOptionError(
      option,
      text,
      "expected a whole number",
      `Pass ${option} with digits only, e.g. ${option} 4.`,
    );
  }
  return Number(text.trim());
}

function parseValidators(text: string, warnings: string[]): number {
  const count = parseWholeNumber("--validators", text);
  if (count < 1) {
    throw new NetworkOptionError(
      "--validators",
      text,
      "a QBFT network needs at least 1 validator",
      `Pass --validators ${FAULT_TOLERANT_VALIDATORS} or more.`,
    );
  }
  if (count > MAX_VALIDATORS) {
    throw new NetworkOptionError(
      "--validators",
      text,
      `this generator supports at most ${MAX_VALIDATORS} validators`,
      `Pass --validators ${MAX_VALIDATORS} or fewer.`,
    );
  }
  if (count < FAULT_TOLERANT_VALIDATORS) {
    warnings.push(
      `${count} validator${count === 1 ? "" : "s"} tolerate no faulty ` +
        `validator: QBFT needs ${FAULT_TOLERANT_VALIDATORS} or more to keep ` +
        "making blocks while one is down or misbehaving. Use this only for " +
        "a trial network.",
    );
  }
  return count;
}

function parseBlockPeriod(text: string, warnings: string[]): number {
  const seconds = parseWholeNumber("--block-period", text);
  if (seconds < 1) {
    throw new NetworkOptionError(
      "--block-period",
      text,
      "QBFT needs a block period of at least 1 second",
      "Pass --block-period 1 or --block-period 2.",
    );
  }
  if (seconds > 2) {
    warnings.push(
      `Blocks every ${seconds} s delay each result by up to ${seconds} s; ` +
        "Jurybox is tuned for a 1 or 2 s block period.",
    );
  }
  return seconds;
}

function parseChainId(text: string, warnings: string[]): number {
  const chainId = parseWholeNumber("--chain-id", text);
  if (chainId < 1 || !Number.isSafeInteger(chainId)) {
    throw new NetworkOptionError(
      "--chain-id",
      text,
      "expected a positive whole number below 2^53",
      "Pass a private chain id such as --chain-id 202612.",
    );
  }
  if (IGNITION_SPECIAL_CHAIN_IDS.has(chainId)) {
    throw new NetworkOptionError(
      "--chain-id",
      text,
      "Hardhat Ignition does not send zero-fee transactions on this chain id",
      "Pick a chain id that no public network uses.",
    );
  }
  const localChain = LOCAL_CHAIN_NAMES.get(chainId);
  if (localChain !== undefined) {
    warnings.push(
      `Chain id ${chainId} is also the id of ${localChain}. Ignition keeps ` +
        `deployments in ignition/deployments/chain-${chainId}, so deploy ` +
        "to this network from a checkout that never deployed locally, or " +
        "pass --chain-id with an id of its own.",
    );
  }
  return chainId;
}

function parseGasLimit(
  text: string,
  heaviest: HeaviestTransaction | undefined,
): bigint {
  const trimmed = text.trim();
  if (!/^(0x[0-9a-fA-F]+|\d+)$/.test(trimmed)) {
    throw new NetworkOptionError(
      "--gas-limit",
      text,
      "expected a whole number in decimal or 0x hex",
      "Pass e.g. --gas-limit 30000000.",
    );
  }
  const limit = BigInt(trimmed);
  if (limit > MAX_GAS_LIMIT) {
    throw new NetworkOptionError(
      "--gas-limit",
      text,
      "Besu accepts at most 2^63 - 1",
      "Pass a smaller --gas-limit, e.g. 30000000.",
    );
  }
  if (limit < MIN_GAS_LIMIT) {
    throw new GasLimitTooLowError(
      limit,
      MIN_GAS_LIMIT,
      "the largest round is sized for a 30,000,000 gas block",
    );
  }
  if (heaviest !== undefined && limit < heaviest.gas) {
    throw new GasLimitTooLowError(
      limit,
      heaviest.gas,
      `${heaviest.name} in gas-snapshot.json needs that much in one block`,
    );
  }
  return limit;
}

function parseHost(option: string, text: string): string {
  if (!isIPv4(text)) {
    throw new NetworkOptionError(
      option,
      text,
      "expected an IPv4 address",
      "Besu enode URLs name hosts by IP address (domain names need its " +
        "early access DNS option), so pass e.g. 10.0.0.11.",
    );
  }
  return text;
}

function parseHosts(
  texts: string[] | undefined,
  validators: number,
): string[] | undefined {
  if (texts === undefined || texts.length === 0) return undefined;
  const hosts = texts
    .flatMap((text) => text.split(","))
    .map((text) => parseHost("--bootnode-host", text.trim()));
  if (hosts.length === 1) return Array(validators).fill(hosts[0]);
  if (hosts.length !== validators) {
    throw new NetworkOptionError(
      "--bootnode-host",
      hosts.join(","),
      `${hosts.length} hosts given for ${validators} validators`,
      "Give one host for all nodes, or exactly one host per validator in " +
        "node order.",
    );
  }
  return hosts;
}

function parseAddress(option: string, text: string): Address {
  if (!isAddress(text, { strict: false })) {
    throw new NetworkOptionError(
      option,
      text,
      "expected a 0x address of 40 hex digits",
      `Pass ${option} 0x… with the account's address.`,
    );
  }
  return getAddress(text);
}

function parseRpcNode(text: string, validators: number): number {
  const node = parseWholeNumber("--rpc-node", text);
  if (node < 1 || node > validators) {
    throw new NetworkOptionError(
      "--rpc-node",
      text,
      `the nodes are numbered 1 to ${validators}`,
      "Pass --rpc-node with the number of an existing node.",
    );
  }
  return node;
}

/** 30,000,000, or the heaviest snapshot transaction when that is larger. */
export function defaultGasLimit(heaviest: HeaviestTransaction | undefined) {
  if (heaviest !== undefined && heaviest.gas > MIN_GAS_LIMIT) {
    return heaviest.gas;
  }
  return MIN_GAS_LIMIT;
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
  if (raw.out.trim() === "") {
    throw new NetworkOptionError(
      "--out",
      raw.out,
      "expected a folder path",
      "Pass --out with a new folder, e.g. --out besu-network.",
    );
  }
  const rpcHost = parseHost("--rpc-host", raw.rpcHost ?? "127.0.0.1");
  if (rpcHost === "0.0.0.0") {
    warnings.push(
      "--rpc-host 0.0.0.0 opens the RPC node's JSON-RPC on every network " +
        "interface; allow only the app server through the firewall.",
    );
  }
  const hosts = parseHosts(raw.bootnodeHost, validators);
  const rpcNode = parseRpcNode(raw.rpcNode ?? "1", validators);
  const rpcNodeHost = hosts?.[rpcNode - 1];
  if (
    rpcNodeHost !== undefined &&
    ![rpcNodeHost, "127.0.0.1", "0.0.0.0"].includes(rpcHost)
  ) {
    warnings.push(
      `--rpc-host ${rpcHost} differs from node ${rpcNode}'s host ` +
        `${rpcNodeHost}: Besu can listen there only if it is an address ` +
        `of that machine.`,
    );
  }
  const accounts = [
    ...new Set((raw.account ?? []).map((a) => parseAddress("--account", a))),
  ];
  return {
    plan: {
      validators,
      blockPeriodSeconds,
      requestTimeoutSeconds: Math.max(4, 2 * blockPeriodSeconds),
      chainId,
      gasLimit,
      outDir: resolve(raw.out),
      force: raw.force ?? false,
      hosts,
      rpcNode,
      rpcHost,
      accounts,
      deployer:
        raw.deployer === undefined
          ? undefined
          : parseAddress("--deployer", raw.deployer),
      accountPermissioning: raw.accountPermissioning ?? false,
    },
    warnings,
  };
}
