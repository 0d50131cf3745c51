import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startIndexer, type RunningIndexer } from "../../cli/indexer/index.ts";
import { expectIndexMatchesChain } from "./support/chain-check.ts";
import { waitForBlock } from "./support/graphql.ts";
import { startTestPostgres, type TestPostgres } from "./support/postgres.ts";
import { Scenario } from "./support/scenario.ts";
import {
  freePort,
  startIndexerTestChain,
  type IndexerTestChain,
} from "./support/test-chain.ts";

const quietLogger = { info() {}, warn() {}, error() {} };

describe("indexer on Postgres", () => {
  let chain: IndexerTestChain;
  let postgres: TestPostgres;
  let indexer: RunningIndexer;

  beforeAll(async () => {
    postgres = await startTestPostgres();
    chain = await startIndexerTestChain();
    indexer = await startIndexer({
      rpcUrl: chain.rpcUrl,
      chainId: chain.chainId,
      dataDir: join(chain.dir, "jurybox"),
      port: await freePort(),
      databaseUrl: postgres.url,
      deploymentsFile: chain.deploymentsFile,
      logger: quietLogger,
    });
  });

  afterAll(async () => {
    await indexer?.stop();
    await chain?.stop();
    await postgres?.stop();
  });

  it("indexes a whole round into Postgres", async () => {
    const scenario = await Scenario.load(chain.session, chain.admin);
    await scenario.run();
    await waitForBlock(indexer.url, await chain.head());
    const state = await expectIndexMatchesChain(indexer.url, chain);
    expect(state.round.map((row) => row.phase)).toEqual([
      "finalized",
      "cancelled",
    ]);

    const log = await readFile(indexer.logFile, "utf8");
    expect(log).toContain('"type":"postgres"');
    const schema = indexer.schema;
    expect(await postgres.query(`SELECT count(*) FROM ${schema}.round`)).toBe(
      "2",
    );
    expect(await postgres.query(`SELECT count(*) FROM ${schema}.sheet`)).toBe(
      "5",
    );
    const phases = await postgres.query(
      `SELECT string_agg(phase, ',' ORDER BY id) FROM ${schema}.round`,
    );
    expect(phases).toBe("finalized,cancelled");
  });

  it("writes no PGlite files", async () => {
    const pglite = join(chain.dir, "jurybox", "indexer", "pglite");
    expect(existsSync(pglite)).toBe(false);
  });
});
