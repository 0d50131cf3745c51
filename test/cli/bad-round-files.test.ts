import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { evaluationRegistryAbi } from "../../core/generated/registry-abi.ts";
import { demoRound, type RoundJson } from "./round-files.ts";
import { runCli } from "./run-cli.ts";
import { startTestChain, type TestChain } from "./test-chain.ts";

/** Returns the demo round with one change and a future deadline, as JSON. */
function variant(change: (round: RoundJson) => void): string {
  const round = demoRound();
  change(round);
  return JSON.stringify(round);
}

// Each malformed file, with the field path and a part of the message that
// the command must print for it.
const BAD_FILES: { name: string; text: string; expected: string[] }[] = [
  {
    name: "negative technical weight",
    text: variant((round) => (round.rules.technicalWeight = -80)),
    expected: ["rules.technicalWeight: must be greater than 0"],
  },
  {
    name: "money with decimals",
    text: variant((round) => (round.bidders[0].bidPrice = "12.5")),
    expected: ["bidders[0].bidPrice: must be a whole number of won"],
  },
  {
    name: "unknown field",
    text: variant((round) => (round.colour = "blue")),
    expected: ["colour: is not a known field"],
  },
  {
    name: "maxima not adding up",
    text: variant((round) => (round.criteria[1].maxPoints = 30)),
    expected: [
      "criteria: maxPoints add up to 85 but rules.technicalWeight is 80",
    ],
  },
  {
    name: "trimming with two evaluators",
    text: variant((round) => {
      round.evaluators = 2;
      round.rules.minEvaluators = 2;
    }),
    expected: [
      'rules.trim: is "high-low-total"',
      "rules.minEvaluators: must be at least 3",
    ],
  },
  {
    name: "missing estimated price",
    text: variant((round) => delete round.rules.estimatedPrice),
    expected: ["rules.estimatedPrice: is missing"],
  },
  {
    name: "duplicate bidder names",
    text: variant((round) => (round.bidders[1].name = round.bidders[0].name)),
    expected: ["bidders[1].name: repeats the name of bidders[0]"],
  },
  {
    name: "three-decimal maximum",
    text: variant((round) => (round.criteria[0].maxPoints = 10.555)),
    expected: ["criteria[0].maxPoints: has more than 2 decimals"],
  },
  {
    name: "invalid JSON",
    text: '{ "title": ',
    expected: ["file: is not valid JSON"],
  },
  {
    name: "deadline in the past",
    text: variant(
      (round) => (round.schedule.scoringDeadline = "2020-01-01T09:00:00+09:00"),
    ),
    expected: [
      "The scoring deadline 2020-01-01T09:00:00+09:00 has already passed",
    ],
  },
  {
    name: "round too large for a block",
    text: variant((round) => (round.evaluators = 5000)),
    expected: [
      "The transaction needs more gas than one block allows.",
      "use fewer seats, bidders or criteria",
    ],
  },
];

let chain: TestChain;
let nonceBefore: number;

beforeAll(async () => {
  chain = await startTestChain();
  nonceBefore = await adminNonce();
});

afterAll(async () => {
  await chain?.stop();
});

describe("round create with a bad file", () => {
  it.each(BAD_FILES)("rejects $name", async ({ name, text, expected }) => {
    const file = join(chain.dir, `${name.replaceAll(" ", "-")}.json`);
    await writeFile(file, text);

    const run = await runCli(["round", "create", file, ...chain.args], {
      cwd: chain.dir,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^error: /);
    expect(run.stderr.length).toBeLessThan(4_000);
    for (const line of expected) expect(run.stderr).toContain(line);
  });

  it("reports a missing file", async () => {
    const file = join(chain.dir, "no-such-round.json");
    const run = await runCli(["round", "create", file, ...chain.args], {
      cwd: chain.dir,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`error: Could not read ${file}`);
  });

  it("sent nothing to the chain", async () => {
    const rounds = await chain.client.readContract({
      address: chain.registry,
      abi: evaluationRegistryAbi,
      functionName: "roundCount",
    });
    expect(rounds).toBe(0n);

    expect(await adminNonce()).toBe(nonceBefore);
  });

  it("saved no keys", async () => {
    const entries = await readdir(join(chain.dir, ".jurybox"));
    expect(entries).not.toContain("rounds");
  });
});

/** Reads the number of transactions the admin key has sent. */
async function adminNonce(): Promise<number> {
  const key = JSON.parse(await readFile(chain.adminKeyFile, "utf8"));
  return chain.client.getTransactionCount({ address: key.address });
}
