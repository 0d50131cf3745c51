import type { Address, LocalAccount } from "viem";

import { requestRpc } from "../../../cli/chain/rpc.ts";
import type { Checks } from "../drill.ts";
import {
  claimCall,
  commitCall,
  signCommit,
  type Domain,
  type Sealed,
} from "./calls.ts";
import type { DrillChain } from "./chain.ts";
import {
  expectRejected,
  expectRevertedOnChain,
  sendRegistry,
  type ExpectedError,
  type RegistryCall,
} from "./reverts.ts";
import { readRoundCount, readRoundState, type DrillRound } from "./rounds.ts";

/** Round phases as the registry numbers them. */
export const PHASE = { scoring: 1, revealing: 2, finalized: 3, cancelled: 4 };
/** Seat states as the registry numbers them. */
export const SEAT = { invited: 0, claimed: 1, committed: 2, revealed: 3 };

/** What the steps of the rejection drill share. */
export interface Bench {
  checks: Checks;
  chain: DrillChain;
  domain: Domain;
  /** Number of calls checked as rejected so far. */
  rejected: number;
}

/**
 * Everything a rejected call must leave as it was: the round's views, the
 * round count, the block number (the chain mines only on demand here) and
 * the sender's nonce.
 */
async function snapshot(bench: Bench, roundId: bigint, sender: Address) {
  const { session } = bench.chain;
  const { client } = session.connection;
  const count = await readRoundCount(session);
  return {
    round: roundId <= count ? await readRoundState(session, roundId) : null,
    count: count.toString(),
    // viem caches the block number, and after a receipt wait the cache
    // often contains a block before the receipt's.
    block: (await client.getBlockNumber({ cacheTime: 0 })).toString(),
    nonce: await client.getTransactionCount({
      address: sender,
      blockTag: "pending",
    }),
  };
}

/**
 * Checks that a call is rejected with `expected` by the CLI's client code
 * with nothing changed, and then that the same call, mined without the gas
 * estimate, reverts on chain with the same error and changes no view.
 */
export async function reject(
  bench: Bench,
  label: string,
  roundId: bigint,
  account: LocalAccount,
  call: RegistryCall,
  expected: ExpectedError,
): Promise<void> {
  const { checks, chain } = bench;
  const before = await snapshot(bench, roundId, account.address);
  await expectRejected(checks, chain.session, account, call, expected, label);
  checks.equal(
    await snapshot(bench, roundId, account.address),
    before,
    `${label}: chain state after the rejected send`,
  );

  await expectRevertedOnChain(
    checks,
    chain.session,
    account,
    call,
    expected,
    label,
  );
  const after = await snapshot(bench, roundId, account.address);
  checks.equal(after.round, before.round, `${label}: views after the revert`);
  checks.equal(after.count, before.count, `${label}: round count`);
  bench.rejected += 1;
}

/** Sends a call that must succeed. */
export async function send(
  bench: Bench,
  account: LocalAccount,
  call: RegistryCall,
): Promise<void> {
  const receipt = await sendRegistry(bench.chain.session, account, call);
  bench.checks.equal(receipt.status, "success", `${call.functionName} status`);
}

/** Claims seats with their own invite and device keys. */
export async function claimSeats(
  bench: Bench,
  round: DrillRound,
  seats: readonly number[],
): Promise<void> {
  for (const seat of seats) {
    const { invite, device } = round.seats[seat];
    const call = await claimCall(
      bench.domain,
      round.roundId,
      seat,
      invite,
      device,
    );
    await send(bench, device, call);
  }
}

/** Signs a seat's sheet (or other scores) with its device key. */
export function signSeatCommit(
  bench: Bench,
  round: DrillRound,
  seat: number,
  scores = round.sheets[seat].scores,
) {
  return signCommit(
    bench.domain,
    round.roundId,
    seat,
    round.seats[seat].device,
    { scores, comments: round.sheets[seat].comments },
    round.keys.escrow.publicKey,
  );
}

/** Commits a seat's sheet and returns what its reveal needs. */
export async function commitSeat(
  bench: Bench,
  round: DrillRound,
  seat: number,
  scores = round.sheets[seat].scores,
): Promise<Sealed> {
  const signed = await signSeatCommit(bench, round, seat, scores);
  await send(bench, round.seats[seat].device, commitCall(signed));
  return signed.sealed;
}

/** Moves the chain's clock forward and mines a block at the new time. */
export async function increaseTime(
  bench: Bench,
  seconds: bigint,
): Promise<void> {
  const url = bench.chain.connection.rpcUrl;
  await requestRpc(url, "evm_increaseTime", [Number(seconds)]);
  await requestRpc(url, "evm_mine", []);
}

/**
 * Matches RegistryDeadlinePassed or RegistryDeadlineNotReached arguments:
 * the round, the deadline and a current time on the right side of it.
 */
export function deadlineArgs(roundId: bigint, at: bigint, passed: boolean) {
  return (args: readonly unknown[]) =>
    args[0] === roundId &&
    args[1] === at &&
    (passed ? (args[2] as bigint) >= at : (args[2] as bigint) < at);
}

/** Builds the expected RegistryRoundNotInPhase error. */
export function notInPhase(
  roundId: bigint,
  phase: number,
  required: number,
): ExpectedError {
  return { name: "RegistryRoundNotInPhase", args: [roundId, phase, required] };
}
