import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { decryptSheet } from "../../core/index.ts";
import { startIndexer, type RunningIndexer } from "../../cli/indexer/index.ts";
import { expectIndexMatchesChain } from "./support/chain-check.ts";

const SUBGRAPH_DIR = fileURLToPath(new URL("../../subgraph", import.meta.url));
import { queryGraphql, waitForBlock } from "./support/graphql.ts";
import { CANCEL_REASON, RECUSAL_REASON, Scenario } from "./support/scenario.ts";
import {
  freePort,
  startIndexerTestChain,
  type IndexerTestChain,
} from "./support/test-chain.ts";

const quietLogger = { info() {}, warn() {}, error() {} };

describe("indexer on PGlite", () => {
  let chain: IndexerTestChain;
  let indexer: RunningIndexer;
  let scenario: Scenario;

  beforeAll(async () => {
    chain = await startIndexerTestChain();
    indexer = await startIndexer({
      rpcUrl: chain.rpcUrl,
      chainId: chain.chainId,
      dataDir: join(chain.dir, "jurybox"),
      port: await freePort(),
      deploymentsFile: chain.deploymentsFile,
      logger: quietLogger,
    });
    scenario = await Scenario.load(chain.session, chain.admin);
  });

  afterAll(async () => {
    await indexer?.stop();
    await chain?.stop();
  });

  async function waitForHead(): Promise<void> {
    await waitForBlock(indexer.url, await chain.head());
  }

  it("serves GraphQL on 127.0.0.1 with PGlite", async () => {
    expect(new URL(indexer.url).hostname).toBe("127.0.0.1");
    expect(new URL(indexer.url).pathname).toBe("/graphql");
    const log = await readFile(indexer.logFile, "utf8");
    const connected = log
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line))
      .find((entry) => entry.msg === "Connected to database");
    expect(connected?.type).toBe("pglite");
    // Ponder prints the folder relative to subgraph/ when that is shorter.
    expect(resolve(SUBGRAPH_DIR, connected?.database ?? "")).toBe(
      join(chain.dir, "jurybox", "indexer", "pglite"),
    );
  });

  it("matches the chain in the middle of scoring", async () => {
    await scenario.firstHalf();
    await scenario.commitRest();
    await waitForHead();
    const state = await expectIndexMatchesChain(indexer.url, chain);
    expect(state.round.map((row) => row.phase)).toEqual(["scoring", "scoring"]);
    expect(state.sheet).toEqual([]);
    expect(state.result).toEqual([]);
  });

  it("matches the chain after finalisation", async () => {
    await scenario.finish();
    await waitForHead();
    const state = await expectIndexMatchesChain(indexer.url, chain);
    expect(state.round.map((row) => row.phase)).toEqual([
      "finalized",
      "cancelled",
    ]);
    expect(state.sheet).toHaveLength(5);
  });

  it("publishes the PSAT case's expected result", async () => {
    const data = await queryGraphql(
      indexer.url,
      `{ round(id: "1") {
          winnerName resultSeats
          results(orderBy: "bidderIndex") {
            items { bidderName technicalText priceText totalText qualified
                    rankByTotal negotiationOrder winner }
          }
        } }`,
    );
    const expected = scenario.psat.expected!;
    expect(data.round.winnerName).toBe(expected.winner);
    expect(data.round.resultSeats).toBe(5);
    const lines = data.round.results.items.map((row: any) => ({
      name: row.bidderName,
      technical: row.technicalText,
      price: row.priceText,
      total: row.totalText,
      qualified: row.qualified,
      rankByTotal: row.rankByTotal,
      negotiationOrder: row.negotiationOrder,
    }));
    expect(lines).toEqual(expected.bidders);
    const winners = data.round.results.items.filter((row: any) => row.winner);
    expect(winners.map((row: any) => row.bidderName)).toEqual([
      expected.winner,
    ]);
  });

  it("records reissue, re-commit, recusal, close and cancel", async () => {
    const data = await queryGraphql(
      indexer.url,
      `{ a: round(id: "1") {
           closedAutomatically absentSeats
           seats(orderBy: "seat") {
             items { seat state reissueCount commitCount recusalReason }
           }
         }
         b: round(id: "2") { phase cancelReason committed claimed } }`,
    );
    const seats = data.a.seats.items;
    expect(data.a.closedAutomatically).toBe(true);
    expect(data.a.absentSeats).toBe(0);
    expect(seats[1].reissueCount).toBe(1);
    expect(seats[2].commitCount).toBe(2);
    expect(seats[5].state).toBe("recused");
    expect(seats[5].recusalReason).toBe(RECUSAL_REASON);
    expect(data.b).toEqual({
      phase: "cancelled",
      cancelReason: CANCEL_REASON,
      committed: 1,
      claimed: 1,
    });
  });

  it("keeps the escrow copy of each commit, and no scores", async () => {
    const a = scenario.roundA!;
    const data = await queryGraphql(
      indexer.url,
      `{ commitments(where: { roundId: "1", latest: true }, orderBy: "seat") {
           items { seat escrow }
         } }`,
    );
    const items = data.commitments.items;
    expect(items).toHaveLength(5);
    for (const item of items) {
      expect(Object.keys(item)).toEqual(["seat", "escrow"]);
      const opened = decryptSheet(a.keys.escrow.privateKey, item.escrow);
      expect(opened).toEqual(a.sealed.get(item.seat));
    }
    const fields = await queryGraphql(
      indexer.url,
      `{ __type(name: "commitment") { fields { name } } }`,
    );
    const names = fields.__type.fields.map((field: any) => field.name);
    expect(names).not.toContain("scores");
    expect(names).not.toContain("salt");
  });

  it("logs no skipped event", async () => {
    const log = await readFile(indexer.logFile, "utf8");
    expect(log).not.toContain("WARN Skipped");
  });
});
