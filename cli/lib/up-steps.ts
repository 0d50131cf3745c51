import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

import type { Address } from "viem";

import {
  projectDeploymentPaths,
  writeDeploymentsFile,
} from "../deploy/deployments-file.ts";
import { InvalidArgumentError } from "./errors.ts";
import { PROJECT_ROOT } from "./project.ts";

/** Host and port of the embedded chain, taken from --rpc. */
export function parseLoopbackRpc(rpcUrl: string): {
  host: string;
  port: number;
} {
  let url: URL;
  try {
    url = new URL(rpcUrl);
  } catch {
    throw new InvalidArgumentError("--rpc", rpcUrl, "an http:// URL");
  }
  const host = url.hostname === "localhost" ? "127.0.0.1" : url.hostname;
  if (url.protocol !== "http:" || !/^127\.\d+\.\d+\.\d+$/.test(host)) {
    throw new InvalidArgumentError(
      "--rpc",
      rpcUrl,
      "http://127.0.0.1:PORT, because the embedded chain listens on the " +
        "loopback address only",
    );
  }
  return { host, port: url.port === "" ? 80 : Number(url.port) };
}

/**
 * Rewrites core/generated/deployments.json, which the app and the indexer
 * read, unless it already lists this registry for the chain.
 */
export async function refreshGeneratedDeployments(
  chainId: number,
  registry: Address,
  log: (line: string) => void,
): Promise<void> {
  const paths = projectDeploymentPaths(PROJECT_ROOT);
  let listed: string | undefined;
  try {
    const text = await readFile(paths.outputFile, "utf8");
    const deployments = JSON.parse(text) as Record<
      string,
      { registry?: string }
    >;
    listed = deployments[String(chainId)]?.registry;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  if (listed?.toLowerCase() === registry.toLowerCase()) return;

  await writeDeploymentsFile(paths.deploymentsDir, paths.outputFile);
  log(`Updated ${paths.outputFile}`);
}

/** The round that `up` created as the demo, per chain and registry. */
interface DemoRecord {
  chainId: number;
  registry: Address;
  roundId: string;
}

const demoRecordFile = (dataDir: string) => join(dataDir, "demo-round.json");

/** Reads the demo round id recorded for this registry, if any. */
export async function readDemoRecord(
  dataDir: string,
  chainId: number,
  registry: Address,
): Promise<bigint | undefined> {
  let record: DemoRecord;
  try {
    record = JSON.parse(await readFile(demoRecordFile(dataDir), "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const sameRegistry =
    record.chainId === chainId &&
    record.registry.toLowerCase() === registry.toLowerCase();
  return sameRegistry ? BigInt(record.roundId) : undefined;
}

export async function writeDemoRecord(
  dataDir: string,
  record: { chainId: number; registry: Address; roundId: bigint },
): Promise<void> {
  const text = JSON.stringify(
    { ...record, roundId: record.roundId.toString() },
    null,
    2,
  );
  await writeFile(demoRecordFile(dataDir), text + "\n");
}
