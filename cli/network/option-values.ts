import { isIPv4 } from "node:net";

import { getAddress, isAddress, type Address } from "viem";

import { GasLimitTooLowError, NetworkOptionError } from "./errors.ts";
import type { HeaviestTransaction } from "./gas-snapshot.ts";

// Parsers of single option values of `jurybox network init`. Each throws a
// NetworkOptionError (or GasLimitTooLowError) that names the option, the
// value and the fix, and pushes what is valid but unwise onto `warnings`.

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

export function parseWholeNumber(option: string, text: string): number {
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

export function parseValidators(text: string, warnings: string[]): number {
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

export function parseBlockPeriod(text: string, warnings: string[]): number {
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

export function parseChainId(text: string, warnings: string[]): number {
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

export function parseGasLimit(
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

export function parseHost(option: string, text: string): string {
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

export function parseHosts(
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

export function parseAddress(option: string, text: string): Address {
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

export function parseRpcNode(text: string, validators: number): number {
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
