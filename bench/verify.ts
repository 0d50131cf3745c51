// Measures how long a public verifier takes to check a large round from
// RPC: fetchRoundRecord (events, calldata, block times over HTTP) plus
// verifyRecord (signatures, commitments, tally). The round is 15 seats ×
// 30 bidders × 20 criteria, run to the end by `jurybox simulate --rpc` on
// an anvil chain that this script starts on a free loopback port and stops.
//
// Run alone: `npx node bench/verify.ts` prints the figure as JSON.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { createPublicClient, http } from "viem";

import { fetchRoundRecord, verifyRecord } from "../core/verify/index.ts";
import { startTestChain } from "../test/cli/test-chain.ts";
import { makeCaseFile } from "./case-generator.ts";

const SEATS = 15;
const BIDDERS = 30;
const CRITERIA = 20;
const RUNS = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Runs a 15 × 30 × 20 round on a fresh chain and returns the median, over
 * three runs, of the milliseconds from the first RPC request of
 * fetchRoundRecord to the end of verifyRecord. Throws when the round does
 * not verify.
 */
export async function measureVerify(): Promise<{ verifyMs15x30x20: number }> {
  const chain = await startTestChain();
  try {
    const file = join(chain.dir, `case-${SEATS}x${BIDDERS}x${CRITERIA}.json`);
    writeFileSync(
      file,
      JSON.stringify(makeCaseFile(SEATS, BIDDERS, CRITERIA, 1)),
    );
    const bin = fileURLToPath(new URL("../cli/bin.js", import.meta.url));
    const simulated = spawnSync(
      process.execPath,
      [bin, "simulate", file, "--json", ...chain.args],
      { cwd: chain.dir, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
    );
    if (simulated.status !== 0) {
      throw new Error(
        `simulate failed with exit code ${simulated.status}: ${simulated.stderr}`,
      );
    }
    const roundId = BigInt(JSON.parse(simulated.stdout).roundId);

    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      // A new client per run, so no run reuses another's connection cache.
      const client = createPublicClient({ transport: http(chain.rpcUrl) });
      const started = performance.now();
      const record = await fetchRoundRecord(client, chain.registry, roundId);
      const report = await verifyRecord(record);
      times.push(Math.round(performance.now() - started));
      if (!report.ok) {
        const failed = report.checks.filter((check) => !check.ok);
        throw new Error(
          `The benchmark round failed verification: ` +
            failed.map((check) => `${check.id}: ${check.detail}`).join("; "),
        );
      }
    }
    return { verifyMs15x30x20: median(times) };
  } finally {
    await chain.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await measureVerify()));
}
