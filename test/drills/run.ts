// Runs the failure drills one after the other against real processes on
// 127.0.0.1, prints one line per drill and `N passed, N failed`, and
// rewrites the drill table in docs/RELIABILITY.md.
// Usage: node test/drills/run.ts [drill id …] [--no-doc]
import { join } from "node:path";

import { PROJECT_ROOT } from "../../cli/lib/project.ts";
import { Checks, type Drill } from "./drill.ts";
import { failedSendDrill } from "./failed-send.ts";
import { killChainDrill } from "./kill-chain.ts";
import { killIndexerDrill } from "./kill-indexer.ts";
import { malformedFilesDrill } from "./malformed-files.ts";
import { rejectionsDrill } from "./rejections.ts";
import { sameSecondDrill } from "./same-second.ts";
import { signatureReplayDrill } from "./signature-replay.ts";
import { runCleanups } from "./support/cleanup.ts";
import { writeDrillTable, type DrillRow } from "./support/reliability-doc.ts";

const DRILLS: Drill[] = [
  killChainDrill,
  killIndexerDrill,
  sameSecondDrill,
  failedSendDrill,
  signatureReplayDrill,
  rejectionsDrill,
  malformedFilesDrill,
];

/** A drill that runs longer than this fails, so the run always ends. */
const DRILL_TIMEOUT_MS = 300_000;
const DOC = join(PROJECT_ROOT, "docs", "RELIABILITY.md");

function withTimeout<T>(promise: Promise<T>, ms: number, what: string) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} timed out after ${ms / 1000} s.`)),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function selectDrills(args: string[]): Drill[] {
  const ids = args.filter((arg) => !arg.startsWith("--"));
  if (ids.length === 0) return DRILLS;
  const unknown = ids.filter((id) => !DRILLS.some((drill) => drill.id === id));
  if (unknown.length > 0) {
    const known = DRILLS.map((drill) => drill.id).join(", ");
    throw new Error(
      `Unknown drill ${unknown.join(", ")}; run one of ${known}.`,
    );
  }
  return DRILLS.filter((drill) => ids.includes(drill.id));
}

/**
 * Runs one drill with a time limit, then its cleanup steps, prints its
 * line and returns its table row.
 */
async function runDrill(drill: Drill): Promise<DrillRow & { passed: boolean }> {
  const checks = new Checks();
  const lines: string[] = [];
  const started = performance.now();

  let passed = false;
  let checked: string;
  try {
    const result = await withTimeout(
      drill.run(checks, (line) => lines.push(line)),
      DRILL_TIMEOUT_MS,
      `Drill ${drill.id}`,
    );
    passed = true;
    checked = result.checked;
  } catch (error) {
    checked = `failed: ${(error as Error).message}`;
    if (process.env.DRILL_VERBOSE) console.error(error);
  }

  const failures = await runCleanups();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (failures.length > 0 && passed) {
    passed = false;
    checked = `cleanup failed: ${failures.join("; ")}`;
  }

  const verdict = passed ? "PASS" : "FAIL";
  console.log(
    `${verdict}  ${drill.id}  ${seconds} s  ${checks.count} checks  ${checked}`,
  );
  if (!passed || process.env.DRILL_VERBOSE) {
    for (const line of lines) console.log(`      ${line}`);
  }

  return {
    id: drill.id,
    title: drill.title,
    action: drill.action,
    checked: passed ? `${checks.count} checks: ${checked}` : checked,
    result: passed ? `passed in ${seconds} s` : `FAILED after ${seconds} s`,
    date: new Date().toISOString().slice(0, 10),
    passed,
  };
}

const args = process.argv.slice(2);
// Hardhat, which deploys the registry, reads its config from here.
process.chdir(PROJECT_ROOT);
let selected: Drill[];
try {
  selected = selectDrills(args);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const rows = [];
for (const drill of selected) rows.push(await runDrill(drill));
const passed = rows.filter((row) => row.passed).length;
console.log(`${passed} passed, ${rows.length - passed} failed`);
if (!args.includes("--no-doc")) {
  await writeDrillTable(
    DOC,
    DRILLS.map((drill) => drill.id),
    rows,
  );
  console.log(`Drill table written to ${DOC}`);
}
// Clients of stopped chains may hold sockets open for a while.
process.exit(passed === rows.length ? 0 : 1);
