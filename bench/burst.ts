// Burst of signed sheets: 30 tablets with their own device keys claim 30
// seats, sign their sheets and commit transactions first, and then send
// all 30 commits in the same second to the embedded chain (a block a
// second). It measures the time from the first send until all 30 are
// mined. The same-second drill (test/drills/same-second.ts) runs the same
// burst and checks the round afterwards.
//
// Usage: node bench/burst.ts [--json]
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";

import type { Hash, Hex, TransactionReceipt } from "viem";

import {
  claimCall,
  commitCall,
  domainOf,
  signCommit,
  type SignedCommit,
} from "../test/drills/support/calls.ts";
import {
  startDrillChain,
  type DrillChain,
} from "../test/drills/support/chain.ts";
import { runCleanups } from "../test/drills/support/cleanup.ts";
import { recordRequests } from "../test/drills/support/request-log.ts";
import type { RegistryCall } from "../test/drills/support/reverts.ts";
import {
  drillCase,
  openDrillRound,
  type DrillRound,
} from "../test/drills/support/rounds.ts";
import {
  prepareSigned,
  tabletSenderFor,
  type Sender,
} from "../test/drills/support/senders.ts";

/** Tablets in the burst. */
export const BURST_SEATS = 30;
/** How often the receipts of the burst are polled. */
const RECEIPT_POLL_MS = 50;

/**
 * Sends one call per tablet at the same moment, and sends a failed call
 * again once the others are done. The app also sends a rejected
 * transaction again, but after 15 s. Returns the failed sends per tablet
 * and adds the hash of each mined failure to `reverted`.
 */
export async function sendAllAtOnce(
  senders: readonly Sender[],
  calls: readonly RegistryCall[],
  log: (line: string) => void,
  action: string,
  reverted: Hash[],
): Promise<number[]> {
  const failures = senders.map(() => 0);
  const outcomes = await Promise.allSettled(
    senders.map((sender, index) => sender.send(calls[index])),
  );
  for (const [index, outcome] of outcomes.entries()) {
    if (outcome.status === "fulfilled") continue;
    failures[index] += 1;
    const reason = (outcome.reason as Error).message.split("\n")[0];
    log(`${action} of seat ${index} failed: ${reason}`);
    const hash = (outcome.reason as { hash?: Hash }).hash;
    if (hash !== undefined) reverted.push(hash);
    await senders[index].send(calls[index]);
  }
  return failures;
}

/** A round whose seats are claimed, with each tablet's signed commit. */
export interface PreparedBurst {
  round: DrillRound;
  senders: Sender[];
  claimFailures: number[];
  signed: SignedCommit[];
  commits: RegistryCall[];
  /** Each tablet's signed commit transaction, ready to send. */
  transactions: Hex[];
}

/**
 * Opens a round of `BURST_SEATS` seats (5 bidders × 5 criteria) on the
 * drill chain and claims every seat at once, each from a tablet of its
 * own. Each tablet then estimates gas, takes its nonce and signs its
 * commit, so that all commits can reach the node in one burst.
 */
export async function prepareCommitBurst(
  chain: DrillChain,
  log: (line: string) => void,
  reverted: Hash[],
): Promise<PreparedBurst> {
  const caseFile = drillCase({ seats: BURST_SEATS, bidders: 5, criteria: 5 });
  const round = await openDrillRound(chain.session, chain.admin, caseFile);
  const { roundId } = round;
  const domain = domainOf(chain.connection.chainId, chain.session.registry);
  const senders = round.seats.map(() => tabletSenderFor(chain.session));
  const claims = await Promise.all(
    round.seats.map(({ seat, invite }) =>
      claimCall(domain, roundId, seat, invite, senders[seat].device),
    ),
  );
  const claimFailures = await sendAllAtOnce(
    senders,
    claims,
    log,
    "claim",
    reverted,
  );
  const signed = await Promise.all(
    round.seats.map(({ seat }) =>
      signCommit(
        domain,
        roundId,
        seat,
        senders[seat].device,
        round.sheets[seat],
        round.keys.escrow.publicKey,
      ),
    ),
  );
  const commits = signed.map(commitCall);
  const transactions = await Promise.all(
    senders.map((sender, seat) =>
      prepareSigned(chain.session, sender.device, commits[seat]),
    ),
  );
  return { round, senders, claimFailures, signed, commits, transactions };
}

/** The outcome of one burst of raw transactions. */
export interface BurstOutcome {
  hashes: Hash[];
  /** Milliseconds between the first and the last send leaving this process. */
  spreadMs: number;
  /** Milliseconds from the first send until every receipt was seen. */
  minedMs: number;
  /** Receipts in the order of the transactions. */
  receipts: TransactionReceipt[];
}

/**
 * Sends the signed transactions at once, polls their receipts every
 * RECEIPT_POLL_MS and returns when all are mined, reverted or not.
 */
export async function sendBurst(
  chain: DrillChain,
  transactions: readonly Hex[],
): Promise<BurstOutcome> {
  const { client } = chain.connection;
  const recorder = recordRequests("eth_sendRawTransaction");
  let sendTimes: number[] = [];
  const firstSend = performance.now();
  let hashes: Hash[];
  try {
    hashes = await Promise.all(
      transactions.map((serializedTransaction) =>
        client.sendRawTransaction({ serializedTransaction }),
      ),
    );
  } finally {
    sendTimes = recorder.stop();
  }
  const receipts = await Promise.all(
    hashes.map((hash) =>
      client.waitForTransactionReceipt({
        hash,
        pollingInterval: RECEIPT_POLL_MS,
      }),
    ),
  );
  const minedMs = Math.round(performance.now() - firstSend);
  const spreadMs = Math.round(Math.max(...sendTimes) - Math.min(...sendTimes));
  return { hashes, spreadMs, minedMs, receipts };
}

/** Figures of one burst of 30 commits on a fresh embedded chain. */
export async function measureCommitBurst(
  log: (line: string) => void = () => {},
): Promise<Record<string, number>> {
  try {
    const chain = await startDrillChain({ blockTime: 1 });
    const reverted: Hash[] = [];
    const prepared = await prepareCommitBurst(chain, log, reverted);
    const burst = await sendBurst(chain, prepared.transactions);
    const blocks = new Set(
      burst.receipts.map((receipt) => receipt.blockNumber),
    );
    const failed = burst.receipts.filter(
      (receipt) => receipt.status !== "success",
    );
    return {
      burst30CommitsMs: burst.minedMs,
      burst30SpreadMs: burst.spreadMs,
      burst30Blocks: blocks.size,
      burst30Reverted: failed.length,
    };
  } finally {
    const failures = await runCleanups();
    for (const failure of failures) log(`cleanup failed: ${failure}`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { json: { type: "boolean", default: false } },
  });
  const figures = await measureCommitBurst((line) =>
    process.stderr.write(`${line}\n`),
  );
  if (values.json) {
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  } else {
    for (const [key, value] of Object.entries(figures)) {
      process.stdout.write(`${key.padEnd(16)}  ${value}\n`);
    }
  }
  // Clients of the stopped chain may keep sockets open for a while.
  process.exit(0);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await main();
}
