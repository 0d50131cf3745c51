import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

import { keccak256, stringToHex } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { CHECK_IDS } from "../../core/verify/index.ts";
import type { CheckId, EvaluationRecord } from "../../core/verify/index.ts";
import { runCli } from "../cli/run-cli.ts";
import { startTestChain, type TestChain } from "../cli/test-chain.ts";
import { readPublishedCases, type PublishedCase } from "./cases.ts";

// `jurybox verify` and `jurybox export` against rounds that
// `jurybox simulate --rpc` ran on a real anvil chain.

const cases = readPublishedCases();
const roundIds = new Map<string, string>();
let chain: TestChain;

const cli = (...args: string[]) =>
  runCli([...args, ...chain.args], { cwd: chain.dir });

beforeAll(async () => {
  chain = await startTestChain();
  for (const published of cases) {
    const run = await cli("simulate", published.file, "--json");
    if (run.code !== 0) {
      throw new Error(`simulate ${published.name} failed: ${run.stderr}`);
    }
    roundIds.set(published.name, JSON.parse(run.stdout).roundId);
  }
});

afterAll(async () => {
  await chain?.stop();
});

interface VerifyJson {
  ok: boolean;
  source: string;
  checks: { id: CheckId; ok: boolean; detail: string }[];
  result: {
    bidders: PublishedCase["json"]["expected"]["bidders"];
    winner: string | null;
  } | null;
}

async function exportRecord(name: string): Promise<string> {
  const file = join(chain.dir, `${name.replaceAll("/", "_")}.record.json`);
  const run = await cli(
    "export",
    roundIds.get(name)!,
    "--format",
    "json",
    "--out",
    file,
  );
  expect(run.code, run.stderr).toBe(0);
  return file;
}

it("finds the published cases", () => {
  expect(cases.length).toBeGreaterThanOrEqual(2);
});

describe.each(cases)("$name", (published) => {
  const { expected } = published.json;

  it("passes every check from RPC", async () => {
    const run = await cli("verify", roundIds.get(published.name)!, "--json");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const report: VerifyJson = JSON.parse(run.stdout);
    expect(report.ok).toBe(true);
    expect(report.source).toBe("rpc");
    expect(report.checks.map((check) => check.id)).toEqual([...CHECK_IDS]);
    for (const check of report.checks) {
      expect(check.ok, `${check.id}: ${check.detail}`).toBe(true);
    }
    expect(report.result?.bidders).toEqual(expected.bidders);
    expect(report.result?.winner).toBe(expected.winner);
  });

  it("prints one line per check", async () => {
    const run = await cli("verify", roundIds.get(published.name)!);
    expect(run.code).toBe(0);
    const marks = run.stdout.split("\n").filter((line) => /^[✓✗] /.test(line));
    expect(marks).toHaveLength(CHECK_IDS.length);
    expect(marks.every((line) => line.startsWith("✓ "))).toBe(true);
    expect(run.stdout).toContain(`All ${CHECK_IDS.length} checks passed.`);
    if (expected.winner !== null) {
      expect(run.stdout).toContain(
        `Winner (negotiation order 1): ${expected.winner}`,
      );
    }
  });

  it("passes from its exported record", async () => {
    const file = await exportRecord(published.name);
    const run = await runCli(["verify", "--record", file, "--json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const report: VerifyJson = JSON.parse(run.stdout);
    expect(report.source).toBe("record");
    expect(report.ok).toBe(true);
    expect(report.result?.winner).toBe(expected.winner);
  });

  it("exports the revealed scores as CSV", async () => {
    const id = roundIds.get(published.name)!;
    const run = await cli("export", id, "--format", "csv");
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.split("\r\n");
    expect(lines[0]).toBe("seat,seatIndex,bidder,criterion,score,comment");
    expect(lines.at(-1)).toBe("");

    const { json } = published;
    const criteria = json.criteria.filter((c) => c.kind === "qualitative");
    const expectedRows = json.sheets.flatMap((sheet, seat) =>
      json.bidders.flatMap((bidder, b) =>
        criteria.map((criterion, q) =>
          [
            seat + 1,
            seat,
            bidder.name,
            criterion.name,
            sheet.scores[b][q].toFixed(2),
            sheet.comments?.[b] ?? "",
          ].join(","),
        ),
      ),
    );
    expect(lines.slice(1, -1)).toEqual(expectedRows);
  });

  it("exports an OCDS award to the winner", async () => {
    const id = roundIds.get(published.name)!;
    const run = await cli("export", id, "--format", "ocds");
    expect(run.code, run.stderr).toBe(0);
    const release = JSON.parse(run.stdout);
    expect(release.tag).toEqual(["award"]);
    expect(release.ocid).toMatch(/^ocds-jurybox-1337-0x[0-9a-f]{40}-\d+$/);
    expect(release.tender.tenderers).toHaveLength(expected.bidders.length);
    const criteria = release.tender.lots[0].awardCriteria.criteria;
    expect(criteria).toHaveLength(published.json.criteria.length + 1);
    expect(
      release.awards.map(
        (a: { suppliers: { name: string }[] }) => a.suppliers[0].name,
      ),
    ).toEqual(expected.winner === null ? [] : [expected.winner]);
  });
});

type Doctor = {
  name: string;
  check: CheckId;
  change: (record: EvaluationRecord) => void;
};

const doctors: Doctor[] = [
  {
    name: "a changed score in a reveal",
    check: "reveals-match",
    change: (record) => {
      record.reveals[1].scores[0] -= 100;
    },
  },
  {
    name: "a changed result",
    check: "tally",
    change: (record) => {
      const bidder = record.result!.bidders[0];
      bidder.total = String(BigInt(bidder.total) + 10_000n);
    },
  },
  {
    name: "a swapped device",
    check: "sheets-signed",
    change: (record) => {
      const [first, second] = record.claims;
      [first.device, second.device] = [second.device, first.device];
    },
  },
  {
    name: "an altered salt",
    check: "lottery-seed",
    change: (record) => {
      record.reveals[0].salt = keccak256(stringToHex("a different salt"));
    },
  },
];

describe("verify --record on a doctored record", () => {
  let original: string;

  beforeAll(async () => {
    const psat = cases.find((c) => c.name.includes("psat")) ?? cases[0];
    original = await readFile(await exportRecord(psat.name), "utf8");
  });

  async function doctoredFile(doctor: Doctor): Promise<string> {
    const record: EvaluationRecord = JSON.parse(original);
    doctor.change(record);
    const file = join(chain.dir, `doctored-${doctor.check}.json`);
    await writeFile(file, JSON.stringify(record));
    return file;
  }

  it.each(doctors)("fails $check for $name", async (doctor) => {
    const file = await doctoredFile(doctor);
    const run = await runCli(["verify", "--record", file, "--json"]);
    expect(run.code).toBe(1);
    const report: VerifyJson = JSON.parse(run.stdout);
    expect(report.ok).toBe(false);
    const failed = report.checks.filter((c) => !c.ok).map((c) => c.id);
    expect(failed).toContain(doctor.check);
  });

  it("prints the failed check in text", async () => {
    const doctor = doctors.find((d) => d.check === "tally")!;
    const file = await doctoredFile(doctor);
    const run = await runCli(["verify", "--record", file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`^✗ .*\\[${doctor.check}\\]$`, "m"));
    expect(run.stdout).toMatch(/checks failed: .*\.$/m);
    expect(run.stdout).toContain("The result on chain, NOT confirmed:");
  });
});

describe("verify and export errors", () => {
  it("rejects an unknown round", async () => {
    const run = await cli("verify", "999");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("error: Round 999 does not exist");
  });

  it("rejects a record with invalid fields", async () => {
    const file = join(chain.dir, "invalid-record.json");
    await writeFile(
      file,
      JSON.stringify({ format: "jurybox-evaluation-record", version: 1 }),
    );
    const run = await runCli(["verify", "--record", file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^error: The evaluation record has \d+ fields invalid\./,
    );
    expect(run.stderr).toContain("  - created: ");
  });

  it("rejects a round id together with --record", async () => {
    const run = await runCli(["verify", "1", "--record", "x.json"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Give either a round id or --record");
  });

  it("rejects an unknown export format", async () => {
    const run = await cli("export", "1", "--format", "xml");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Invalid --format "xml"');
  });
});
