// Type-checks each TypeScript project of the repository with `tsc --noEmit`
// and ends with one "N passed, N failed" line, one count per project. The
// test runner runs it as a suite, because vitest and Node strip types
// without checking them.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const PROJECT_ROOT = fileURLToPath(new URL("..", import.meta.url));

// The contract tests import the typechain types that `hardhat compile`
// writes, so a fresh clone needs one compile before the root project
// can be checked.
if (!existsSync(join(PROJECT_ROOT, "types", "ethers-contracts", "index.ts"))) {
  const compile = spawnSync("npx", ["hardhat", "compile", "--quiet"], {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
  });
  if (compile.status !== 0) {
    console.log(`failed: hardhat compile\n${compile.stdout}${compile.stderr}`);
  }
}

/** tsconfig folders: the root covers core/, cli/, bench/ and test/. */
const PROJECTS = [".", "app", "subgraph"];

let passed = 0;
let failed = 0;
for (const project of PROJECTS) {
  const run = spawnSync("npx", ["tsc", "--noEmit", "-p", project], {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
  });
  if (run.status === 0) {
    passed += 1;
    console.log(`ok: tsc -p ${project}`);
  } else {
    failed += 1;
    console.log(`failed: tsc -p ${project}\n${run.stdout}${run.stderr}`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
