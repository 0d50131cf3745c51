import type { Hash } from "viem";

import type { Drill } from "./drill.ts";
import {
  claimCall,
  commitCall,
  domainOf,
  revealCall,
  signCommit,
} from "./support/calls.ts";
import { startDrillChain } from "./support/chain.ts";
import { minedNoncesOf } from "./support/nonces.ts";
import { recordRequests } from "./support/request-log.ts";
import { ranOutOfGas, type RegistryCall } from "./support/reverts.ts";
import {
  drillCase,
  openDrillRound,
  readRound,
  readSeat,
} from "./support/rounds.ts";
import {
  prepareSigned,
  tabletSenderFor,
  type Sender,
} from "./support/senders.ts";

const SEATS = 30;
const PHASE_REVEALING = 2;
const PHASE_FINALIZED = 3;
const SEAT_COMMITTED = 2;

/**
 * Sends one call per tablet at the same moment, and sends a failed call
 * again once the others are done. The app also sends a rejected
 * transaction again, but after 15 s. Returns the failed sends per tablet.
 */
async function sendAllAtOnce(
  senders: readonly Sender[],
  calls: readonly RegistryCall[],
  log: (line: string) => void,
  what: string,
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
    log(`${what} of seat ${index} failed: ${reason}`);
    const hash = (outcome.reason as { hash?: Hash }).hash;
    if (hash !== undefined) reverted.push(hash);
    await senders[index].send(calls[index]);
  }
  return failures;
}

export const sameSecondDrill: Drill = {
  id: "same-second",
  title: "30 tablets commit in the same second",
  action:
    "On the embedded chain (a block a second), 30 tablets with their own " +
    "device keys claimed 30 seats at once, signed their sheets and " +
    "transactions, sent all 30 commits in one burst, then all 30 reveals " +
    "at once with the tablet's sendRegistryCall; a tablet whose " +
    "transaction failed sent it again with sendRegistryCall.",
  async run(checks, log) {
    const chain = await startDrillChain({ blockTime: 1 });
    const caseFile = drillCase({ seats: SEATS, bidders: 5, criteria: 5 });
    const round = await openDrillRound(chain.session, chain.admin, caseFile);
    const { roundId } = round;
    const domain = domainOf(chain.connection.chainId, chain.session.registry);
    const senders = round.seats.map(() => tabletSenderFor(chain.session));
    const addresses = senders.map((sender) => sender.device.address);
    checks.equal(new Set(addresses).size, SEATS, "distinct device keys");

    const claims = await Promise.all(
      round.seats.map(({ seat, invite }) =>
        claimCall(domain, roundId, seat, invite, senders[seat].device),
      ),
    );
    const reverted: Hash[] = [];
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

    // Each tablet estimates gas, takes its nonce and signs its
    // transaction first, so that all 30 reach the node in one burst.
    const commits = signed.map(commitCall);
    const transactions = await Promise.all(
      senders.map((sender, seat) =>
        prepareSigned(chain.session, sender.device, commits[seat]),
      ),
    );
    const { client } = chain.connection;
    const recorder = recordRequests("eth_sendRawTransaction");
    const hashes = await Promise.all(
      transactions.map((serializedTransaction) =>
        client.sendRawTransaction({ serializedTransaction }),
      ),
    );
    const sendTimes = recorder.stop();
    const spreadMs = Math.round(
      Math.max(...sendTimes) - Math.min(...sendTimes),
    );
    checks.equal(sendTimes.length, SEATS, "raw commit transactions sent");
    checks.ok(
      spreadMs < 1000,
      "30 commits sent within one second",
      `${spreadMs} ms`,
    );
    const receipts = await Promise.all(
      hashes.map((hash) => client.waitForTransactionReceipt({ hash })),
    );
    const blocks = new Set(receipts.map((receipt) => receipt.blockNumber));
    const commitFailures = senders.map(() => 0);
    for (const [seat, receipt] of receipts.entries()) {
      if (receipt.status === "success") continue;
      commitFailures[seat] += 1;
      reverted.push(receipt.transactionHash);
      log(`commit of seat ${seat} reverted in block ${receipt.blockNumber}`);
      await senders[seat].send(commits[seat]);
    }

    for (const { seat } of round.seats) {
      const stored = await readSeat(chain.session, roundId, seat);
      checks.equal(stored.state, SEAT_COMMITTED, `seat ${seat} state`);
      checks.equal(
        stored.commitment,
        signed[seat].commitment,
        `seat ${seat} commitment`,
      );
    }
    const afterCommits = await readRound(chain.session, roundId);
    checks.equal(afterCommits.phase, PHASE_REVEALING, "phase after 30 commits");
    checks.equal(afterCommits.committed, SEATS, "committed seats");

    const reveals = signed.map((commit, seat) =>
      revealCall(roundId, seat, commit.sealed),
    );
    const revealFailures = await sendAllAtOnce(
      senders,
      reveals,
      log,
      "reveal",
      reverted,
    );
    const final = await readRound(chain.session, roundId);
    checks.equal(final.phase, PHASE_FINALIZED, "phase after 30 reveals");
    checks.equal(final.revealed, SEATS, "revealed seats");

    // Each send that reached a block, reverted or not, used one nonce.
    const nonces = await minedNoncesOf(chain, addresses);
    for (const [seat, address] of addresses.entries()) {
      const expected =
        3 + claimFailures[seat] + commitFailures[seat] + revealFailures[seat];
      const list = nonces.get(address.toLowerCase()) ?? [];
      checks.equal(
        list,
        Array.from({ length: expected }, (_, index) => index),
        `seat ${seat} mined nonces`,
      );
      const pending = await client.getTransactionCount({
        address,
        blockTag: "pending",
      });
      checks.equal(pending, expected, `seat ${seat} pending nonce`);
    }
    let outOfGas = 0;
    for (const hash of reverted) {
      if (await ranOutOfGas(chain.connection.rpcUrl, hash)) outOfGas += 1;
    }
    await chain.stop();

    const count = (failures: number[]) => failures.reduce((a, b) => a + b, 0);
    return {
      checked:
        `30 commits reached the node within ${spreadMs} ms and were mined ` +
        `in ${blocks.size} block(s); every seat ended with its ` +
        "signed commitment, scoring closed by itself and the round " +
        "finalised with 30 sheets; every device's nonces ran 0…n−1 with n " +
        "its mined transactions. Failed and sent again: " +
        `${count(claimFailures)} claims, ${count(commitFailures)} commits, ` +
        `${count(revealFailures)} reveals, of which ${outOfGas} ran out of ` +
        "gas (the tablet estimates gas before the others are mined, with " +
        "no room for closing scoring or finalising)",
    };
  },
};
