import { readFileSync } from "node:fs";

import { keccak256, stringToHex } from "viem";
import { describe, expect, it } from "vitest";

import { parseCaseFile } from "../schema.ts";
import type { CaseFile } from "../schema.ts";
import { CHECK_IDS } from "./check.ts";
import type { CheckId } from "./check.ts";
import type { EvaluationRecord } from "./record.ts";
import { sampleAccount, sampleRecord } from "./sample-record.ts";
import { verifyRecord } from "./verify.ts";

function readCase(name: string): CaseFile {
  const url = new URL(`../../test/vectors/${name}`, import.meta.url);
  return parseCaseFile(JSON.parse(readFileSync(url, "utf8")));
}

const psat = readCase("case-psat-2023-q18.json");
const uk = readCase("case-uk-fe-80-20.json");

/** Returns the ids of the checks that failed. */
async function failedChecks(record: EvaluationRecord): Promise<CheckId[]> {
  const report = await verifyRecord(record);
  return report.checks.filter((check) => !check.ok).map((check) => check.id);
}

async function problemsOf(record: EvaluationRecord, id: CheckId) {
  const report = await verifyRecord(record);
  return report.checks.find((check) => check.id === id)!.problems;
}

describe("verifyRecord on sound records", () => {
  it("passes every check of the psat case", async () => {
    const report = await verifyRecord(await sampleRecord(psat));
    expect(report.checks.map((check) => check.id)).toEqual([...CHECK_IDS]);
    for (const check of report.checks) {
      expect(check.ok, `${check.id}: ${check.detail}`).toBe(true);
      expect(check.problems).toEqual([]);
    }
    expect(report.ok).toBe(true);
  });

  it("passes the one-seat uk case", async () => {
    expect(await failedChecks(await sampleRecord(uk))).toEqual([]);
  });

  it("follows reissue, recusal and re-commit", async () => {
    const sixSeats = parseCaseFile({
      ...JSON.parse(JSON.stringify(psat)),
      evaluators: 6,
      sheets: [...psat.sheets, psat.sheets[0]],
    });
    const record = await sampleRecord(sixSeats, {
      reissueSeat: 1,
      recuseSeat: 5,
      recommitSeat: 2,
    });
    expect(record.reissues).toHaveLength(1);
    expect(record.recusals).toHaveLength(1);
    expect(record.commits).toHaveLength(6);
    expect(await failedChecks(record)).toEqual([]);
  });

  it("reports the winner in the tally detail", async () => {
    const report = await verifyRecord(await sampleRecord(psat));
    const tally = report.checks.find((check) => check.id === "tally")!;
    expect(tally.detail).toContain(`winner ${psat.expected!.winner}`);
  });
});

describe("verifyRecord on doctored records", () => {
  it("names sequence and the event for a record block below an event's", async () => {
    const record = await sampleRecord(psat);
    const last = record.result!;
    record.asOf.block = last.block - 1;
    expect(await failedChecks(record)).toEqual(["sequence"]);
    const problems = await problemsOf(record, "sequence");
    expect(problems).toContain(
      `block ${last.block} log ${last.logIndex}: RoundFinalized ` +
        `(transaction ${last.transactionHash}) is in block ${last.block}, ` +
        `after the record's block ${last.block - 1}`,
    );
    expect(problems.every((p) => p.includes("after the record's block"))).toBe(
      true,
    );
  });

  it("names reveals-match and tally for a changed score", async () => {
    const record = await sampleRecord(psat);
    record.reveals[2].scores[0] += 100;
    const failed = await failedChecks(record);
    expect(failed).toContain("reveals-match");
    expect(failed).toContain("tally");
    const problems = await problemsOf(record, "reveals-match");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^seat 3 \(index 2\): the revealed sheet hashes to/,
    );
  });

  it("names only tally for a changed result", async () => {
    const record = await sampleRecord(psat);
    const first = record.result!.bidders[0];
    first.technical = String(BigInt(first.technical) + 1n);
    expect(await failedChecks(record)).toEqual(["tally"]);
    const problems = await problemsOf(record, "tally");
    expect(problems[0]).toMatch(
      /^bidder 0 \(.+\): technical \d+\.\d{4} on chain/,
    );
  });

  it("names the signature checks for a swapped device", async () => {
    const record = await sampleRecord(psat);
    record.claims[0].device = record.claims[1].device;
    const failed = await failedChecks(record);
    expect(failed).toContain("claims-signed");
    expect(failed).toContain("pledges-signed");
    expect(failed).toContain("sheets-signed");
    const problems = await problemsOf(record, "sheets-signed");
    expect(problems).toEqual([
      expect.stringMatching(
        /^seat 1 \(index 0\) commit in block \d+: signed by 0x/,
      ),
    ]);
  });

  it("names reveals-match and lottery-seed for an altered salt", async () => {
    const record = await sampleRecord(psat);
    record.reveals[4].salt = keccak256(stringToHex("another salt"));
    const failed = await failedChecks(record);
    expect(failed).toContain("reveals-match");
    expect(failed).toContain("lottery-seed");
  });

  it("rejects a sheet signature that is missing", async () => {
    const record = await sampleRecord(psat);
    record.commits[3].signature = null;
    expect(await failedChecks(record)).toEqual(["sheets-signed"]);
    expect(await problemsOf(record, "sheets-signed")).toEqual([
      expect.stringContaining("no signature found in the calldata"),
    ]);
  });

  it("rejects a sheet signature with a high s", async () => {
    const record = await sampleRecord(psat);
    const signature = record.commits[0].signature!;
    const order =
      0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
    const s = BigInt(`0x${signature.slice(66, 130)}`);
    const v = signature.slice(130) === "1b" ? "1c" : "1b";
    const highS = (order - s).toString(16).padStart(64, "0");
    record.commits[0].signature = `0x${signature.slice(2, 66)}${highS}${v}`;
    expect(await problemsOf(record, "sheets-signed")).toEqual([
      expect.stringContaining("upper half of the curve order"),
    ]);
  });

  it("rejects a sheet signed by another key", async () => {
    const record = await sampleRecord(psat);
    const other = await sampleRecord(psat, { recommitSeat: 0 });
    record.commits[1].signature = other.commits[0].signature;
    expect(await failedChecks(record)).toEqual(["sheets-signed"]);
  });

  it("names sequence for a commit after close", async () => {
    const record = await sampleRecord(psat);
    const closing = record.closing!;
    record.commits[0] = {
      ...record.commits[0],
      block: closing.block,
      logIndex: closing.logIndex + 1,
    };
    const failed = await failedChecks(record);
    expect(failed).toContain("sequence");
    expect(failed).toContain("reveals-match");
  });

  it("names escrow for a commit without an escrow copy", async () => {
    const record = await sampleRecord(psat);
    record.commits[2].escrow = "0x";
    expect(await failedChecks(record)).toEqual(["escrow"]);
    expect(await problemsOf(record, "escrow")).toEqual([
      "seat 3 (index 2) committed without an escrow copy",
    ]);
  });

  it("names counts for a changed counter", async () => {
    const record = await sampleRecord(psat);
    record.status.revealed = 4;
    record.closing!.absent = 1;
    expect(await failedChecks(record)).toEqual(["counts"]);
    expect(await problemsOf(record, "counts")).toEqual([
      "getRound revealed is 4, but the events give 5",
      "ScoringClosed absent is 1, but the events give 0",
    ]);
  });

  it("names claims-signed for a claim by a replaced invite", async () => {
    const record = await sampleRecord(psat, { reissueSeat: 3 });
    record.reissues[0].invite = sampleAccount("someone else").address;
    expect(await failedChecks(record)).toEqual(["claims-signed"]);
  });

  it("fails the result checks of an unfinished round", async () => {
    const record = await sampleRecord(psat);
    record.result = null;
    record.reveals = [];
    record.status.phase = 2;
    record.status.revealed = 0;
    expect(await failedChecks(record)).toEqual([
      "finalized",
      "lottery-seed",
      "tally",
    ]);
  });
});

describe("verifyRecord on a cancelled round", () => {
  const reason = "The tender notice was corrected.";
  const resultChecks: CheckId[] = ["finalized", "lottery-seed", "tally"];

  it("reports the cancellation, not a failure", async () => {
    const record = await sampleRecord(psat, { cancelReason: reason });
    const report = await verifyRecord(record);
    expect(report.ok).toBe(true);
    expect(report.cancelled).toEqual({
      block: record.cancellation!.block,
      transactionHash: record.cancellation!.transactionHash,
      reason,
    });
    for (const check of report.checks) {
      const expected = resultChecks.includes(check.id) ? "cancelled" : "passed";
      expect(check.outcome, `${check.id}: ${check.detail}`).toBe(expected);
      expect(check.ok, check.id).toBe(true);
      expect(check.problems, check.id).toEqual([]);
    }
  });

  it("names the block and reason", async () => {
    const record = await sampleRecord(psat, { cancelReason: reason });
    const report = await verifyRecord(record);
    const block = record.cancellation!.block;
    for (const id of resultChecks) {
      const check = report.checks.find((entry) => entry.id === id)!;
      expect(check.detail).toContain(`cancelled in block ${block}`);
      expect(check.detail).toContain(reason);
    }
  });

  it("ends the detail with the reason", async () => {
    const ending = "입찰 공고 정정으로 재공고합니다.";
    const record = await sampleRecord(psat, { cancelReason: ending });
    const report = await verifyRecord(record);
    for (const id of resultChecks) {
      const check = report.checks.find((entry) => entry.id === id)!;
      expect(check.detail.endsWith(`: ${ending}`), check.detail).toBe(true);
    }
  });

  it("still checks the commit signatures", async () => {
    const record = await sampleRecord(psat, { cancelReason: reason });
    record.commits[1].signature = null;
    const report = await verifyRecord(record);
    expect(report.ok).toBe(false);
    expect(await failedChecks(record)).toEqual(["sheets-signed"]);
  });

  it("still checks the phase counter", async () => {
    const record = await sampleRecord(psat, { cancelReason: reason });
    record.status.phase = 1;
    expect(await failedChecks(record)).toEqual(["counts"]);
  });

  it("has no cancellation on a finalized round", async () => {
    const report = await verifyRecord(await sampleRecord(psat));
    expect(report.cancelled).toBeNull();
    expect(report.checks.every((check) => check.outcome === "passed")).toBe(
      true,
    );
  });
});

describe("verifyRecord on a cancellation after every reveal", () => {
  it("fails the sequence check", async () => {
    const record = await sampleRecord(psat);
    const { block, logIndex, transactionHash, timestamp } = record.result!;
    record.cancellation = {
      block,
      logIndex,
      transactionHash,
      timestamp,
      reason: "cancelled instead of finalized",
    };
    record.result = null;
    const problems = await problemsOf(record, "sequence");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(
      "cancellation after the last committed sheet was revealed",
    );
  });

  it("fails a missing RoundFinalized event", async () => {
    const record = await sampleRecord(psat);
    record.result = null;
    const problems = await problemsOf(record, "sequence");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("has no RoundFinalized event");
  });
});
