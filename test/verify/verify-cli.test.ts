import { spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";

import { keccak256, stringToHex } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { CHAIN_CHECK_IDS, CHECK_IDS } from "../../core/verify/index.ts";
import type { CheckId, EvaluationRecord } from "../../core/verify/index.ts";
import { PROJECT_ROOT, runCli } from "../cli/run-cli.ts";
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
    expect(run.stdout).toContain("The result in the record, NOT confirmed:");
  });
});

/** Swaps the names of the first two bidders, which nothing signs. */
function swapBidderNames(record: EvaluationRecord): void {
  const [first, second] = record.created.params.bidders;
  [first.name, second.name] = [second.name, first.name];
}

interface ComparedJson extends VerifyJson {
  comparedWithChain: boolean;
  rpc: string | null;
  chainChecks: { id: string; ok: boolean; problems: string[] }[];
}

describe("verify --record compared with a chain", () => {
  let original: string;
  let file: string;

  beforeAll(async () => {
    const psat = cases.find((c) => c.name.includes("psat")) ?? cases[0];
    file = await exportRecord(psat.name);
    original = await readFile(file, "utf8");
  });

  async function writeRecord(
    name: string,
    change: (record: EvaluationRecord) => void,
  ): Promise<string> {
    const record: EvaluationRecord = JSON.parse(original);
    change(record);
    const path = join(chain.dir, `${name}.json`);
    await writeFile(path, JSON.stringify(record));
    return path;
  }

  it("says a record without --rpc was not compared", async () => {
    const run = await runCli(["verify", "--record", file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("checked for internal consistency only");
    expect(run.stdout).toContain("run again with --rpc URL");
    expect(run.stdout).toContain(JSON.parse(original).asOf.blockHash);
    expect(run.stdout).not.toContain("on chain, recomputed and confirmed");
    expect(run.stdout).toContain("NOT compared with a chain");
    // The warning comes before the first check mark, and the summary does
    // not call the result confirmed.
    const lines = run.stdout.split("\n");
    const warning = lines.findIndex((line) => line.startsWith("Warning: "));
    const firstMark = lines.findIndex((line) => line.startsWith("✓ "));
    expect(warning).toBeGreaterThan(0);
    expect(warning).toBeLessThan(firstMark);
    expect(run.stdout).toContain(
      `All ${CHECK_IDS.length} checks passed; the record is consistent in ` +
        "itself, which does not confirm its result on any chain.",
    );

    const json = await runCli(["verify", "--record", file, "--json"]);
    const report: ComparedJson = JSON.parse(json.stdout);
    expect(report.comparedWithChain).toBe(false);
    expect(report.chainChecks).toEqual([]);
  });

  it("confirms an exported record with --rpc", async () => {
    const run = await runCli([
      "verify",
      "--record",
      file,
      "--rpc",
      chain.rpcUrl,
      "--json",
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const report: ComparedJson = JSON.parse(run.stdout);
    expect(report.comparedWithChain).toBe(true);
    expect(report.rpc).toBe(chain.rpcUrl);
    expect(report.chainChecks.map((check) => check.id)).toEqual([
      ...CHAIN_CHECK_IDS,
    ]);
    for (const check of report.chainChecks) {
      expect(check.ok, check.problems.join("; ")).toBe(true);
    }
  });

  it("passes a record with swapped names alone", async () => {
    const doctored = await writeRecord("swapped-names", swapBidderNames);
    const run = await runCli(["verify", "--record", doctored, "--json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).ok).toBe(true);
  });

  it("fails a record with swapped names with --rpc", async () => {
    const doctored = await writeRecord("swapped-names-rpc", swapBidderNames);
    const run = await runCli([
      "verify",
      "--record",
      doctored,
      "--rpc",
      chain.rpcUrl,
      "--json",
    ]);
    expect(run.code).toBe(1);
    const report: ComparedJson = JSON.parse(run.stdout);
    expect(report.ok).toBe(false);
    expect(report.checks.every((check) => check.ok)).toBe(true);
    const params = report.chainChecks.find((c) => c.id === "chain-params")!;
    expect(params.ok).toBe(false);
    expect(params.problems[0]).toMatch(
      /^created\.params\.bidders\[0\]\.name: the record has /,
    );
    const others = report.chainChecks.filter((c) => c.id !== "chain-params");
    expect(others.every((check) => check.ok)).toBe(true);
  });

  it("prints the differing field in text", async () => {
    const doctored = await writeRecord("dropped-claim", (record) => {
      record.claims.pop();
    });
    const run = await runCli([
      "verify",
      "--record",
      doctored,
      "--rpc",
      chain.rpcUrl,
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`Compared with the chain at ${chain.rpcUrl}`);
    expect(run.stdout).toMatch(/^✗ .*\[chain-events\]$/m);
    expect(run.stdout).toContain(
      "The result in the record, NOT confirmed by the chain:",
    );
    expect(run.stdout).not.toContain("The result on chain");
    expect(run.stdout).toMatch(
      /^ {4}- claims: the chain has a claim of seat \d+ in block \d+ \(tx 0x[0-9a-f]{64}, log \d+\) that the record lacks$/m,
    );
  });

  it("fails a changed block hash with --rpc", async () => {
    const doctored = await writeRecord("block-hash", (record) => {
      record.asOf.blockHash = keccak256(stringToHex("another block"));
    });
    const run = await runCli([
      "verify",
      "--record",
      doctored,
      "--rpc",
      chain.rpcUrl,
      "--json",
    ]);
    expect(run.code).toBe(1);
    const report: ComparedJson = JSON.parse(run.stdout);
    const block = report.chainChecks.find((c) => c.id === "chain-block")!;
    expect(block.problems[0]).toMatch(/^asOf\.blockHash: /);
  });

  it("rejects a node of another chain id", async () => {
    const doctored = await writeRecord("other-chain", (record) => {
      record.chainId = 5;
    });
    const run = await runCli([
      "verify",
      "--record",
      doctored,
      "--rpc",
      chain.rpcUrl,
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      "runs chain 1337, but the record is of chain 5",
    );
    const json = await runCli([
      "verify",
      "--record",
      doctored,
      "--rpc",
      chain.rpcUrl,
      "--json",
    ]);
    expect(JSON.parse(json.stdout).error.code).toBe("chain-id-mismatch");
  });

  it("rejects a record of a block the node has not reached", async () => {
    const doctored = await writeRecord("future-block", (record) => {
      record.asOf.block = 10_000_000;
    });
    const run = await runCli([
      "verify",
      "--record",
      doctored,
      "--rpc",
      chain.rpcUrl,
      "--json",
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("below the record's block 10000000");
    expect(JSON.parse(run.stdout).error.code).toBe("block-not-reached");
  });

  it("says a node without the record's registry is not its chain", async () => {
    const doctored = await writeRecord("no-registry", (record) => {
      record.registry = "0x00000000000000000000000000000000000000a1";
    });
    const run = await runCli([
      "verify",
      "--record",
      doctored,
      "--rpc",
      chain.rpcUrl,
      "--json",
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `The node at ${chain.rpcUrl} has no contract at the record's registry`,
    );
    expect(run.stderr).toContain("it is not of the chain 1337 the record");
    expect(run.stderr).not.toContain("npm start");
    expect(JSON.parse(run.stdout).error.code).toBe("record-registry-missing");
  });

  it("shows a line break in a name as ⏎", async () => {
    const doctored = await writeRecord("line-break", (record) => {
      record.created.params.bidders[0].name = "First\nSecond";
    });
    const run = await runCli(["verify", "--record", doctored]);
    expect(run.stdout).toContain("First⏎Second");
    expect(run.stdout).not.toMatch(/^Second/m);
  });

  it("accepts a record with a byte order mark", async () => {
    const path = join(chain.dir, "bom.record.json");
    await writeFile(path, "\uFEFF" + original);
    const run = await runCli(["verify", "--record", path]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });
});

/** Starts an HTTP server on a free loopback port that is not a node. */
async function startPlainServer(): Promise<{ url: string; server: Server }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html" });
    response.end("<html>not a node</html>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server };
}

describe("verify and export errors", () => {
  it("prints a JSON error for an unknown round", async () => {
    const run = await cli("verify", "999", "--json");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("error: Round 999 does not exist");
    const document = JSON.parse(run.stdout);
    expect(document.ok).toBe(false);
    expect(document.error.code).toBe("round-not-found");
    expect(document.error.message).toContain("Round 999 does not exist");
    expect(typeof document.error.hint).toBe("string");
  });

  it("prints a JSON error for a bad record", async () => {
    const file = join(chain.dir, "not-json.json");
    await writeFile(file, "{ not json");
    const run = await runCli(["verify", "--record", file, "--json"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("is not valid JSON");
    expect(JSON.parse(run.stdout).error.message).toContain("not valid JSON");
    expect(JSON.parse(run.stdout).error.code).toBe("record-not-json");
  });

  it("names an empty record file", async () => {
    const file = join(chain.dir, "empty.json");
    await writeFile(file, "\n");
    const run = await runCli(["verify", "--record", file, "--json"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`The record file ${file} is empty.`);
    expect(JSON.parse(run.stdout).error.code).toBe("record-empty");
  });

  it("prints Commander's errors as one JSON document with --json", async () => {
    for (const args of [
      ["verify", "2", "--bogus", "--json"],
      ["export", "--json"],
      ["export", "1", "--json"],
    ]) {
      const run = await runCli(args);
      expect(run.code, args.join(" ")).toBe(1);
      expect(run.stderr, args.join(" ")).toMatch(/^error: /m);
      const document = JSON.parse(run.stdout);
      expect(document.ok).toBe(false);
      expect(document.error.code).toBe("usage");
      expect(document.error.message.length).toBeGreaterThan(0);
    }
    const help = await runCli(["verify", "--help", "--json"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: jurybox verify");
  });

  it("prints one JSON document naming the file for export --out --json", async () => {
    const id = roundIds.get(cases[0].name)!;
    const file = join(chain.dir, "out-json.csv");
    const run = await cli(
      "export",
      id,
      "--format",
      "csv",
      "--out",
      file,
      "--json",
    );
    expect(run.code, run.stderr).toBe(0);
    const document = JSON.parse(run.stdout);
    expect(document).toMatchObject({
      ok: true,
      file,
      format: "csv",
      roundId: id,
      chainId: 1337,
    });
    expect(document.bytes).toBe((await readFile(file)).length);
  });

  it("rejects export --format csv --json without --out", async () => {
    const id = roundIds.get(cases[0].name)!;
    const run = await cli("export", id, "--format", "csv", "--json");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("--json with --format csv needs --out FILE");
    expect(JSON.parse(run.stdout).error.code).toBe("csv-needs-out");
  });

  it("names an OCDS release given as a record", async () => {
    const file = join(chain.dir, "release.json");
    const id = roundIds.get(cases[0].name)!;
    const run = await cli("export", id, "--format", "ocds", "--out", file);
    expect(run.code, run.stderr).toBe(0);
    const verify = await runCli(["verify", "--record", file]);
    expect(verify.code).toBe(1);
    expect(verify.stderr).toContain("looks like an OCDS release");
    expect(verify.stderr).not.toContain("undefined");
    expect(verify.stderr).toContain("--format json");
  });

  it("rejects a registry address that is another contract", async () => {
    const other = "0x00000000000000000000000000000000000be5e1";
    // PUSH1 0 PUSH1 0 REVERT: code that reverts every call.
    await chain.client.request({
      method: "anvil_setCode" as never,
      params: [other, "0x60006000fd"] as never,
    });
    for (const args of [
      ["verify", "1"],
      ["export", "1", "--format", "json"],
      ["round", "status", "1"],
    ]) {
      const run = await runCli([
        ...args,
        "--rpc",
        chain.rpcUrl,
        "--registry",
        other,
      ]);
      expect(run.code, args.join(" ")).toBe(1);
      expect(run.stderr).toContain("is not a Jurybox registry");
      expect(run.stderr).not.toContain("reverted");
    }
  });

  it("names a record's registry that is another contract", async () => {
    const other = "0x00000000000000000000000000000000000be5e1";
    // PUSH1 0 PUSH1 0 REVERT: code that reverts every call.
    await chain.client.request({
      method: "anvil_setCode" as never,
      params: [other, "0x60006000fd"] as never,
    });
    // The user passes no --registry, so the hint must not mention one.
    const psat = cases.find((c) => c.name.includes("psat")) ?? cases[0];
    const record = JSON.parse(
      await readFile(await exportRecord(psat.name), "utf8"),
    );
    record.registry = other;
    const file = join(chain.dir, "other-contract.record.json");
    await writeFile(file, JSON.stringify(record));
    const run = await runCli([
      "verify",
      "--record",
      file,
      "--rpc",
      chain.rpcUrl,
      "--json",
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("is not a Jurybox registry");
    expect(run.stderr).not.toContain("Leave out --registry");
    expect(run.stderr).toContain("the record's registry");
    expect(JSON.parse(run.stdout).error.code).toBe("not-a-registry");
  });

  it("says a server that is not a node is not JSON-RPC", async () => {
    const { url, server } = await startPlainServer();
    try {
      const run = await runCli(["verify", "1", "--rpc", url, "--json"]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`The server at ${url} answered`);
      expect(run.stderr).not.toContain("No chain answers");
      expect(JSON.parse(run.stdout).error.code).toBe("not-json-rpc");
    } finally {
      server.close();
    }
  });

  it("rejects an invalid OCID prefix", async () => {
    const id = roundIds.get(cases[0].name)!;
    const run = await cli(
      "export",
      id,
      "--format",
      "ocds",
      "--ocid-prefix",
      "bad/prefix",
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Invalid --ocid-prefix "bad/prefix"');
    expect(run.stdout).toBe("");
  });

  it("rejects --ocid-prefix with --format csv", async () => {
    const id = roundIds.get(cases[0].name)!;
    const run = await cli(
      "export",
      id,
      "--format",
      "csv",
      "--ocid-prefix",
      "ocds-213czf",
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("--ocid-prefix applies to --format ocds only");
  });

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
    const run = await runCli(["verify", "1", "--record", "x.json", "--json"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Give either a round id or --record");
    expect(JSON.parse(run.stdout).error.code).toBe("round-id-with-record");
  });

  it("rejects an unknown export format", async () => {
    const run = await cli("export", "1", "--format", "xml");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Invalid --format "xml"');
  });
});

describe("a closed stdout", () => {
  it("lets simulate finish its round and exit 0 under head -2", async () => {
    const published = cases[0];
    // bash reports each command's exit code of a pipeline in PIPESTATUS.
    const quoted = [
      process.execPath,
      join(PROJECT_ROOT, "cli", "bin.js"),
      "simulate",
      published.file,
      ...chain.args,
    ]
      .map((word) => `'${word.replaceAll("'", "'\\''")}'`)
      .join(" ");
    const run = await runShell(
      `${quoted} | head -2; echo "status=\${PIPESTATUS[0]}" >&2`,
      chain.dir,
    );
    expect(run.stderr).not.toContain("EPIPE");
    expect(run.stderr).toContain("status=0");
    expect(run.stdout.split("\n").filter(Boolean)).toHaveLength(2);
    // The round it ran is the newest one, and it reached its result.
    const ids = [...roundIds.values()].map(Number);
    const next = String(Math.max(...ids) + 1);
    const verify = await cli("verify", next, "--json");
    expect(verify.code, verify.stderr).toBe(0);
    expect(JSON.parse(verify.stdout).result.winner).toBe(
      published.json.expected.winner,
    );
  });
});

function runShell(
  script: string,
  cwd: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", ["-c", script], {
      cwd,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (text) => (stdout += text));
    child.stderr.setEncoding("utf8").on("data", (text) => (stderr += text));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
