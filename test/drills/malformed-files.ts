import { spawn } from "node:child_process";
import { readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

import { PROJECT_ROOT } from "../../cli/lib/project.ts";
import { parseRoundFile, RoundFileError } from "../../core/index.ts";
import type { Checks, Drill } from "./drill.ts";
import { makeDrillDir, startDrillChain } from "./support/chain.ts";
import { baseRounds, makeMalformedFiles } from "./support/malformed-files.ts";
import type { MalformedFile } from "./support/round-mutations.ts";
import { readRoundCount } from "./support/rounds.ts";

const FILES = 1000;
const SEED = 20_261_204;
/** Every CLI_SAMPLE_STEP-th file also goes through `jurybox round create`. */
const CLI_SAMPLE_STEP = 50;
const CLI_PARALLEL = 4;

/** True when `reported` is `expected` or a field inside it. */
function within(reported: string, expected: string): boolean {
  return (
    reported === expected ||
    reported.startsWith(`${expected}.`) ||
    reported.startsWith(`${expected}[`)
  );
}

/**
 * Parses one file and checks the rejection. It must be a RoundFileError
 * (no other exception) whose issues all have a path and a message, at
 * least one with a field path. The mutated path must be among them, or
 * one of the mutated paths for a file with several mistakes.
 */
function checkRejected(checks: Checks, file: MalformedFile, index: number) {
  const label = `file ${index} (${file.kind}: ${file.description})`;
  let error: unknown;
  try {
    parseRoundFile(file.text);
  } catch (caught) {
    error = caught;
  }
  if (error === undefined) checks.fail(`${label} was accepted`);
  if (!(error instanceof RoundFileError)) {
    return checks.fail(`${label} raised ${String(error)}`);
  }

  const { issues } = error;
  checks.ok(issues.length > 0, `${label} has issues`);
  checks.ok(
    issues.every(
      (issue) => typeof issue.path === "string" && issue.message !== "",
    ),
    `${label}: every issue has a path and a message`,
  );
  checks.ok(
    issues.some((issue) => issue.path !== ""),
    `${label}: a field path`,
  );

  const found = (expected: string) =>
    issues.some((issue) => within(issue.path, expected));
  const matched =
    file.kind === "several mistakes"
      ? file.expectedPaths.some(found)
      : file.expectedPaths.every(found);
  checks.ok(
    matched,
    `${label}: issue at ${file.expectedPaths.join(" or ")}`,
    issues.map((issue) => issue.path).join(", "),
  );
}

function runCli(args: string[], cwd: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>(
    (resolve, reject) => {
      const child = spawn(
        process.execPath,
        [join(PROJECT_ROOT, "cli", "bin.js"), ...args],
        {
          cwd,
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      let stdout = "";
      let stderr = "";
      child.stdout.setEncoding("utf8").on("data", (text) => (stdout += text));
      child.stderr.setEncoding("utf8").on("data", (text) => (stderr += text));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout, stderr }));
    },
  );
}

export const malformedFilesDrill: Drill = {
  id: "malformed-files",
  title: "1,000 malformed round files",
  action:
    `Generated ${FILES} mutations of three valid round files (missing ` +
    "keys, wrong types, negative numbers, too many decimals, bad money, " +
    "unknown keys, maxima not adding up, duplicate names, invalid choices, " +
    "cross-field mistakes, several at once), parsed each with " +
    `parseRoundFile, and sent every ${CLI_SAMPLE_STEP}th through ` +
    "`jurybox round create` to a running chain.",
  async run(checks, log) {
    for (const [index, base] of baseRounds().entries()) {
      parseRoundFile(JSON.stringify(base));
      checks.ok(true, `base round ${index} is valid`);
    }
    const files = makeMalformedFiles(FILES, SEED);
    checks.equal(files.length, FILES, "generated files");
    files.forEach((file, index) => checkRejected(checks, file, index));
    const kinds = new Set(files.map((file) => file.kind));
    log(
      `${FILES} files over ${kinds.size} kinds of mistake rejected by parseRoundFile`,
    );

    const chain = await startDrillChain({ blockTime: 0 });
    const dir = await makeDrillDir("files");
    const { client } = chain.connection;
    const nonceBefore = await client.getTransactionCount({
      address: chain.admin.address,
    });
    const countBefore = await readRoundCount(chain.session);
    const args = [
      "--rpc",
      chain.connection.rpcUrl,
      "--registry",
      chain.session.registry,
      "--admin-key-file",
      join(chain.dataDir, "keys", "admin.json"),
    ];
    const sample = files.filter(
      (_file, index) => index % CLI_SAMPLE_STEP === 0,
    );
    for (let start = 0; start < sample.length; start += CLI_PARALLEL) {
      await Promise.all(
        sample.slice(start, start + CLI_PARALLEL).map(async (file, offset) => {
          const index = (start + offset) * CLI_SAMPLE_STEP;
          const path = join(dir, `malformed-${index}.json`);
          await writeFile(path, file.text);
          const run = await runCli(["round", "create", path, ...args], dir);
          const label = `round create of file ${index} (${file.description})`;
          checks.equal(run.code, 1, `${label}: exit code`);
          checks.equal(run.stdout, "", `${label}: standard output`);
          checks.ok(
            run.stderr.includes("nothing was sent"),
            `${label}: says nothing was sent`,
            run.stderr,
          );
          checks.ok(
            file.expectedPaths.some((expected) =>
              run.stderr.includes(`${expected}`),
            ),
            `${label}: names ${file.expectedPaths.join(" or ")}`,
            run.stderr,
          );
        }),
      );
    }
    checks.equal(
      await client.getTransactionCount({ address: chain.admin.address }),
      nonceBefore,
      "admin nonce after the CLI runs",
    );
    checks.equal(
      await readRoundCount(chain.session),
      countBefore,
      "round count after the CLI runs",
    );
    checks.ok(
      !(await readdir(dir)).includes(".jurybox"),
      "no keys saved by the CLI runs",
    );
    await chain.stop();

    return {
      checked:
        `all ${FILES} files (${kinds.size} kinds) raised RoundFileError ` +
        "with every issue carrying a path and at least one a field path, " +
        "including the mutated field; the " +
        `${sample.length} sent through \`round create\` exited with code 1 ` +
        'naming the field and "nothing was sent", and the admin nonce, ' +
        `roundCount (${countBefore}) and the key folder stayed unchanged`,
    };
  },
};
