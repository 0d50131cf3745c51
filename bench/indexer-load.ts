// Fills a registry with registry events for the indexer benchmark: rounds,
// claims, and then many re-commits, the cheapest event the registry emits
// (one SheetCommitted per transaction). Every event comes from the real
// registry on the embedded anvil chain.
//
// The blocks look like those of a busy day on the embedded chain. Rounds
// and claims are mined every second, as the chain does by default, so each
// round's 25 claims, sent together, share one or two blocks. The commits
// are sent 1,000 at a time and mined at once: about 730 fill a block to the
// 30M gas limit, the most that a burst can put in one block, and the rest
// go into the next block.
import {
  encodeFunctionData,
  type Address,
  type Hex,
  type LocalAccount,
} from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";

import {
  computeCommitment,
  juryboxDomain,
  juryboxTypedData,
  parseCaseFile,
  randomSalt,
} from "../core/index.ts";
import { requestRpc } from "../cli/chain/rpc.ts";
import { evaluationRegistryAbi } from "../core/generated/registry-abi.ts";
import { createRound, type RegistrySession } from "../cli/lib/create-round.ts";
import { claimSeat } from "../cli/lib/seat-actions.ts";
import { makeCaseFile } from "./case-generator.ts";

/** The shape of the generated load. */
export interface LoadPlan {
  rounds: number;
  /** Seats per round; seat 0 is never claimed, so scoring never closes. */
  seats: number;
  /** Commits per claimed seat: one first commit, the rest re-commits. */
  commitsPerSeat: number;
}

/** A claimed seat with a signed commitment that can be sent again and again. */
interface SignedSeat {
  roundId: bigint;
  seat: number;
  commitment: Hex;
  signature: Hex;
}

const BATCH = 1000;

/**
 * Creates the rounds and claims the seats with the project's own code. The
 * caller mines a block every second, so a round's claims, sent at once,
 * land in the same block or two.
 */
async function createRoundsAndClaims(
  session: RegistrySession,
  admin: LocalAccount,
  plan: LoadPlan,
  log: (line: string) => void,
): Promise<SignedSeat[]> {
  const signed: SignedSeat[] = [];
  const domain = juryboxDomain(session.connection.chainId, session.registry);
  const definition = parseCaseFile(makeCaseFile(plan.seats, 3, 2, 1));
  for (let round = 0; round < plan.rounds; round++) {
    const created = await createRound(session, admin, definition, {
      appUrl: "http://127.0.0.1",
      saveKeys: false,
    });
    const { roundId, keys } = created;
    const seats = keys.invites.slice(1);
    await Promise.all(
      seats.map(async (invite) => {
        const device = privateKeyToAccount(generatePrivateKey());
        const inviteKey = privateKeyToAccount(invite.privateKey);
        await claimSeat(session, roundId, invite.seat, inviteKey, device);
        const commitment = computeCommitment({
          roundId,
          seat: invite.seat,
          scores: Array.from({ length: 6 }, () => 1000),
          comments: ["", "", ""],
          salt: randomSalt(),
        });
        const signature = await device.signTypedData(
          juryboxTypedData(domain, "Sheet", {
            roundId,
            seat: invite.seat,
            commitment,
          }),
        );
        signed.push({ roundId, seat: invite.seat, commitment, signature });
      }),
    );
    log(`Created round ${roundId} and claimed ${seats.length} seats`);
  }
  return signed;
}

/** Sends JSON-RPC requests as one batch and throws on the first error. */
async function sendBatch(rpcUrl: string, calls: object[]): Promise<void> {
  const body = calls.map((call, id) => ({ jsonrpc: "2.0", id, ...call }));
  const response = await fetch(rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const answers = (await response.json()) as { error?: { message: string } }[];
  const failed = answers.find((answer) => answer.error !== undefined);
  if (failed) {
    throw new Error(`A benchmark transaction failed: ${failed.error!.message}`);
  }
}

/** Mines blocks until anvil's pool holds no pending transaction. */
async function mineUntilEmpty(rpcUrl: string): Promise<void> {
  for (;;) {
    const status = await requestRpc<{ pending: Hex }>(rpcUrl, "txpool_status");
    if (BigInt(status.pending) === 0n) return;
    await requestRpc(rpcUrl, "evm_mine", [], 60_000);
  }
}

/**
 * Generates the load and returns the number of transactions sent. The
 * commits are sent unsigned with `eth_sendTransaction` from an address
 * that anvil impersonates, and mined with `evm_mine` as full blocks,
 * because signing 100,000 transactions would take longer than indexing
 * them. Ends with 40 empty blocks, so that Ponder (30 blocks of finality
 * on an unknown chain id) backfills every event instead of following the
 * last blocks live.
 */
export async function generateLoad(
  session: RegistrySession,
  admin: LocalAccount,
  plan: LoadPlan,
  log: (line: string) => void,
): Promise<number> {
  const { rpcUrl } = session.connection;
  await requestRpc(rpcUrl, "evm_setIntervalMining", [1]);
  const seats = await createRoundsAndClaims(session, admin, plan, log);
  await requestRpc(rpcUrl, "evm_setIntervalMining", [0]);

  const relay: Address = privateKeyToAccount(generatePrivateKey()).address;
  await requestRpc(rpcUrl, "anvil_impersonateAccount", [relay]);
  await requestRpc(rpcUrl, "evm_setAutomine", [false]);
  const commitCall = (seat: SignedSeat) =>
    encodeFunctionData({
      abi: evaluationRegistryAbi,
      functionName: "commitSheet",
      args: [seat.roundId, seat.seat, seat.commitment, seat.signature, "0x"],
    });
  // A first commit costs more than a re-commit, and calldata gas differs
  // from seat to seat because a zero byte costs less than others. A quarter
  // more covers every seat, and gas is free on this chain.
  const estimate = await requestRpc<Hex>(rpcUrl, "eth_estimateGas", [
    { from: relay, to: session.registry, data: commitCall(seats[0]) },
  ]);
  const gas = `0x${((BigInt(estimate) * 5n) / 4n).toString(16)}`;

  // anvil runs a batch's requests concurrently, so each gets its nonce here.
  let nonce = BigInt(
    await requestRpc<Hex>(rpcUrl, "eth_getTransactionCount", [
      relay,
      "pending",
    ]),
  );
  const total = seats.length * plan.commitsPerSeat;
  let sent = 0;
  let calls: object[] = [];
  const flush = async () => {
    await sendBatch(rpcUrl, calls);
    await mineUntilEmpty(rpcUrl);
    calls = [];
  };
  for (let pass = 0; pass < plan.commitsPerSeat; pass++) {
    for (const seat of seats) {
      const transaction = {
        from: relay,
        to: session.registry,
        data: commitCall(seat),
        gas,
        gasPrice: "0x0",
        nonce: `0x${(nonce++).toString(16)}`,
      };
      calls.push({ method: "eth_sendTransaction", params: [transaction] });
      sent++;
      if (calls.length === BATCH) await flush();
    }
    if (pass % 20 === 19) log(`Sent ${sent} of ${total} commits`);
  }
  if (calls.length > 0) await flush();
  for (let block = 0; block < 40; block++) {
    await requestRpc(rpcUrl, "evm_mine");
  }
  await requestRpc(rpcUrl, "evm_setAutomine", [true]);
  return sent;
}
