import type { Hash } from "viem";

import { requestRpc } from "../../cli/chain/rpc.ts";
import type { Checks, Drill } from "./drill.ts";
import {
  claimCall,
  commitCall,
  domainOf,
  signCommit,
  type Domain,
} from "./support/calls.ts";
import { freePort, startDrillChain, type DrillChain } from "./support/chain.ts";
import {
  encodeRegistryCall,
  ranOutOfGas,
  sendWithoutEstimate,
  type RegistryCall,
} from "./support/reverts.ts";
import {
  drillCase,
  openDrillRound,
  readSeat,
  sleep,
  type DrillRound,
} from "./support/rounds.ts";
import { minedNonces } from "./support/nonces.ts";
import { cliSender, tabletSenderFor, type Sender } from "./support/senders.ts";

/** The invited seat that the on-chain revert commits to. */
const OPEN_SEAT = 2;

interface Context {
  checks: Checks;
  chain: DrillChain;
  domain: Domain;
  round: DrillRound;
  /** Sends that were mined but ran out of gas. */
  outOfGas: number;
  /** What the node did with each unminable transaction, by label. */
  reactions: Map<string, Set<string>>;
}

async function nonces(context: Context, sender: Sender) {
  const { client } = context.chain.connection;
  const address = sender.device.address;
  const [latest, pending] = await Promise.all([
    client.getTransactionCount({ address }),
    client.getTransactionCount({ address, blockTag: "pending" }),
  ]);
  return { latest, pending };
}

/** Checks that the device's latest and pending nonces are both `expected`. */
async function expectNonce(
  context: Context,
  sender: Sender,
  expected: number,
  when: string,
): Promise<void> {
  const { latest, pending } = await nonces(context, sender);
  const what = `${sender.name}: nonce ${when}`;
  context.checks.equal(latest, expected, `${what} (latest)`);
  context.checks.equal(pending, expected, `${what} (pending)`);
}

function newCommit(context: Context, sender: Sender, seat: number) {
  const { round, domain } = context;
  return signCommit(
    domain,
    round.roundId,
    seat,
    sender.device,
    round.sheets[seat],
    round.keys.escrow.publicKey,
  );
}

/**
 * Signs a commit with the pending nonce and a gas limit or chain id that
 * the node must not mine, sends it raw and returns what the node did. It
 * either rejects the transaction or returns a hash for a transaction that
 * is then neither pending nor mined. anvil 1.7.1 does the latter for a
 * legacy transaction signed for another chain id or with less gas than its
 * calldata needs.
 */
async function sendUnminable(
  context: Context,
  sender: Sender,
  change: { gas?: bigint; chainId?: number },
): Promise<{ reaction: string }> {
  const { checks, chain } = context;
  const { client, chainId, rpcUrl } = chain.connection;
  const nonce = await client.getTransactionCount({
    address: sender.device.address,
    blockTag: "pending",
  });
  const signed = await newCommit(context, sender, 0);
  const serialized = await sender.device.signTransaction({
    type: "legacy",
    chainId: change.chainId ?? chainId,
    nonce,
    gas: change.gas ?? 1_000_000n,
    gasPrice: 0n,
    to: chain.session.registry,
    data: encodeRegistryCall(commitCall(signed)),
  });
  let hash: Hash;
  try {
    hash = await requestRpc<Hash>(rpcUrl, "eth_sendRawTransaction", [
      serialized,
    ]);
  } catch (error) {
    const reason = (error as Error).message.replace(/^.*failed: /, "");
    return { reaction: `rejected it (${reason})` };
  }
  await sleep(500);
  const found = await requestRpc(rpcUrl, "eth_getTransactionByHash", [hash]);
  checks.equal(found, null, `${sender.name}: dropped transaction ${hash}`);
  return { reaction: "returned a hash and dropped it" };
}

/**
 * Runs one sender through every kind of failed send, each followed by a
 * good send whose nonce must be the next one. Returns the number of
 * transactions the device got mined.
 */
async function exercise(
  context: Context,
  sender: Sender,
  seat: number,
  log: (line: string) => void,
): Promise<number> {
  const { checks, round, domain } = context;
  const { roundId } = round;
  const invite = round.seats[seat].invite;
  let mined = 0;
  // A send that was mined but ran out of gas used its nonce. The tablet
  // sends it again later; this sends it again at once.
  const minedRevert = async (error: unknown, what: string) => {
    const hash = (error as { hash?: Hash }).hash;
    const { rpcUrl } = context.chain.connection;
    if (hash === undefined || !(await ranOutOfGas(rpcUrl, hash))) return false;
    mined += 1;
    context.outOfGas += 1;
    log(`${sender.name}: ${what} ran out of gas in ${hash}`);
    return true;
  };
  const sendMined = async (call: RegistryCall, what: string) => {
    try {
      await sender.send(call);
    } catch (error) {
      if (!(await minedRevert(error, what))) throw error;
      await sender.send(call);
    }
    mined += 1;
  };
  const good = async (when: string) => {
    const signed = await newCommit(context, sender, seat);
    await sendMined(commitCall(signed), `the send ${when}`);
    await expectNonce(context, sender, mined, `after a good send ${when}`);
    const stored = await readSeat(context.chain.session, roundId, seat);
    checks.equal(
      stored.commitment,
      signed.commitment,
      `${sender.name}: commit ${when}`,
    );
  };

  await sender.send(
    await claimCall(domain, roundId, seat, invite, sender.device),
  );
  mined += 1;
  await expectNonce(context, sender, mined, "after the claim");

  // 1. The gas estimate reverts, so nothing is signed or sent.
  const zero = { ...(await newCommit(context, sender, seat)) };
  zero.commitment = `0x${"0".repeat(64)}`;
  try {
    await sender.send(commitCall(zero));
    checks.fail(`${sender.name}: a zero commitment was accepted`);
  } catch (error) {
    checks.equal(
      sender.revertName(error),
      "RegistryZeroCommitment",
      `${sender.name}: estimate error`,
    );
  }
  await expectNonce(context, sender, mined, "after the failed estimate");
  await good("after the failed estimate");

  // 2. The node refuses to mine transactions that used the pending nonce.
  const unminable = {
    "gas above the block gas limit": { gas: 40_000_000n },
    "gas below the intrinsic gas": { gas: 21_000n },
    "another chain id": { chainId: 4242 },
  };
  for (const [label, change] of Object.entries(unminable)) {
    const { reaction } = await sendUnminable(context, sender, change);
    log(`${sender.name}: ${label}: the node ${reaction}`);
    const seen = context.reactions.get(label) ?? new Set();
    seen.add(reaction.startsWith("rejected") ? "rejected" : "dropped");
    context.reactions.set(label, seen);
  }
  await expectNonce(
    context,
    sender,
    mined,
    "after three unminable transactions",
  );
  await good("after the node rejections");

  // 3. A transaction that is mined but reverts consumes its nonce.
  const reverted = await sendWithoutEstimate(
    context.chain.connection,
    context.chain.session.registry,
    sender.device,
    commitCall(await newCommit(context, sender, OPEN_SEAT)),
  );
  checks.equal(
    reverted.status,
    "reverted",
    `${sender.name}: mined revert status`,
  );
  mined += 1;
  await expectNonce(context, sender, mined, "after a mined revert");
  await good("after the mined revert");

  // 4. The node cannot be reached.
  const deadUrl = `http://127.0.0.1:${await freePort()}`;
  try {
    await sender.send(
      commitCall(await newCommit(context, sender, seat)),
      deadUrl,
    );
    checks.fail(`${sender.name}: a send to ${deadUrl} succeeded`);
  } catch (error) {
    checks.equal(
      sender.revertName(error),
      undefined,
      `${sender.name}: unreachable node error`,
    );
  }
  await expectNonce(context, sender, mined, "after the node was unreachable");
  await good("after the unreachable node");

  // 5. Two sends at once from the same key, as after a double tap. Both
  // may read the same pending nonce, so one of them may fail.
  const twins = [
    await newCommit(context, sender, seat),
    await newCommit(context, sender, seat),
  ];
  const both = await Promise.allSettled(
    twins.map((signed) => sender.send(commitCall(signed))),
  );
  const done = both.filter((outcome) => outcome.status === "fulfilled").length;
  let revertedTwins = 0;
  for (const outcome of both) {
    if (outcome.status === "fulfilled") continue;
    if (await minedRevert(outcome.reason, "a concurrent send")) {
      revertedTwins += 1;
      continue;
    }
    const message = (outcome.reason as Error).message.split("\n")[0];
    log(`${sender.name}: concurrent send rejected: ${message}`);
    checks.equal(
      sender.revertName(outcome.reason),
      undefined,
      `${sender.name}: concurrent send error`,
    );
  }
  checks.ok(
    done + revertedTwins >= 1,
    `${sender.name}: one of two concurrent sends reached a block`,
  );
  mined += done;
  await expectNonce(context, sender, mined, "after two concurrent sends");
  await good("after the concurrent sends");
  return mined;
}

export const failedSendDrill: Drill = {
  id: "failed-send",
  title: "Sends after a failed send",
  action:
    "From one device key each, with the CLI's sendContract and the " +
    "tablet's sendRegistryCall: a reverting gas estimate, three signed " +
    "transactions the node did not mine (gas above the block limit, gas " +
    "below the intrinsic gas, another chain id), a mined revert, an " +
    "unreachable node and two sends at once, each followed by a send.",
  async run(checks, log) {
    const chain = await startDrillChain({ blockTime: 0 });
    const caseFile = drillCase({ seats: 3, bidders: 2, criteria: 2 }, (raw) => {
      raw.rules.trim = "none";
      raw.rules.minEvaluators = 2;
    });
    const round = await openDrillRound(chain.session, chain.admin, caseFile);
    const context: Context = {
      checks,
      chain,
      domain: domainOf(chain.connection.chainId, chain.session.registry),
      round,
      outOfGas: 0,
      reactions: new Map(),
    };
    const senders = [cliSender(chain.session), tabletSenderFor(chain.session)];
    const counts: string[] = [];
    for (const [seat, sender] of senders.entries()) {
      const mined = await exercise(context, sender, seat, log);
      const nonceList = await minedNonces(chain, sender.device.address);
      checks.equal(
        nonceList,
        Array.from({ length: mined }, (_, index) => index),
        `${sender.name}: nonces of the mined transactions`,
      );
      counts.push(`${mined} (${sender.name})`);
    }
    const pool = await requestRpc<{ pending: string; queued: string }>(
      chain.connection.rpcUrl,
      "txpool_status",
    );
    checks.equal(Number(pool.pending), 0, "pending transactions in the pool");
    checks.equal(Number(pool.queued), 0, "queued transactions in the pool");
    await chain.stop();
    return {
      checked:
        "after every failure the latest and pending nonces equalled the " +
        "mined count and the next send was mined with the next nonce; " +
        `mined nonces ran 0…n−1 without a gap for ${counts.join(" and ")} ` +
        "transactions, and the pool held nothing. The node " +
        [...context.reactions]
          .map(([label, seen]) => `${[...seen].join(" or ")} ${label}`)
          .join(", ") +
        ` (dropped: a hash but never pending or mined); ${context.outOfGas} ` +
        "sends ran out of gas and were sent again",
    };
  },
};
