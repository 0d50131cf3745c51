// Measures the gas and speed figures of Jurybox, prints them as a table and
// writes bench/results/latest.json, a flat object of figures. Gas comes from
// the contract gas test, which also rewrites the committed gas-snapshot.json;
// speed is measured here on this machine, so compare runs on one machine only.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";

import { makeCaseFile } from "./case-generator.ts";
import { measureBrowser } from "./browser.ts";
import { measureVerify } from "./verify.ts";

const RESULTS_DIR = new URL("./results/", import.meta.url);
const SIMULATE_RUNS = 3;

type Figures = Record<string, number | string>;

function runOrFail(command: string, args: string[]): string {
  const result = spawnSync(command, args, {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, FORCE_COLOR: "0" },
  });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(
      `${command} ${args.join(" ")} failed with exit code ${result.status}.`,
    );
  }
  return result.stdout;
}

function measureGas(): Figures {
  console.log("Measuring gas (test/contracts/gas.test.ts)…");
  runOrFail("npx", ["hardhat", "test", "mocha", "test/contracts/gas.test.ts"]);
  const snapshot = JSON.parse(readFileSync("gas-snapshot.json", "utf8"));
  return snapshot as Figures;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

// Runs a 7 seats × 10 bidders × 8 criteria case through the real command,
// from process start to the printed result, on a fresh in-process chain.
function measureSimulate(): Figures {
  const folder = mkdtempSync(join(tmpdir(), "jurybox-bench-"));
  const file = join(folder, "case-7x10x8.json");
  writeFileSync(file, JSON.stringify(makeCaseFile(7, 10, 8, 1), null, 2));

  const times: number[] = [];
  for (let run = 0; run < SIMULATE_RUNS; run++) {
    console.log(`Simulating 7×10×8, run ${run + 1} of ${SIMULATE_RUNS}…`);
    const started = performance.now();
    const output = runOrFail("node", ["cli/bin.js", "simulate", file, "--json"]);
    times.push(Math.round(performance.now() - started));
    const result = JSON.parse(output);
    if (result.bidders.length !== 10) {
      const count = result.bidders.length;
      throw new Error(`The simulated round returned ${count} bidders, not 10.`);
    }
  }
  return { simulateMs: median(times) };
}

const figures: Figures = {
  ...measureGas(),
  ...measureSimulate(),
  ...(await measureVerify()),
  ...(await measureBrowser()),
  machineCores: cpus().length,
  measuredAt: new Date().toISOString(),
};

mkdirSync(RESULTS_DIR, { recursive: true });
writeFileSync(
  new URL("latest.json", RESULTS_DIR),
  JSON.stringify(figures, null, 2) + "\n",
);

const width = Math.max(...Object.keys(figures).map((key) => key.length));
console.log("");
for (const [key, value] of Object.entries(figures)) {
  console.log(`${key.padEnd(width)}  ${value}`);
}
console.log("\nWritten to bench/results/latest.json");
