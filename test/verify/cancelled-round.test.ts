import { readFileSync } from "node:fs";
import { join } from "node:path";

import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  caseSheetComments,
  caseSheetScores,
  parseCaseFile,
} from "../../core/index.ts";
import { CHECK_IDS, type CheckId } from "../../core/verify/index.ts";
import { loadAdminAccount } from "../../cli/lib/admin-key.ts";
import { connectRpc } from "../../cli/lib/chain-client.ts";
import { createRound } from "../../cli/lib/create-round.ts";
import { registryAbi } from "../../cli/lib/registry-abi.ts";
import { claimSeat, commitSheet } from "../../cli/lib/seat-actions.ts";
import { sendContract } from "../../cli/lib/send.ts";
import { PROJECT_ROOT, runCli } from "../cli/run-cli.ts";
import { startTestChain, type TestChain } from "../cli/test-chain.ts";

// `jurybox verify` and `jurybox export` on a round that the administrator
// cancelled during scoring, after two seats claimed and one committed.

const psat = parseCaseFile(
  JSON.parse(
    readFileSync(
      join(PROJECT_ROOT, "test/vectors/case-psat-2023-q18.json"),
      "utf8",
    ),
  ),
);
const REASON = "입찰 공고 정정으로 재공고합니다.";
const RESULT_CHECKS: CheckId[] = ["finalized", "lottery-seed", "tally"];

let chain: TestChain;
let roundId: string;

const cli = (...args: string[]) =>
  runCli([...args, ...chain.args], { cwd: chain.dir });

async function runCancelledRound(): Promise<bigint> {
  const session = {
    connection: await connectRpc(chain.rpcUrl),
    registry: chain.registry,
  };
  const admin = await loadAdminAccount(chain.adminKeyFile);
  const created = await createRound(session, admin, psat, {
    appUrl: "http://127.0.0.1",
    saveKeys: false,
  });
  const id = created.roundId;
  const devices = [0, 1].map(() => privateKeyToAccount(generatePrivateKey()));
  for (const seat of [0, 1]) {
    const invite = privateKeyToAccount(created.keys.invites[seat].privateKey);
    await claimSeat(session, id, seat, invite, devices[seat]);
  }
  await commitSheet(
    session,
    id,
    0,
    devices[0],
    {
      scores: caseSheetScores(psat)[0],
      comments: caseSheetComments(psat)[0],
    },
    created.keys.escrow.publicKey,
  );
  await sendContract(session.connection, admin, {
    address: session.registry,
    abi: registryAbi,
    functionName: "cancelRound",
    args: [id, REASON],
  });
  return id;
}

interface VerifyJson {
  ok: boolean;
  cancelled: { block: number; transactionHash: string; reason: string } | null;
  checks: { id: CheckId; ok: boolean; outcome: string; detail: string }[];
  result: unknown;
}

beforeAll(async () => {
  chain = await startTestChain();
  roundId = (await runCancelledRound()).toString();
});

afterAll(async () => {
  await chain?.stop();
});

describe("verify on a cancelled round", () => {
  it("exits 0 and reports the cancellation", async () => {
    const run = await cli("verify", roundId, "--json");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const report: VerifyJson = JSON.parse(run.stdout);
    expect(report.ok).toBe(true);
    expect(report.cancelled?.reason).toBe(REASON);
    expect(report.result).toBeNull();
    expect(report.checks.map((check) => check.id)).toEqual([...CHECK_IDS]);
    for (const check of report.checks) {
      const expected = RESULT_CHECKS.includes(check.id)
        ? "cancelled"
        : "passed";
      expect(check.outcome, `${check.id}: ${check.detail}`).toBe(expected);
      expect(check.ok, check.id).toBe(true);
    }
  });

  it("names block and reason in text", async () => {
    const json: VerifyJson = JSON.parse(
      (await cli("verify", roundId, "--json")).stdout,
    );
    const block = json.cancelled!.block;
    const run = await cli("verify", roundId);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain("✗");
    const notApplicable = run.stdout
      .split("\n")
      .filter((line) => line.startsWith("– "));
    expect(notApplicable).toHaveLength(RESULT_CHECKS.length);
    for (const line of notApplicable) {
      expect(line).toContain(`cancelled in block ${block}`);
      expect(line).toContain(REASON);
    }
    expect(run.stdout).toContain(
      `${CHECK_IDS.length - RESULT_CHECKS.length} of ${CHECK_IDS.length} checks passed; ` +
        "finalized, lottery-seed, tally do not apply because the round was cancelled.",
    );
    // The reason ends with a full stop of its own.
    expect(run.stdout).toContain(`: ${REASON}\n`);
    expect(run.stdout).not.toContain(`${REASON}.`);
  });

  it("says no sheet was opened before the cancellation", async () => {
    const report: VerifyJson = JSON.parse(
      (await cli("verify", roundId, "--json")).stdout,
    );
    const reveals = report.checks.find((c) => c.id === "reveals-match")!;
    expect(reveals.detail).toBe(
      "no sheet was opened, because the round was cancelled before scoring " +
        "closed and reveals began",
    );
    expect(reveals.detail).not.toContain("not revealed");
  });

  it("agrees from the exported record", async () => {
    const file = join(chain.dir, "cancelled.record.json");
    const exported = await cli(
      "export",
      roundId,
      "--format",
      "json",
      "--out",
      file,
    );
    expect(exported.code, exported.stderr).toBe(0);
    const run = await runCli(["verify", "--record", file, "--json"]);
    expect(run.code).toBe(0);
    const report: VerifyJson = JSON.parse(run.stdout);
    const fromChain: VerifyJson = JSON.parse(
      (await cli("verify", roundId, "--json")).stdout,
    );
    expect(report.ok).toBe(true);
    expect(report.checks).toEqual(fromChain.checks);
  });
});

describe("export of a cancelled round", () => {
  it("writes a tender cancellation release", async () => {
    const run = await cli("export", roundId, "--format", "ocds");
    expect(run.code, run.stderr).toBe(0);
    const release = JSON.parse(run.stdout);
    expect(release.tag).toEqual(["tenderCancellation"]);
    expect(release.tender.status).toBe("cancelled");
    expect(release.awards).toEqual([]);
    expect(release.jurybox.cancellationReason).toBe(REASON);
  });

  it("writes a CSV with only the header", async () => {
    const run = await cli("export", roundId, "--format", "csv");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split("\r\n")).toEqual([
      "seat,seatIndex,bidder,criterion,score,comment",
      "",
    ]);
  });

  it("writes the JSON record with the cancellation", async () => {
    const run = await cli("export", roundId, "--format", "json");
    expect(run.code, run.stderr).toBe(0);
    const record = JSON.parse(run.stdout);
    expect(record.cancellation.reason).toBe(REASON);
    expect(record.result).toBeNull();
    expect(record.commits).toHaveLength(1);
  });
});
