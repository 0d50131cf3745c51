import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StartIndexerOptions } from "../../cli/indexer/index.ts";
import {
  superviseIndexer,
  type SupervisedIndexer,
} from "../../cli/indexer/supervise.ts";
import { expectIndexMatchesChain } from "./support/chain-check.ts";
import { waitForBlock } from "./support/graphql.ts";
import { Scenario } from "./support/scenario.ts";
import {
  freePort,
  isAlive,
  startIndexerTestChain,
  type IndexerTestChain,
} from "./support/test-chain.ts";

describe("supervised indexer", () => {
  let chain: IndexerTestChain;
  let indexer: SupervisedIndexer;
  const urls: Array<string | undefined> = [];
  const warnings: string[] = [];

  beforeAll(async () => {
    chain = await startIndexerTestChain();
    const options: StartIndexerOptions = {
      rpcUrl: chain.rpcUrl,
      chainId: chain.chainId,
      dataDir: join(chain.dir, "supervised"),
      port: await freePort(),
      deploymentsFile: chain.deploymentsFile,
      logger: { info() {}, warn: (line) => warnings.push(line), error() {} },
    };
    indexer = await superviseIndexer({
      ...options,
      onUrl: (url) => urls.push(url),
    });
  });

  afterAll(async () => {
    await indexer?.stop();
    await chain?.stop();
  });

  it("starts the indexer again after kill -9 and catches up", async () => {
    const scenario = await Scenario.load(chain.session, chain.admin);
    await scenario.firstHalf();
    const first = indexer.current!;
    await waitForBlock(first.url, await chain.head());

    process.kill(first.pid, "SIGKILL");
    expect(await first.exited).toBe("SIGKILL");
    // Sent while the indexer is down.
    await scenario.commitRest();

    const second = await indexer.waitForRestart(0);
    expect(second.pid).not.toBe(first.pid);
    expect(indexer.restarts).toBe(1);
    await scenario.finish();
    await waitForBlock(second.url, await chain.head());
    await expectIndexMatchesChain(second.url, chain);

    expect(urls).toEqual([first.url, undefined, second.url]);
    expect(warnings.join("\n")).toContain(
      `The indexer (pid ${first.pid}) exited with SIGKILL`,
    );
  });

  it("stops the indexer it runs and starts no other", async () => {
    const pid = indexer.current!.pid;
    await indexer.stop();
    expect(await isAlive(pid)).toBe(false);
    expect(indexer.current).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(indexer.restarts).toBe(1);
  });
});
