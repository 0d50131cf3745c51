import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { evaluationRegistryAbi } from "../../core/generated/registry-abi.ts";
import { demoRound, kstText } from "./round-files.ts";
import { PROJECT_ROOT, runCli } from "./run-cli.ts";
import { startTestChain, type TestChain } from "./test-chain.ts";

const PSAT_CASE = join(
  PROJECT_ROOT,
  "test",
  "vectors",
  "case-psat-2023-q18.json",
);
const PRIVATE_KEY = /0x[0-9a-fA-F]{64}/;

// The demo round with its scoring deadline moved to 17:00 KST two days
// from now, so the test does not expire with the file's fixed date.
const deadlineDay = kstText(Date.now() / 1000 + 2 * 24 * 3600).slice(0, 10);
const DEADLINE_KST = `${deadlineDay}T17:00:00+09:00`;
const DEADLINE_UTC = `${deadlineDay}T08:00:00Z`;

let chain: TestChain;
let ROUND_FILE: string;

beforeAll(async () => {
  chain = await startTestChain();
  const round = demoRound();
  round.schedule.scoringDeadline = DEADLINE_KST;
  ROUND_FILE = join(chain.dir, "round.json");
  await writeFile(ROUND_FILE, JSON.stringify(round));
});

afterAll(async () => {
  await chain?.stop();
});

const cli = (...args: string[]) =>
  runCli([...args, ...chain.args], { cwd: chain.dir });

function roundFolder(roundId: number): string {
  const name = `1337-${chain.registry.toLowerCase()}-${roundId}`;
  return join(chain.dir, ".jurybox", "rounds", name);
}

async function readJson(path: string) {
  return JSON.parse(await readFile(path, "utf8"));
}

describe("round create", () => {
  it("prints the round id as JSON", async () => {
    const run = await cli("round", "create", ROUND_FILE, "--json");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ roundId: "1" });

    const rounds = await chain.client.readContract({
      address: chain.registry,
      abi: evaluationRegistryAbi,
      functionName: "roundCount",
    });
    expect(rounds).toBe(1n);
  });

  it("saves invites and escrow key privately", async () => {
    const folder = roundFolder(1);
    expect((await stat(folder)).mode & 0o777).toBe(0o700);
    expect((await readdir(folder)).sort()).toEqual([
      "escrow.json",
      "invites.json",
      "round.json",
    ]);
    for (const file of ["escrow.json", "invites.json", "round.json"]) {
      expect((await stat(join(folder, file))).mode & 0o777).toBe(0o600);
    }

    const invites = await readJson(join(folder, "invites.json"));
    expect(invites).toHaveLength(7);
    invites.forEach((invite: Record<string, unknown>, seat: number) => {
      expect(invite.seat).toBe(seat);
      expect(invite.invitePrivateKey).toMatch(PRIVATE_KEY);
      expect(invite.url).toBe(
        `http://127.0.0.1:5173/#/e/1337/${chain.registry}/1/${seat}/` +
          invite.invitePrivateKey,
      );
    });

    const escrow = await readJson(join(folder, "escrow.json"));
    expect(escrow.privateKey).toMatch(PRIVATE_KEY);
    expect(escrow.publicKey).toMatch(/^0x0[23][0-9a-f]{64}$/);
  });

  it("stores the invite addresses on chain", async () => {
    const invites = await readJson(join(roundFolder(1), "invites.json"));
    for (const invite of invites) {
      const seat = await chain.client.readContract({
        address: chain.registry,
        abi: evaluationRegistryAbi,
        functionName: "getSeat",
        args: [1n, invite.seat],
      });
      expect(seat.invite).toBe(invite.inviteAddress);
    }
  });

  it("sends at zero gas price", async () => {
    const round = await readJson(join(roundFolder(1), "round.json"));
    const transaction = await chain.client.getTransaction({
      hash: round.transactionHash,
    });
    expect(transaction.gasPrice).toBe(0n);
  });

  it("prints the folder but no key", async () => {
    const run = await cli("round", "create", ROUND_FILE);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Round 2 created");
    expect(run.stdout).toContain(roundFolder(2));
    expect(run.stderr).toBe("");

    const folder = roundFolder(2);
    const invites = await readJson(join(folder, "invites.json"));
    const escrow = await readJson(join(folder, "escrow.json"));
    const keys = [
      ...invites.map((invite: { invitePrivateKey: string }) =>
        invite.invitePrivateKey.slice(2),
      ),
      escrow.privateKey.slice(2),
    ];
    for (const key of keys) expect(run.stdout).not.toContain(key);
  });

  it("uses the --app-url for invites", async () => {
    const run = await cli(
      "round",
      "create",
      ROUND_FILE,
      "--json",
      "--app-url",
      "https://192.0.2.10:8443/",
    );
    expect(run.code).toBe(0);
    const invites = await readJson(join(roundFolder(3), "invites.json"));
    expect(invites[4].url).toMatch(
      new RegExp(
        `^https://192\\.0\\.2\\.10:8443/#/e/1337/${chain.registry}/3/4/0x`,
      ),
    );
  });
});

describe("round status", () => {
  it("shows a new round as JSON", async () => {
    const run = await cli("round", "status", "1", "--json");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const status = JSON.parse(run.stdout);

    expect(status.roundId).toBe("1");
    expect(status.registry).toBe(chain.registry);
    expect(status.title).toBe(
      "가람구청 청사 실내 공기질·에너지 관리 IoT 구축 사업 제안서 평가",
    );
    expect(status.phase).toBe("scoring");
    expect(status.counts).toEqual({
      seats: 7,
      invited: 7,
      claimed: 0,
      committed: 0,
      revealed: 0,
      recused: 0,
      absent: null,
    });
    expect(status.seats).toHaveLength(7);
    for (const seat of status.seats) {
      expect(seat.state).toBe("invited");
      expect(seat.device).toBeNull();
    }
    expect(status.result).toBeNull();
  });

  it("gives deadlines in KST and UTC", async () => {
    const run = await cli("round", "status", "1", "--json");
    const { deadlines } = JSON.parse(run.stdout);
    const expected = Date.parse(DEADLINE_UTC) / 1000;

    expect(deadlines.scoring.unix).toBe(expected);
    expect(deadlines.scoring.kst).toBe(DEADLINE_KST);
    expect(deadlines.scoring.utc).toBe(DEADLINE_UTC);
    expect(deadlines.reveal.unix).toBe(expected + 24 * 60 * 60);
  });

  it("prints phase, deadlines and seats", async () => {
    const run = await cli("round", "status", "1");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("phase             scoring");
    expect(run.stdout).toContain(
      `scoring deadline  ${deadlineDay} 17:00:00 KST (08:00:00 UTC)`,
    );
    expect(run.stdout).toMatch(/^\s+6\s+invited\s+-/m);
    expect(run.stdout).toMatch(/^\s*index\s+state\s.*\slabel\s*$/m);
  });

  it("shows a finalised round's result", async () => {
    const simulated = await cli("simulate", PSAT_CASE, "--json");
    expect(simulated.code).toBe(0);
    const result = JSON.parse(simulated.stdout);
    expect(result.roundId).toBe("4");

    const run = await cli("round", "status", "4", "--json");
    expect(run.code).toBe(0);
    const status = JSON.parse(run.stdout);
    expect(status.phase).toBe("finalized");
    expect(status.counts.revealed).toBe(5);
    expect(status.counts.absent).toBe(0);
    expect(status.closedAutomatically).toBe(true);
    for (const seat of status.seats) {
      expect(seat.state).toBe("revealed");
      expect(seat.device).toMatch(/^0x[0-9a-fA-F]{40}$/);
      expect(seat.revealedAt.kst).toMatch(/\+09:00$/);
    }
    expect(status.result).toEqual(result);
  });

  it("rejects an unknown round", async () => {
    const run = await cli("round", "status", "99");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("error: Round 99 does not exist");
    expect(run.stdout).toBe("");
  });

  it("rejects an invalid round id", async () => {
    const run = await cli("round", "status", "abc");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Invalid round id "abc"');
  });
});
