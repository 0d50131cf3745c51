// Measures the gas and speed figures of Jurybox, prints them as a table and
// writes bench/results/latest.json, a flat object of figures. Gas comes from
// the contract gas test, which also rewrites the committed gas-snapshot.json.
// Speed is measured on this machine, so compare runs on one machine only.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";

import { makeCaseFile } from "./case-generator.ts";
import { measureBrowser } from "./browser.ts";
import { measureIndexerBackfill } from "./indexer.ts";
import { measureCommitBurst } from "./burst.ts";
import { runScale, scaleResultFile } from "./scale.ts";
import { measureVerify } from "./verify.ts";

const RESULTS_DIR = new URL("./results/", import.meta.url);
const SIMULATE_RUNS = 3;
// The full 100-round scale run takes about ten minutes on two cores, so the
// benchmark runs ten rounds unless BENCH_SCALE_ROUNDS is set, and takes the
// 100-round figures from the file of the last `node bench/scale.ts` run.
// docs/SCALE.md has the longer runs.
const SCALE_ROUNDS = Number(process.env.BENCH_SCALE_ROUNDS ?? 10);
/** Figures that come from a 100-round run only. */
const HUNDRED_ROUND_KEYS = ["scale100RoundsMs", "chainStateMbPer100Rounds"];

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
    const output = runOrFail("node", [
      "cli/bin.js",
      "simulate",
      file,
      "--json",
    ]);
    times.push(Math.round(performance.now() - started));
    const result = JSON.parse(output);
    if (result.bidders.length !== 10) {
      const count = result.bidders.length;
      throw new Error(`The simulated round returned ${count} bidders, not 10.`);
    }
  }
  return { simulateMs: median(times) };
}

// Runs every failure drill without rewriting docs/RELIABILITY.md and counts
// the drills that passed.
function measureDrills(): Figures {
  console.log("Running the failure drills (test/drills/run.ts)…");
  const result = spawnSync("node", ["test/drills/run.ts", "--no-doc"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const summary = /(\d+) passed, (\d+) failed/.exec(result.stdout ?? "");
  if (summary === null) {
    process.stderr.write((result.stdout ?? "") + (result.stderr ?? ""));
    throw new Error("The drill runner printed no `N passed, N failed` line.");
  }
  // Shows why a drill failed, since the runner's output is captured.
  for (const line of (result.stdout ?? "").split("\n")) {
    if (line.startsWith("FAIL")) console.log(line);
  }
  const passed = Number(summary[1]);
  return { drillsPassed: passed, drillsTotal: passed + Number(summary[2]) };
}

async function measureIndexer(): Promise<Figures> {
  console.log("Measuring the indexer's backfill (bench/indexer.ts)…");
  const { indexerEventsPerSec, events } = await measureIndexerBackfill();
  return { indexerEventsPerSec, indexerBackfillEvents: events };
}

async function measureScale(): Promise<Figures> {
  console.log(`Running ${SCALE_ROUNDS} rounds of 15x30x20 (bench/scale.ts)…`);
  const scale = await runScale({ rounds: SCALE_ROUNDS });
  const picked: Figures = { scaleRounds: SCALE_ROUNDS };
  for (const key of [
    "scale100RoundsMs",
    "scaleRoundsMs",
    "scale100RoundsMsEstimate",
    "gasPerRound",
    "blocksUsed",
  ]) {
    if (key in scale) picked[key] = scale[key];
  }
  if (SCALE_ROUNDS === 100) {
    picked.chainStateMbPer100Rounds = scale.chainStateMbPer100Rounds;
    return picked;
  }
  return { ...picked, ...readHundredRoundRun() };
}

/**
 * Reads the 100-round figures from the last full scale run's file and
 * prints where they come from. Without that file they are left out.
 */
function readHundredRoundRun(): Figures {
  const file = scaleResultFile(100);
  let run: Figures;
  try {
    run = JSON.parse(readFileSync(file, "utf8")) as Figures;
  } catch {
    console.log(
      `No 100-round scale run in ${file}, so scale100RoundsMs and ` +
        "chainStateMbPer100Rounds are left out; run " +
        "`node bench/scale.ts --rounds 100` to measure them.",
    );
    return {};
  }
  console.log(
    `scale100RoundsMs and chainStateMbPer100Rounds come from the ` +
      `100-round run of ${run.measuredAt} in ${file}.`,
  );
  const picked: Figures = { scale100RoundsMeasuredAt: run.measuredAt };
  for (const key of HUNDRED_ROUND_KEYS) {
    if (typeof run[key] === "number") picked[key] = run[key];
  }
  return picked;
}

async function measureBurst(): Promise<Figures> {
  console.log("Sending 30 commits in the same second (bench/burst.ts)…");
  return measureCommitBurst();
}

const figures: Figures = {
  ...measureGas(),
  ...measureSimulate(),
  ...(await measureVerify()),
  ...(await measureBrowser()),
  ...(await measureIndexer()),
  ...measureDrills(),
  ...(await measureBurst()),
  ...(await measureScale()),
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
