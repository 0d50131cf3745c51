import { readFileSync } from "node:fs";
import { join } from "node:path";

import type { LocalAccount } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  caseSheetComments,
  caseSheetScores,
  hashReason,
  juryboxDomain,
  juryboxTypedData,
  parseCaseFile,
} from "../../core/index.ts";
import {
  RoundEventsError,
  fetchRoundRecord,
  verifyRecord,
  type EvaluationRecord,
  type RecordClient,
} from "../../core/verify/index.ts";
import { loadAdminAccount } from "../../cli/lib/admin-key.ts";
import { connectRpc } from "../../cli/lib/chain-client.ts";
import {
  createRound,
  type RegistrySession,
} from "../../cli/lib/create-round.ts";
import { registryAbi } from "../../cli/lib/registry-abi.ts";
import {
  claimSeat,
  commitSheet,
  revealSheet,
} from "../../cli/lib/seat-actions.ts";
import { sendContract } from "../../cli/lib/send.ts";
import { PROJECT_ROOT } from "../cli/run-cli.ts";
import { startTestChain, type TestChain } from "../cli/test-chain.ts";

// fetchRoundRecord against a round that viem drives through every detour
// the registry allows: a reissued seat, a recusal and a re-commit. The
// round is the psat case with a sixth seat that recuses, so its result
// must still be the published one.

const psatJson = JSON.parse(
  readFileSync(
    join(PROJECT_ROOT, "test/vectors/case-psat-2023-q18.json"),
    "utf8",
  ),
);
const sixSeats = parseCaseFile({
  ...psatJson,
  evaluators: 6,
  sheets: [...psatJson.sheets, psatJson.sheets[0]],
});
const REISSUED = 1;
const RECOMMITTED = 2;
const RECUSED = 5;

let chain: TestChain;
let session: RegistrySession;
let roundId: bigint;

async function runDetouredRound(): Promise<bigint> {
  const admin = await loadAdminAccount(chain.adminKeyFile);
  const created = await createRound(session, admin, sixSeats, {
    appUrl: "http://127.0.0.1",
    saveKeys: false,
  });
  const id = created.roundId;
  const invites = created.keys.invites.map((invite) =>
    privateKeyToAccount(invite.privateKey),
  );
  const devices = invites.map(() => privateKeyToAccount(generatePrivateKey()));

  const newInvite = privateKeyToAccount(generatePrivateKey());
  await send(admin, "reissueSeat", [id, REISSUED, newInvite.address]);
  invites[REISSUED] = newInvite;
  for (const [seat, invite] of invites.entries()) {
    await claimSeat(session, id, seat, invite, devices[seat]);
  }
  await recuse(id, RECUSED, devices[RECUSED], "I advised bidder 2 last year.");

  const scores = caseSheetScores(sixSeats);
  const comments = caseSheetComments(sixSeats);
  const escrowKey = created.keys.escrow.publicKey;
  const firstDraft = scores[RECOMMITTED].map((score) => score - 500);
  await commitSheet(
    session,
    id,
    RECOMMITTED,
    devices[RECOMMITTED],
    {
      scores: firstDraft,
      comments: comments[RECOMMITTED],
    },
    escrowKey,
  );
  const sealed = [];
  for (const seat of [0, 1, 2, 3, 4]) {
    sealed.push(
      await commitSheet(
        session,
        id,
        seat,
        devices[seat],
        {
          scores: scores[seat],
          comments: comments[seat],
        },
        escrowKey,
      ),
    );
  }
  for (const seat of [0, 1, 2, 3, 4]) {
    await revealSheet(session, id, seat, devices[seat], sealed[seat]);
  }
  return id;
}

function send(account: LocalAccount, functionName: string, args: unknown[]) {
  return sendContract(session.connection, account, {
    address: session.registry,
    abi: registryAbi,
    functionName,
    args,
  });
}

async function recuse(
  id: bigint,
  seat: number,
  device: LocalAccount,
  reason: string,
) {
  const domain = juryboxDomain(session.connection.chainId, session.registry);
  const signature = await device.signTypedData(
    juryboxTypedData(domain, "Recusal", {
      roundId: id,
      seat,
      reasonHash: hashReason(reason),
    }),
  );
  await send(device, "recuse", [id, seat, reason, signature]);
}

/** Wraps a client so that eth_getLogs rejects ranges above `maxBlocks`, as many nodes do. */
function rangeLimited(client: RecordClient, maxBlocks: bigint) {
  const requests: { from: bigint; to: bigint }[] = [];
  const limited: RecordClient = {
    ...client,
    request: (async (args: { method: string; params: unknown[] }) => {
      if (args.method === "eth_getLogs") {
        const filter = args.params[0] as { fromBlock: string; toBlock: string };
        const from = BigInt(filter.fromBlock);
        const to = BigInt(filter.toBlock);
        requests.push({ from, to });
        if (to - from + 1n > maxBlocks) {
          throw new Error(`block range exceeds the limit of ${maxBlocks}`);
        }
      }
      return client.request(args as never);
    }) as RecordClient["request"],
  };
  return { limited, requests };
}

beforeAll(async () => {
  chain = await startTestChain();
  session = {
    connection: await connectRpc(chain.rpcUrl),
    registry: chain.registry,
  };
  roundId = await runDetouredRound();
});

afterAll(async () => {
  await chain?.stop();
});

describe("fetchRoundRecord", () => {
  let record: EvaluationRecord;

  beforeAll(async () => {
    record = await fetchRoundRecord(chain.client, chain.registry, roundId);
  });

  it("records every detour of the round", () => {
    expect(record.reissues.map((r) => r.seat)).toEqual([REISSUED]);
    expect(record.recusals.map((r) => r.seat)).toEqual([RECUSED]);
    expect(record.recusals[0].reason).toBe("I advised bidder 2 last year.");
    expect(record.commits.map((c) => c.seat)).toEqual([
      RECOMMITTED,
      0,
      1,
      2,
      3,
      4,
    ]);
    expect(record.closing).toMatchObject({
      committed: 5,
      absent: 0,
      automatic: true,
    });
    expect(record.result?.revealedSeats).toBe(5);
    expect(record.status.phase).toBe(3);
  });

  it("finds every signature in the calldata", () => {
    for (const claim of record.claims) {
      expect(claim.inviteSignature).toMatch(/^0x[0-9a-f]{130}$/);
      expect(claim.pledgeSignature).toMatch(/^0x[0-9a-f]{130}$/);
    }
    for (const commit of record.commits) {
      expect(commit.signature).toMatch(/^0x[0-9a-f]{130}$/);
    }
    expect(record.recusals[0].signature).toMatch(/^0x[0-9a-f]{130}$/);
  });

  it("passes every check", async () => {
    const report = await verifyRecord(record);
    for (const check of report.checks) {
      expect(check.ok, `${check.id}: ${check.detail}`).toBe(true);
    }
    expect(report.ok).toBe(true);
  });

  it("matches the published psat result", () => {
    const totals = record.result!.bidders.map((bidder) => bidder.total);
    const expected = psatJson.expected.bidders.map(
      (bidder: { total: string }) => bidder.total.replace(".", ""),
    );
    expect(totals).toEqual(expected);
  });

  it("reads the same record under a block range limit", async () => {
    const { limited, requests } = rangeLimited(chain.client, 3n);
    const chunked = await fetchRoundRecord(limited, chain.registry, roundId, {
      fromBlock: 0n,
    });
    expect(chunked).toEqual({ ...record });
    expect(requests.some((r) => r.to - r.from + 1n > 3n)).toBe(true);
    expect(
      requests.filter((r) => r.to - r.from + 1n <= 3n).length,
    ).toBeGreaterThan(1);
  });

  it("reads the same record one block per request", async () => {
    const chunked = await fetchRoundRecord(
      chain.client,
      chain.registry,
      roundId,
      {
        maxBlockRange: 1n,
      },
    );
    expect(chunked).toEqual(record);
  });

  it("rejects a range that starts after the round", async () => {
    const fromBlock = BigInt(record.created.block + 1);
    let thrown: unknown;
    try {
      await fetchRoundRecord(chain.client, chain.registry, roundId, {
        fromBlock,
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RoundEventsError);
    expect((thrown as RoundEventsError).shortMessage).toBe(
      `No RoundCreated event of round ${roundId} was found on registry ` +
        `${chain.registry}.`,
    );
  });
});
