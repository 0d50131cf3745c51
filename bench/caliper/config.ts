// Caliper's network and benchmark configuration for the registry. The
// network configuration names the registry that the runner deployed, so
// Caliper runs with its install phase skipped. Caliper 0.6's Ethereum
// connector reads the file with require(), so it must be JSON.
import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import type { Address } from "viem";

import { registryAbi } from "../../cli/lib/registry-abi.ts";
import type { PayloadSets } from "./payloads.ts";
import type { GasLimits } from "./rounds.ts";

const WORKLOADS = fileURLToPath(new URL("workloads/", import.meta.url));

/** Send rates of the measured rounds, in transactions per second. */
export interface RoundRates {
  commit: number;
  reveal: number;
  finalReveal: number;
}

export interface CaliperFiles {
  networkConfig: string;
  benchmarkConfig: string;
  report: string;
}

/**
 * Writes the payload files and both configurations into `dir`. The worker
 * keys come from a fresh seed: the connector derives one key per worker
 * from it (m/44'/60'/<worker>'/0/0), and at zero gas price the keys need
 * no funds.
 */
export async function writeCaliperFiles(options: {
  dir: string;
  wsUrl: string;
  /** The port anvil listens on, which identifies its process among others. */
  anvilPort: number;
  chainId: number;
  registry: Address;
  gas: GasLimits;
  payloads: PayloadSets;
  workers: number;
  rates: RoundRates;
}): Promise<CaliperFiles> {
  const { dir, payloads } = options;
  const files = {
    commits: join(dir, "commits.json"),
    reveals: join(dir, "reveals.json"),
    finalReveals: join(dir, "final-reveals.json"),
  };
  await writeFile(files.commits, JSON.stringify(payloads.commits));
  await writeFile(files.reveals, JSON.stringify(payloads.reveals));
  await writeFile(files.finalReveals, JSON.stringify(payloads.finalReveals));

  const abi = registryAbi as unknown;
  const network = {
    caliper: { blockchain: "ethereum" },
    ethereum: {
      url: options.wsUrl,
      fromAddressSeed: `0x${randomBytes(32).toString("hex")}`,
      transactionConfirmationBlocks: 1,
      gasPrice: 0,
      chainId: options.chainId,
      contracts: {
        registry: {
          address: options.registry,
          abi,
          gas: {
            commitSheet: options.gas.commitSheet,
            revealSheet: options.gas.revealSheet,
          },
        },
        // The same contract with the gas limit of a tallying reveal, so
        // that ordinary reveals keep a limit that lets many share a block.
        finalizingRegistry: {
          address: options.registry,
          abi,
          gas: { revealSheet: options.gas.finalReveal },
        },
      },
    },
  };

  const round = (
    label: string,
    module: string,
    payloadFile: string,
    count: number,
    tps: number,
    contract: string,
  ) => ({
    label,
    description: `${count} ${label} transactions at ${tps} per second`,
    txNumber: count,
    rateControl: { type: "fixed-rate", opts: { tps } },
    workload: {
      module: join(WORKLOADS, module),
      arguments: { payloadFile, contract },
    },
  });
  const { rates } = options;
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // Caliper's process monitor matches `ps lx` rows: the command and the
  // arguments joined with commas against these regular expressions.
  const monitors = {
    resource: [
      {
        module: "process",
        options: {
          interval: 1,
          processes: [
            {
              command: "anvil",
              arguments: `--port,${options.anvilPort},`,
              multiOutput: "sum",
            },
            {
              command: "node",
              arguments: `launch,worker,--caliper-workspace,${escape(dir)}`,
              multiOutput: "sum",
            },
          ],
        },
      },
    ],
  };
  const benchmark = {
    monitors,
    test: {
      name: "jurybox-registry",
      description: "Sheet commits and reveals on the Jurybox registry",
      workers: { number: options.workers },
      rounds: [
        round(
          "commitSheet",
          "commit-sheets.cjs",
          files.commits,
          payloads.commits.length,
          rates.commit,
          "registry",
        ),
        round(
          "revealSheet",
          "reveal-sheets.cjs",
          files.reveals,
          payloads.reveals.length,
          rates.reveal,
          "registry",
        ),
        round(
          "revealSheet-tally",
          "reveal-sheets.cjs",
          files.finalReveals,
          payloads.finalReveals.length,
          rates.finalReveal,
          "finalizingRegistry",
        ),
      ],
    },
  };

  const result = {
    networkConfig: join(dir, "network.json"),
    benchmarkConfig: join(dir, "benchmark.json"),
    report: join(dir, "report.html"),
  };
  await writeFile(result.networkConfig, JSON.stringify(network, null, 2));
  await writeFile(result.benchmarkConfig, JSON.stringify(benchmark, null, 2));
  return result;
}
