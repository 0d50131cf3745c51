import type { Hash } from "viem";

import {
  BURST_SEATS,
  prepareCommitBurst,
  sendAllAtOnce,
  sendBurst,
} from "../../bench/burst.ts";
import type { Drill } from "./drill.ts";
import { revealCall } from "./support/calls.ts";
import { startDrillChain } from "./support/chain.ts";
import { minedNoncesOf } from "./support/nonces.ts";
import { ranOutOfGas } from "./support/reverts.ts";
import { readRound, readSeat } from "./support/rounds.ts";

const SEATS = BURST_SEATS;
const PHASE_REVEALING = 2;
const PHASE_FINALIZED = 3;
const SEAT_COMMITTED = 2;

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
    const reverted: Hash[] = [];
    const prepared = await prepareCommitBurst(chain, log, reverted);
    const { round, senders, claimFailures, signed, commits } = prepared;
    const { roundId } = round;
    const addresses = senders.map((sender) => sender.device.address);
    checks.equal(new Set(addresses).size, SEATS, "distinct device keys");

    // Each tablet estimated gas, took its nonce and signed its transaction
    // first, so that all 30 reach the node in one burst.
    const { client } = chain.connection;
    const burst = await sendBurst(chain, prepared.transactions);
    const { spreadMs, receipts } = burst;
    checks.equal(burst.hashes.length, SEATS, "raw commit transactions sent");
    checks.ok(
      spreadMs < 1000,
      "30 commits sent within one second",
      `${spreadMs} ms`,
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
    checks.equal(outOfGas, 0, "reveals that ran out of gas");

    const count = (failures: number[]) => failures.reduce((a, b) => a + b, 0);
    return {
      checked:
        `30 commits reached the node within ${spreadMs} ms and were mined ` +
        `in ${blocks.size} block(s), ${burst.minedMs} ms after the first ` +
        "send; every seat ended with its " +
        "signed commitment, scoring closed by itself and the round " +
        "finalised with 30 sheets; every device's nonces ran 0…n−1 with n " +
        "its mined transactions. Failed and sent again: " +
        `${count(claimFailures)} claims, ${count(commitFailures)} commits, ` +
        `${count(revealFailures)} reveals, of which ${outOfGas} ran out of ` +
        "gas (a reveal that may finalise carries a bound of the tally's gas)",
    };
  },
};
