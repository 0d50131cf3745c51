import { recoverTypedDataAddress, type Address, type LocalAccount } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";

import { resolveJuryboxPaths } from "../../cli/chain/paths.ts";
import type { RegistrySession } from "../../cli/lib/create-round.ts";
import { juryboxTypedData } from "../../core/index.ts";
import type { Checks, Drill } from "./drill.ts";
import {
  claimCall,
  commitCall,
  domainOf,
  signCommit,
  type SignedCommit,
} from "./support/calls.ts";
import {
  deployRegistry,
  startDrillChain,
  type DrillChain,
} from "./support/chain.ts";
import { reject, send, type Bench } from "./support/rejection-bench.ts";
import {
  drillCase,
  openDrillRound,
  readSeat,
  type DrillRound,
} from "./support/rounds.ts";

/** One place a Sheet signature can be sent to: registry, round and seat. */
interface Target {
  label: string;
  bench: Bench;
  round: DrillRound;
  seat: number;
}

const CASE = drillCase({ seats: 3, bidders: 2, criteria: 2 }, (raw) => {
  raw.rules.trim = "none";
  raw.rules.minEvaluators = 2;
});

function benchOn(
  checks: Checks,
  chain: DrillChain,
  session: RegistrySession,
): Bench {
  const { chainId } = session.connection;
  return {
    checks,
    chain: { ...chain, session },
    domain: domainOf(chainId, session.registry),
    rejected: 0,
  };
}

/** Creates a round and lets `device` claim the given seats. */
async function roundClaimedBy(
  bench: Bench,
  device: LocalAccount,
  seats: number[],
): Promise<DrillRound> {
  const { session, admin } = bench.chain;
  const round = await openDrillRound(session, admin, CASE);
  for (const seat of seats) {
    const invite = round.seats[seat].invite;
    const call = await claimCall(
      bench.domain,
      round.roundId,
      seat,
      invite,
      device,
    );
    await send(bench, device, call);
    round.seats[seat] = { ...round.seats[seat], device };
  }
  return round;
}

/** Recovers the address that the registry finds in `signed` at a target. */
async function recoveredAt(target: Target, signed: SignedCommit) {
  return recoverTypedDataAddress({
    ...juryboxTypedData(target.bench.domain, "Sheet", {
      roundId: target.round.roundId,
      seat: target.seat,
      commitment: signed.commitment,
    }),
    signature: signed.sheetSig,
  });
}

/**
 * Sends the signed commit to a target it was not signed for: rejected
 * with RegistryDeviceMismatch naming the recovered signer and the device,
 * state unchanged. Then a commit signed for that target is accepted, so
 * the signature alone made the difference.
 */
async function replayAt(
  target: Target,
  signed: SignedCommit,
  device: LocalAccount,
  relay: LocalAccount,
): Promise<void> {
  const { bench, round, seat, label } = target;
  const { checks } = bench;
  const signer = await recoveredAt(target, signed);
  checks.ok(signer !== device.address, `${label}: recovered signer differs`);
  const replayed = commitCall({ ...signed, roundId: round.roundId, seat });
  await reject(bench, `replay in ${label}`, round.roundId, relay, replayed, {
    name: "RegistryDeviceMismatch",
    args: [round.roundId, seat, signer, device.address],
  });

  const own = await signCommit(
    bench.domain,
    round.roundId,
    seat,
    device,
    round.sheets[seat],
    round.keys.escrow.publicKey,
  );
  await send(bench, relay, commitCall(own));
  const stored = await readSeat(bench.chain.session, round.roundId, seat);
  checks.equal(stored.commitment, own.commitment, `${label}: own commit`);
}

export const signatureReplayDrill: Drill = {
  id: "signature-replay",
  title: "Sheet signature replayed elsewhere",
  action:
    "Signed one Sheet with a device key that claimed a seat everywhere, " +
    "and submitted it from another key to another round, another seat, a " +
    "second registry on the same chain and a registry at the same address " +
    "on a second anvil with another chain id.",
  async run(checks, log) {
    const home = await startDrillChain({ blockTime: 0 });
    const adminKeyFile = resolveJuryboxPaths(home.dataDir).adminKeyFile;
    const second = await deployRegistry(home.chain, home.dataDir);
    const other = await startDrillChain({
      blockTime: 0,
      chainId: 31337,
      adminKeyFile,
    });
    checks.equal(
      other.session.registry,
      home.session.registry,
      "registry address on the second chain",
    );
    checks.ok(
      second.registry !== home.session.registry,
      "the second registry has its own address",
    );

    const device = privateKeyToAccount(generatePrivateKey());
    const relay = privateKeyToAccount(generatePrivateKey());
    const homeBench = benchOn(checks, home, home.session);
    const secondBench = benchOn(checks, home, {
      connection: home.connection,
      registry: second.registry as Address,
    });
    const otherBench = benchOn(checks, other, other.session);
    const signedRound = await roundClaimedBy(homeBench, device, [0, 1]);
    const targets: Target[] = [
      {
        label: "another round",
        bench: homeBench,
        round: await roundClaimedBy(homeBench, device, [0]),
        seat: 0,
      },
      { label: "another seat", bench: homeBench, round: signedRound, seat: 1 },
      {
        label: "another registry",
        bench: secondBench,
        round: await roundClaimedBy(secondBench, device, [0]),
        seat: 0,
      },
      {
        label: "another chain id",
        bench: otherBench,
        round: await roundClaimedBy(otherBench, device, [0]),
        seat: 0,
      },
    ];
    // Only the domain differs at these two: same round id, seat and device.
    for (const target of targets.slice(2)) {
      checks.equal(
        target.round.roundId,
        signedRound.roundId,
        `${target.label}: round id`,
      );
    }
    log(
      `registry ${home.session.registry} on chains 1337 and 31337, ` +
        `second registry ${second.registry}`,
    );

    const signed = await signCommit(
      homeBench.domain,
      signedRound.roundId,
      0,
      device,
      signedRound.sheets[0],
      signedRound.keys.escrow.publicKey,
    );
    for (const target of targets) await replayAt(target, signed, device, relay);

    await send(homeBench, relay, commitCall(signed));
    const stored = await readSeat(home.session, signedRound.roundId, 0);
    checks.equal(stored.commitment, signed.commitment, "signed seat's commit");
    await other.stop();
    await home.stop();

    return {
      checked:
        "each of the 4 replays failed with RegistryDeviceMismatch naming " +
        "the signer recovered for that place, in the CLI (nothing sent: " +
        "nonce and block unchanged) and again when mined, and left " +
        "getRound, every getSeat and roundCount unchanged; a commit signed " +
        "for each place then passed, and so did the signature in its own " +
        "place",
    };
  },
};
