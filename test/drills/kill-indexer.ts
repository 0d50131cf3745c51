import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

import { startIndexer, type RunningIndexer } from "../../cli/indexer/index.ts";
import { ROUND_PHASES, SEAT_STATES } from "../../core/enums.ts";
import type { Checks, Drill } from "./drill.ts";
import { domainOf } from "./support/calls.ts";
import {
  freePort,
  makeDrillDir,
  memoryLogger,
  startDrillChain,
  type DrillChain,
} from "./support/chain.ts";
import { isRunning, onCleanup } from "./support/cleanup.ts";
import { indexedBlock, readAllTables } from "./support/graphql.ts";
import {
  claimSeats,
  commitSeat,
  send,
  type Bench,
} from "./support/rejection-bench.ts";
import { revealCall, type Sealed } from "./support/calls.ts";
import {
  drillCase,
  openDrillRound,
  readRound,
  readSeat,
  waitFor,
  type DrillRound,
} from "./support/rounds.ts";

const SEATS = 7;

/** Starts an indexer for the drill chain and stops it when the drill ends. */
async function startDrillIndexer(
  chain: DrillChain,
  dataDir: string,
  deploymentsFile: string,
): Promise<RunningIndexer> {
  const indexer = await startIndexer({
    rpcUrl: chain.connection.rpcUrl,
    chainId: chain.connection.chainId,
    dataDir,
    port: await freePort(),
    deploymentsFile,
    logger: memoryLogger(),
  });
  onCleanup(`stop the indexer ${indexer.pid}`, () =>
    isRunning(indexer.pid) ? indexer.stop() : undefined,
  );
  return indexer;
}

async function waitForHead(chain: DrillChain, indexer: RunningIndexer) {
  const head = Number(
    await chain.connection.client.getBlockNumber({ cacheTime: 0 }),
  );
  await waitFor(
    `the indexer at ${indexer.url} to reach block ${head}`,
    async () => (await indexedBlock(indexer.url)) >= head,
    120_000,
  );
  return head;
}

/** Compares the indexer's rounds and seats with the registry's views. */
async function checkAgainstChain(
  checks: Checks,
  chain: DrillChain,
  rows: Record<string, Record<string, unknown>[]>,
  rounds: DrillRound[],
) {
  for (const { roundId } of rounds) {
    const onChain = await readRound(chain.session, roundId);
    const indexed = rows.rounds.find((row) => row.id === roundId.toString());
    checks.equal(
      indexed?.phase,
      ROUND_PHASES[onChain.phase],
      `round ${roundId} phase`,
    );
    checks.equal(
      indexed?.committed,
      onChain.committed,
      `round ${roundId} committed`,
    );
    checks.equal(
      indexed?.revealed,
      onChain.revealed,
      `round ${roundId} revealed`,
    );
    for (let seat = 0; seat < onChain.seats; seat += 1) {
      const stored = await readSeat(chain.session, roundId, seat);
      const row = rows.seats.find(
        (candidate) =>
          candidate.roundId === roundId.toString() && candidate.seat === seat,
      );
      checks.equal(
        row?.state,
        SEAT_STATES[stored.state],
        `round ${roundId} seat ${seat} state`,
      );
    }
  }
}

export const killIndexerDrill: Drill = {
  id: "kill-indexer",
  title: "Indexer killed mid-round",
  action:
    "Ran two indexers (Ponder with PGlite) on one chain; mid-scoring one " +
    "got SIGKILL, the rest of the commits, a cancelled round and the " +
    "reveals went on while it was down, then it was started again on its " +
    "own database.",
  async run(checks, log) {
    const chain = await startDrillChain({ blockTime: 0 });
    const dir = await makeDrillDir("indexer");
    const deploymentsFile = join(dir, "deployments.json");
    const entry = {
      registry: chain.session.registry,
      deployBlock: chain.deployBlock.toString(),
    };
    await writeFile(
      deploymentsFile,
      JSON.stringify({ [chain.connection.chainId]: entry }),
    );
    const [steady, first] = await Promise.all([
      startDrillIndexer(chain, join(dir, "steady"), deploymentsFile),
      startDrillIndexer(chain, join(dir, "killed"), deploymentsFile),
    ]);
    const bench: Bench = {
      checks,
      chain,
      domain: domainOf(chain.connection.chainId, chain.session.registry),
      rejected: 0,
    };
    const caseFile = drillCase({ seats: SEATS, bidders: 6, criteria: 5 });
    const round = await openDrillRound(chain.session, chain.admin, caseFile);
    const cancelled = await openDrillRound(
      chain.session,
      chain.admin,
      caseFile,
    );
    const seats = [...Array(SEATS).keys()];
    await claimSeats(bench, round, seats);
    const sealed: Sealed[] = [];
    for (const seat of seats.slice(0, 3))
      sealed[seat] = await commitSeat(bench, round, seat);
    const killedAt = await waitForHead(chain, first);

    process.kill(first.pid, "SIGKILL");
    checks.equal(await first.exited, "SIGKILL", "indexer exit signal");
    for (const seat of seats.slice(3))
      sealed[seat] = await commitSeat(bench, round, seat);
    await claimSeats(bench, cancelled, [0]);
    await send(bench, chain.admin, {
      functionName: "cancelRound",
      args: [cancelled.roundId, "drill"],
    });
    for (const seat of seats.slice(0, 3)) {
      await send(
        bench,
        round.seats[seat].device,
        revealCall(round.roundId, seat, sealed[seat]),
      );
    }

    const second = await startDrillIndexer(
      chain,
      join(dir, "killed"),
      deploymentsFile,
    );
    for (const seat of seats.slice(3)) {
      await send(
        bench,
        round.seats[seat].device,
        revealCall(round.roundId, seat, sealed[seat]),
      );
    }
    const phase = (await readRound(chain.session, round.roundId)).phase;
    checks.equal(ROUND_PHASES[phase], "finalized", "round phase at the end");

    const head = await waitForHead(chain, steady);
    await waitForHead(chain, second);
    const expected = await readAllTables(steady.url);
    const actual = await readAllTables(second.url);
    const tables = Object.keys(expected);
    checks.ok(
      tables.length >= 5,
      "the indexer serves its tables",
      tables.join(", "),
    );
    for (const table of tables) {
      checks.equal(
        actual[table],
        expected[table],
        `table ${table} after the restart`,
      );
    }
    await checkAgainstChain(checks, chain, actual, [round, cancelled]);
    // Ponder 0.16 logs this when it resumes from a database a killed
    // process left, instead of indexing from the start block again.
    const ponderLog = await readFile(second.logFile, "utf8");
    checks.ok(
      ponderLog.includes("Detected crash recovery"),
      "resumed from its own database",
    );
    const rows = tables.map((table) => `${actual[table].length} ${table}`);
    log(
      `killed at block ${killedAt}, compared at block ${head}: ${rows.join(", ")}`,
    );
    await second.stop();
    await steady.stop();
    await chain.stop();

    return {
      checked:
        "the restarted indexer resumed from its own database (Ponder " +
        `logged crash recovery), reached block ${head} and served ` +
        `the same rows as the indexer that ran throughout in all ` +
        `${tables.length} tables (${rows.join(", ")}), and its rounds and ` +
        "seats matched getRound and getSeat",
    };
  },
};
