import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

import { ChainOptionError } from "./errors.ts";

/** npm packages that ship the anvil binary, by Node's platform and arch. */
const ANVIL_PACKAGES: Record<string, string> = {
  "linux-x64": "@foundry-rs/anvil-linux-amd64",
  "linux-arm64": "@foundry-rs/anvil-linux-arm64",
};

/**
 * Returns the path of the native anvil binary from its npm package. The
 * `anvil` command in node_modules/.bin is a Node wrapper whose kill -9 leaves
 * the real node running, so the supervisor starts the binary itself.
 */
export function findAnvilBinary(): string {
  const key = `${process.platform}-${process.arch}`;
  const packageName = ANVIL_PACKAGES[key];
  if (packageName === undefined) {
    throw new Error(
      `The embedded chain supports Linux on x64 and arm64, not ${key}; ` +
        `run anvil yourself and pass its path as anvilPath.`,
    );
  }
  const require = createRequire(import.meta.url);
  let manifest: string;
  try {
    manifest = require.resolve(`${packageName}/package.json`);
  } catch {
    throw new Error(
      `The anvil binary package ${packageName} is not installed; run ` +
        `\`npm ci\` so that npm installs the optional dependency.`,
    );
  }
  const binary = join(dirname(manifest), "bin", "anvil");
  if (!existsSync(binary)) {
    throw new Error(`The anvil binary is missing at ${binary}; run npm ci.`);
  }
  return binary;
}

/** Settings of the anvil node, after defaults and checks. */
export interface AnvilSettings {
  host: string;
  port: number;
  chainId: number;
  /** Seconds between blocks; 0 mines a block for each transaction. */
  blockTime: number;
  gasLimit: number;
  preserveHistoricalStates: boolean;
}

/** Checks the settings; the node may only listen on a loopback address. */
export function checkAnvilSettings(settings: AnvilSettings): void {
  const { host, port, chainId, blockTime } = settings;
  if (!/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) {
    throw new ChainOptionError("host", host, "an IPv4 loopback address");
  }
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ChainOptionError("port", port, "an integer from 1 to 65535");
  }
  if (!Number.isInteger(chainId) || chainId < 1) {
    throw new ChainOptionError("chainId", chainId, "a positive integer");
  }
  if (!Number.isInteger(blockTime) || blockTime < 0) {
    throw new ChainOptionError("blockTime", blockTime, "0 or whole seconds");
  }
}

/**
 * Builds anvil's command line. Fees are zero so that unfunded keys can send
 * transactions. No dev accounts are created: the chain needs no funded or
 * unlocked accounts. CORS is off, because anvil serves node control
 * methods such as anvil_setStorageAt to anyone who can reach it, and with
 * its default `Access-Control-Allow-Origin: *` any web page open in a
 * browser on this machine could call them. Browsers reach the chain
 * through the app server's same-origin /rpc proxy instead. `--timestamp` is left out on purpose: `--load-state`
 * keeps the original block 0, and a fixed genesis time would set the clock
 * of every block after a restart back to that time plus the uptime.
 */
export function buildAnvilArguments(
  settings: AnvilSettings,
  loadStateFile?: string,
): string[] {
  const args = [
    "--host",
    settings.host,
    "--port",
    String(settings.port),
    "--chain-id",
    String(settings.chainId),
    "--hardfork",
    "cancun",
    "--gas-limit",
    String(settings.gasLimit),
    "--base-fee",
    "0",
    "--gas-price",
    "0",
    "--disable-min-priority-fee",
    "--accounts",
    "0",
    "--color",
    "never",
    "--no-cors",
  ];
  if (settings.blockTime > 0) {
    args.push("--block-time", String(settings.blockTime));
  }
  if (settings.preserveHistoricalStates) {
    args.push("--preserve-historical-states");
  }
  if (loadStateFile !== undefined) args.push("--load-state", loadStateFile);
  return args;
}
