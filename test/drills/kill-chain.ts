import { join } from "node:path";

import { resolveJuryboxPaths } from "../../cli/chain/paths.ts";
import { requestRpc } from "../../cli/chain/rpc.ts";
import { readStateFile } from "../../cli/chain/state-store.ts";
import { loadAdminAccount } from "../../cli/lib/admin-key.ts";
import { connectRpc } from "../../cli/lib/chain-client.ts";
import type { RegistrySession } from "../../cli/lib/create-round.ts";
import { claimSeat, revealSheet } from "../../cli/lib/seat-actions.ts";
import type { Checks, Drill } from "./drill.ts";
import { BlockWatcher } from "./support/block-watch.ts";
import { domainOf, signCommit } from "./support/calls.ts";
import { deployRegistry, freePort, makeDrillDir } from "./support/chain.ts";
import { isRunning } from "./support/cleanup.ts";
import {
  drillCase,
  openDrillRound,
  readRound,
  readSeat,
  sleep,
  waitFor,
  type DrillRound,
} from "./support/rounds.ts";
import { startSupervisorProcess } from "./support/supervisor-process.ts";
import { Gate, ResendingTablet } from "./support/tablet.ts";

const SEATS = 15;
/** Tablet i starts sending at i × STAGGER_MS after the first. */
const STAGGER_MS = 250;
/** The chain is killed this long after the first tablet started. */
const KILL_AFTER_MS = 2600;
const DURABLE_AFTER_MS = 1000;
const SEAT_COMMITTED = 2;
const PHASE_REVEALING = 2;
const PHASE_FINALIZED = 3;

/** Outcome of one tablet's first commit, relative to the kill. */
interface Fate {
  seat: number;
  /** Mined at least DURABLE_AFTER_MS before the kill (by the watcher). */
  durable: boolean;
  /** Mined before the kill at all. */
  minedBeforeKill: boolean;
  /** On chain right after the restart, before any resend. */
  survived: boolean;
}

/** Checks what the restarted chain contains before any tablet sends again. */
async function checkSurvivors(
  checks: Checks,
  session: RegistrySession,
  round: DrillRound,
  tablets: ResendingTablet[],
  watcher: BlockWatcher,
  killAt: number,
): Promise<Fate[]> {
  const fates: Fate[] = [];
  for (const tablet of tablets) {
    const { seat } = tablet;
    const stored = await readSeat(session, round.roundId, seat);
    checks.equal(
      stored.device,
      round.seats[seat].device.address,
      `seat ${seat}: claim after the restart`,
    );
    const mined = tablet.sent
      .map((sent) => ({ sent, block: watcher.blockOf(sent.hash) }))
      .filter((entry) => entry.block !== undefined);
    const durable = mined.filter(
      (entry) => entry.block!.seenAt <= killAt - DURABLE_AFTER_MS,
    );
    const survived =
      stored.state === SEAT_COMMITTED &&
      stored.commitment === tablet.signed.commitment;
    for (const { sent, block } of durable) {
      const receipt = await requestRpc<{ blockHash: string } | null>(
        session.connection.rpcUrl,
        "eth_getTransactionReceipt",
        [sent.hash],
      );
      checks.equal(
        receipt?.blockHash,
        block!.hash,
        `seat ${seat}: commit ${sent.hash} in its block after the restart`,
      );
    }
    if (durable.length > 0) {
      checks.ok(
        survived,
        `seat ${seat}: durable commit on chain after the restart`,
      );
    }
    fates.push({
      seat,
      durable: durable.length > 0,
      minedBeforeKill: mined.length > 0,
      survived,
    });
  }
  return fates;
}

export const killChainDrill: Drill = {
  id: "kill-chain",
  title: "Chain killed mid-scoring",
  action:
    `On the embedded chain run by a supervisor process, ${SEATS} seats ` +
    `were claimed. Then ${SEATS} tablets started committing ` +
    `${STAGGER_MS} ms apart, each sending its signed commit until its seat ` +
    `had it. ${KILL_AFTER_MS / 1000} s in, the supervisor and anvil got ` +
    "SIGKILL, and a new supervisor started on the same folder. Then every " +
    "seat revealed.",
  async run(checks, log) {
    const dir = await makeDrillDir("kill");
    const dataDir = join(dir, ".jurybox");
    const paths = resolveJuryboxPaths(dataDir);
    const port = await freePort();
    const first = await startSupervisorProcess({ dataDir, port, blockTime: 1 });
    const rpcUrl = `http://127.0.0.1:${port}`;
    const { registry } = await deployRegistry(
      { rpcUrl, chainId: 1337 },
      dataDir,
    );
    const connection = await connectRpc(rpcUrl);
    const session = { connection, registry };
    const admin = await loadAdminAccount(paths.adminKeyFile);
    const caseFile = drillCase({ seats: SEATS, bidders: 5, criteria: 5 });
    const round = await openDrillRound(session, admin, caseFile);
    const { roundId } = round;
    const claims = await Promise.all(
      round.seats.map(({ seat, invite, device }) =>
        claimSeat(session, roundId, seat, invite, device),
      ),
    );
    const lastClaim = claims.reduce(
      (highest, receipt) =>
        receipt.blockNumber > highest ? receipt.blockNumber : highest,
      0n,
    );
    await waitFor(
      "the claims in the state file",
      async () =>
        (await readStateFile(paths.stateFile)).bestBlockNumber >= lastClaim,
      15_000,
    );

    const domain = domainOf(connection.chainId, registry);
    const tablets = await Promise.all(
      round.seats.map(async ({ seat, device }) => {
        const signed = await signCommit(
          domain,
          roundId,
          seat,
          device,
          round.sheets[seat],
          round.keys.escrow.publicKey,
        );
        return new ResendingTablet(session, device, signed);
      }),
    );

    const watcher = new BlockWatcher(rpcUrl);
    watcher.start(
      (await connection.client.getBlockNumber({ cacheTime: 0 })) + 1n,
    );
    const gate = new Gate();
    const started = performance.now();
    const loops = tablets.map(async (tablet, index) => {
      await sleep(index * STAGGER_MS);
      await tablet.run(gate);
    });

    await sleep(KILL_AFTER_MS - (performance.now() - started));
    await watcher.stop();
    const killAt = performance.now();
    first.child.kill("SIGKILL");
    process.kill(first.anvilPid, "SIGKILL");
    await first.exited;
    await waitFor("anvil to exit", () => !isRunning(first.anvilPid), 10_000);

    // The tablets keep trying while the chain is down, then wait at the
    // gate, so the check below reads only what the chain kept.
    await sleep(1500);
    gate.close();
    const active = () =>
      tablets.filter((tablet) => tablet.confirmedAt === undefined).length;
    await waitFor(
      "every tablet at the gate",
      () => gate.parked === active(),
      15_000,
    );
    const second = await startSupervisorProcess({
      dataDir,
      port,
      blockTime: 1,
    });
    const restartedAfterMs = Math.round(performance.now() - killAt);
    checks.ok(
      /Loaded block \d+/.test(second.output()),
      "restart loaded a saved state",
      second.output(),
    );

    const fates = await checkSurvivors(
      checks,
      session,
      round,
      tablets,
      watcher,
      killAt,
    );
    gate.open();
    await Promise.all(loops);
    for (const tablet of tablets) {
      const stored = await readSeat(session, roundId, tablet.seat);
      checks.equal(
        stored.commitment,
        tablet.signed.commitment,
        `seat ${tablet.seat}: commit at the end`,
      );
    }
    checks.equal(
      (await readRound(session, roundId)).phase,
      PHASE_REVEALING,
      "phase after every commit",
    );

    // The last reveal finalises and needs more gas, so it goes alone.
    const reveal = (tablet: ResendingTablet) =>
      revealSheet(
        session,
        roundId,
        tablet.seat,
        round.seats[tablet.seat].device,
        tablet.signed.sealed,
      );
    await Promise.all(tablets.slice(0, -1).map(reveal));
    await reveal(tablets[tablets.length - 1]);
    const final = await readRound(session, roundId);
    checks.equal(final.phase, PHASE_FINALIZED, "phase after every reveal");
    checks.equal(final.revealed, SEATS, "revealed seats");

    second.child.kill("SIGTERM");
    checks.equal(
      await second.exited,
      "code 0",
      "supervisor exit after SIGTERM",
    );

    const count = (test: (fate: Fate) => boolean) => fates.filter(test).length;
    const durable = count((fate) => fate.durable);
    const lastSecond = count((fate) => fate.minedBeforeKill && !fate.durable);
    const keptLastSecond = count(
      (fate) => fate.minedBeforeKill && !fate.durable && fate.survived,
    );
    const missing = count((fate) => !fate.survived);
    const resent = tablets.filter((tablet) => tablet.sent.length > 1).length;
    log(
      `chain back ${restartedAfterMs} ms after the kill; tablet send ` +
        `errors: ${tablets.map((tablet) => tablet.errors).join(",")}`,
    );
    return {
      checked:
        `${durable} commits mined ≥ 1 s before the kill were all in their ` +
        `blocks after the restart, and ${keptLastSecond} of ${lastSecond} ` +
        `mined in the last second were kept; the ${missing} tablets whose ` +
        "sheet the restarted chain lacked sent their signed commit until " +
        `it landed (${resent} sent it more than once); all ${SEATS} seats ` +
        "ended committed with their signed commitments, scoring closed by " +
        `itself and the round finalised with ${SEATS} reveals`,
    };
  },
};
