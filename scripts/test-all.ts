// Runs every test suite of the repository one after the other and ends with
// a single `N passed, N failed` line summed over all of them. A suite that
// exits non-zero without reporting a failed test counts as one failure, so a
// crash can never pass for a green run.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

type Counts = { passed: number; failed: number; skipped: number };

type Suite = {
  name: string;
  command: string[];
  // The file whose presence means the suite exists in this checkout.
  requires?: string;
  // Returns the reason the suite cannot run here, or undefined when it can.
  unavailable?: () => string | undefined;
  parse: (output: string, jsonFile: string) => Counts;
};

const jsonDir = mkdtempSync(join(tmpdir(), "jurybox-tests-"));

function vitestSuite(name: string, config: string): Suite {
  const jsonFile = join(jsonDir, `${name}.json`);
  return {
    name,
    requires: config,
    command: [
      "npx",
      "vitest",
      "run",
      "--config",
      config,
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${jsonFile}`,
    ],
    parse: () => parseVitestJson(jsonFile),
  };
}

function parseVitestJson(file: string): Counts {
  if (!existsSync(file)) return { passed: 0, failed: 0, skipped: 0 };
  const report = JSON.parse(readFileSync(file, "utf8"));
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

// Mocha's and Hardhat's Solidity runner's closing lines: "12 passing",
// "1 failing", "2 pending".
function parseMochaText(output: string): Counts {
  const count = (word: string) => {
    const matches = [...output.matchAll(new RegExp(`(\\d+) ${word}`, "g"))];
    return matches.reduce((sum, match) => sum + Number(match[1]), 0);
  };
  return {
    passed: count("passing"),
    failed: count("failing"),
    skipped: count("pending") + count("skipped"),
  };
}

function parsePlainSummary(output: string): Counts {
  const match = [...output.matchAll(/(\d+) passed, (\d+) failed/g)].pop();
  if (!match) return { passed: 0, failed: 0, skipped: 0 };
  return { passed: Number(match[1]), failed: Number(match[2]), skipped: 0 };
}

function chromiumMissing(): string | undefined {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (existsSync(path)) return undefined;
  return `no Chromium at ${path}; install it with \`apt-get install -y chromium\``;
}

const suites: Suite[] = [
  {
    name: "types (tsc)",
    command: ["npx", "node", "scripts/typecheck.ts"],
    parse: parsePlainSummary,
  },
  {
    name: "contracts (Solidity)",
    command: ["npx", "hardhat", "test", "solidity"],
    parse: parseMochaText,
  },
  {
    name: "contracts (TypeScript)",
    command: ["npx", "hardhat", "test", "mocha"],
    parse: parseMochaText,
  },
  vitestSuite("core", "vitest.config.ts"),
  vitestSuite("chain", "vitest.chain.config.ts"),
  vitestSuite("cli", "vitest.cli.config.ts"),
  vitestSuite("app", "vitest.app.config.ts"),
  vitestSuite("network", "vitest.network.config.ts"),
  vitestSuite("verify", "vitest.verify.config.ts"),
  vitestSuite("indexer", "vitest.indexer.config.ts"),
  {
    name: "browser (Chromium)",
    requires: "test/e2e/run.ts",
    command: ["npx", "node", "test/e2e/run.ts"],
    unavailable: chromiumMissing,
    parse: parsePlainSummary,
  },
];

function run(command: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command[0], command.slice(1), {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, FORCE_COLOR: "0" },
    });
    let output = "";
    const forward = (chunk: Buffer, stream: NodeJS.WriteStream) => {
      output += chunk.toString();
      stream.write(chunk);
    };
    child.stdout.on("data", (chunk) => forward(chunk, process.stdout));
    child.stderr.on("data", (chunk) => forward(chunk, process.stderr));
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

const only = process.argv.slice(2);
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const lines: string[] = [];
/** The last lines of each suite that exited non-zero, repeated at the end. */
const failedOutputs: string[] = [];
const TAIL_LINES = 60;

for (const suite of suites) {
  if (only.length > 0 && !only.some((word) => suite.name.includes(word))) {
    continue;
  }
  if (suite.requires && !existsSync(suite.requires)) continue;

  const reason = suite.unavailable?.();
  if (reason) {
    lines.push(`${suite.name}: not run: ${reason}`);
    continue;
  }

  console.log(`\n=== ${suite.name}: ${suite.command.join(" ")}`);
  const { code, output } = await run(suite.command);
  const counts = suite.parse(output, "");
  if (code !== 0 && counts.failed === 0) counts.failed = 1;

  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
  const exit = code === 0 ? "" : ` (exit code ${code})`;
  if (code !== 0) {
    const tail = output.trimEnd().split("\n").slice(-TAIL_LINES).join("\n");
    failedOutputs.push(`--- ${suite.name}, last ${TAIL_LINES} lines:\n${tail}`);
  }
  lines.push(
    `${suite.name}: ${counts.passed} passed, ${counts.failed} failed, ` +
      `${counts.skipped} skipped${exit}`,
  );
}

if (failedOutputs.length > 0) {
  console.log("\n=== output of the suites that failed");
  for (const text of failedOutputs) console.log(text);
}
console.log("\n=== summary");
for (const line of lines) console.log(line);
let summary = `${total.passed} passed, ${total.failed} failed`;
if (total.skipped > 0) summary += `, ${total.skipped} skipped`;
console.log(summary);
process.exit(total.failed === 0 && total.passed > 0 ? 0 : 1);
