import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { parseCaseFile } from "../schema.ts";
import { CHAIN_CHECK_IDS, compareRecordWithChain } from "./compare.ts";
import type { EvaluationRecord } from "./record.ts";
import { sampleRecord } from "./sample-record.ts";

const url = new URL(
  "../../test/vectors/case-psat-2023-q18.json",
  import.meta.url,
);
const psat = parseCaseFile(JSON.parse(readFileSync(url, "utf8")));

function copy(record: EvaluationRecord): EvaluationRecord {
  return structuredClone(record);
}

function failedOf(record: EvaluationRecord, chain: EvaluationRecord) {
  return compareRecordWithChain(record, chain).filter((check) => !check.ok);
}

describe("compareRecordWithChain", () => {
  it("passes an identical record", async () => {
    const chain = await sampleRecord(psat);
    const checks = compareRecordWithChain(copy(chain), chain);
    expect(checks.map((check) => check.id)).toEqual([...CHAIN_CHECK_IDS]);
    for (const check of checks) expect(check.ok, check.detail).toBe(true);
  });

  it("ignores the letter case of addresses", async () => {
    const chain = await sampleRecord(psat);
    const record = copy(chain);
    record.registry = record.registry.toLowerCase() as typeof record.registry;
    expect(failedOf(record, chain)).toEqual([]);
  });

  it("names a swapped bidder name", async () => {
    const chain = await sampleRecord(psat);
    const record = copy(chain);
    const [first, second] = record.created.params.bidders;
    [first.name, second.name] = [second.name, first.name];
    const failed = failedOf(record, chain);
    expect(failed.map((check) => check.id)).toEqual(["chain-params"]);
    expect(failed[0].problems).toEqual([
      `created.params.bidders[0].name: the record has ${JSON.stringify(first.name)}, ` +
        `the chain has ${JSON.stringify(second.name)}`,
    ]);
  });

  it("counts a dropped commit", async () => {
    const chain = await sampleRecord(psat, { recommitSeat: 1 });
    const record = copy(chain);
    record.commits.splice(0, 1);
    const failed = failedOf(record, chain);
    expect(failed.map((check) => check.id)).toEqual(["chain-events"]);
    expect(failed[0].problems[0]).toMatch(
      /^commits: the chain has a commit of seat \d+ in block \d+ \(tx 0x[0-9a-f]{64}, log \d+\) that the record lacks$/,
    );
  });

  it("reports a changed block hash and title", async () => {
    const chain = await sampleRecord(psat);
    const record = copy(chain);
    record.asOf.blockHash = `0x${"ab".repeat(32)}`;
    record.created.params.title = "Another title";
    const failed = failedOf(record, chain);
    expect(failed.map((check) => check.id)).toEqual([
      "chain-block",
      "chain-params",
    ]);
    expect(failed[0].problems[0]).toMatch(/^asOf\.blockHash: /);
    expect(failed[1].problems[0]).toMatch(/^created\.params\.title: /);
  });

  it("reports a result the chain does not have", async () => {
    const chain = await sampleRecord(psat);
    const record = copy(chain);
    chain.result = null;
    const failed = failedOf(record, chain);
    expect(failed.map((check) => check.id)).toEqual(["chain-result"]);
    expect(failed[0].problems[0]).toMatch(/^result: the record has \{/);
    expect(failed[0].problems[0]).toMatch(/the chain has null$/);
  });

  it("names a commit the record lacks by its transaction and log", async () => {
    const chain = await sampleRecord(psat);
    const record = copy(chain);
    const [dropped] = record.commits.splice(0, 1);
    const failed = failedOf(record, chain);
    expect(failed.map((check) => check.id)).toEqual(["chain-events"]);
    expect(failed[0].problems).toEqual([
      `commits: the chain has a commit of seat ${dropped.seat + 1} in block ` +
        `${dropped.block} (tx ${dropped.transactionHash}, log ` +
        `${dropped.logIndex}) that the record lacks`,
    ]);
  });

  it("names a claim the chain lacks", async () => {
    const chain = await sampleRecord(psat);
    const record = copy(chain);
    const extra = { ...record.claims[1], logIndex: 99 };
    record.claims.push(extra);
    const failed = failedOf(record, chain);
    expect(failed[0].problems).toEqual([
      `claims: the record has a claim of seat ${extra.seat + 1} in block ` +
        `${extra.block} (tx ${extra.transactionHash}, log 99) that the ` +
        "chain lacks",
    ]);
  });

  it("says at which block a final round's view was read", async () => {
    const chain = await sampleRecord(psat);
    const checks = compareRecordWithChain(copy(chain), chain, {
      statusBlock: chain.asOf.block + 5,
    });
    const status = checks.find((check) => check.id === "chain-status")!;
    expect(status.ok).toBe(true);
    expect(status.detail).toContain(
      `at block ${chain.asOf.block + 5}, the head: the node keeps no state ` +
        `at block ${chain.asOf.block}, and the round was finalized`,
    );
  });
});
