// Writes the golden vectors of test/vectors/ from core/: the commitment,
// EIP-712 and tally cases that the contracts are tested against. Run from
// the repository root with `npx node scripts/generate-vectors.ts`, then
// commit the changed files.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  VECTORS_DIR,
  readPublishedCases,
  vectorJson,
} from "../core/node/vectors.ts";
import { buildVectors } from "../core/vectors/build.ts";

const root = process.cwd();
const vectors = buildVectors(readPublishedCases(root));

for (const [name, value] of Object.entries(vectors)) {
  const file = join(VECTORS_DIR, `${name}.json`);
  writeFileSync(join(root, file), vectorJson(value));
  console.log(
    `${file}: ${Array.isArray(value) ? value.length : value.items.length} vectors`,
  );
}
