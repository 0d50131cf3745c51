import { readFile } from "node:fs/promises";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  startIndexer,
  type RunningIndexer,
  type StartIndexerOptions,
} from "../../cli/indexer/index.ts";
import { expectIndexMatchesChain } from "./support/chain-check.ts";
import { readIndexedState, waitForBlock } from "./support/graphql.ts";
import { Scenario } from "./support/scenario.ts";
import {
  freePort,
  isAlive,
  startIndexerTestChain,
  type IndexerTestChain,
} from "./support/test-chain.ts";

const quietLogger = { info() {}, warn() {}, error() {} };

describe("indexer killed mid-round", () => {
  let chain: IndexerTestChain;
  let steady: RunningIndexer;
  let restarted: RunningIndexer;

  async function options(name: string): Promise<StartIndexerOptions> {
    return {
      rpcUrl: chain.rpcUrl,
      chainId: chain.chainId,
      dataDir: join(chain.dir, name),
      port: await freePort(),
      deploymentsFile: chain.deploymentsFile,
      logger: quietLogger,
    };
  }

  beforeAll(async () => {
    chain = await startIndexerTestChain();
    [steady, restarted] = await Promise.all([
      options("steady").then(startIndexer),
      options("restarted").then(startIndexer),
    ]);
  });

  afterAll(async () => {
    await steady?.stop();
    await restarted?.stop();
    await chain?.stop();
  });

  it("resumes and ends with the rows of an uninterrupted run", async () => {
    const scenario = await Scenario.load(chain.session, chain.admin);
    await scenario.firstHalf();
    await waitForBlock(restarted.url, await chain.head());

    const killed = restarted.pid;
    process.kill(killed, "SIGKILL");
    expect(await restarted.exited).toBe("SIGKILL");
    expect(await isAlive(killed)).toBe(false);

    // These commits happen while the indexer is down.
    await scenario.commitRest();
    restarted = await startIndexer(await options("restarted"));
    expect(restarted.pid).not.toBe(killed);
    await scenario.finish();

    const head = await chain.head();
    await waitForBlock(steady.url, head);
    await waitForBlock(restarted.url, head);
    const expected = await readIndexedState(steady.url);
    const actual = await readIndexedState(restarted.url);
    expect(actual).toEqual(expected);
    expect(actual.round.map((row) => row.phase)).toEqual([
      "finalized",
      "cancelled",
    ]);
    await expectIndexMatchesChain(restarted.url, chain);

    const log = await readFile(restarted.logFile, "utf8");
    expect(log).toContain("Detected crash recovery");
  });
});
