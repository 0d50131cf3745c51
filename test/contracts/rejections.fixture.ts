import type {
  HardhatEthers,
  HardhatEthersSigner,
} from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";

import {
  TRIM,
  claimSeat,
  commitSheet,
  deployRegistry,
  openRound,
  randomSheet,
  revealSheet,
} from "./fixtures.ts";
import type { Deployment, RoundPlan, Sheet } from "./fixtures.ts";
import { readState } from "./state.ts";

/**
 * Four rounds, one per phase, that the rejection tables act on:
 * - scoring: 5 seats, seat 0 claimed, seat 1 committed, the rest invited;
 * - revealing: 3 seats, seat 0 revealed, seat 1 committed, seat 2 committed
 *   with a score above its criterion's maximum;
 * - finalized and cancelled: 1 seat each.
 */
export interface PhaseRounds {
  deployment: Deployment;
  stranger: HardhatEthersSigner;
  scoring: bigint;
  revealing: bigint;
  finalized: bigint;
  cancelled: bigint;
  scoringPlan: RoundPlan;
  revealingPlan: RoundPlan;
  committed: Sheet;
  revealed: Sheet;
  pending: Sheet;
  overMaximum: Sheet;
}

export async function openPhaseRounds(
  ethers: HardhatEthers,
): Promise<PhaseRounds> {
  const deployment = await deployRegistry(ethers);
  const [, , stranger] = await ethers.getSigners();
  const small = { bidders: 2, criteria: 2 };

  const scoring = await openRound(deployment, { seats: 5, ...small });
  const scoringPlan = scoring.plan;
  await claimSeat(deployment, scoring.roundId, 0, scoringPlan.keys[0]);
  await claimSeat(deployment, scoring.roundId, 1, scoringPlan.keys[1]);
  const committed = randomSheet(scoringPlan);
  const device1 = scoringPlan.keys[1].device;
  await commitSheet(deployment, scoring.roundId, 1, device1, committed);

  const revealing = await openRound(deployment, { seats: 3, ...small });
  const revealingPlan = revealing.plan;
  const [revealed, pending, overMaximum] = [0, 1, 2].map(() =>
    randomSheet(revealingPlan),
  );
  overMaximum.scores[0] = revealingPlan.qualitativeMaxima[0] + 1;
  const sheets = [revealed, pending, overMaximum];
  for (let seat = 0; seat < 3; seat++) {
    await claimSeat(
      deployment,
      revealing.roundId,
      seat,
      revealingPlan.keys[seat],
    );
  }
  for (let seat = 0; seat < 3; seat++) {
    const device = revealingPlan.keys[seat].device;
    await commitSheet(
      deployment,
      revealing.roundId,
      seat,
      device,
      sheets[seat],
    );
  }
  await revealSheet(deployment, revealing.roundId, 0, revealed);

  const single = { seats: 1, ...small, trim: TRIM.none, minEvaluators: 1 };
  const finalized = await openRound(deployment, single);
  const only = finalized.plan.keys[0];
  const sheet = randomSheet(finalized.plan);
  await claimSeat(deployment, finalized.roundId, 0, only);
  await commitSheet(deployment, finalized.roundId, 0, only.device, sheet);
  await revealSheet(deployment, finalized.roundId, 0, sheet);

  const cancelled = await openRound(deployment, single);
  await deployment.registry.cancelRound(cancelled.roundId, "Withdrawn.");

  return {
    deployment,
    stranger,
    scoring: scoring.roundId,
    revealing: revealing.roundId,
    finalized: finalized.roundId,
    cancelled: cancelled.roundId,
    scoringPlan,
    revealingPlan,
    committed,
    revealed,
    pending,
    overMaximum,
  };
}

/** One rejected call: what to set up, what to call, and the error it raises. */
export interface Rejection {
  name: string;
  prepare?: (rounds: PhaseRounds) => Promise<unknown>;
  act: (rounds: PhaseRounds) => Promise<unknown>;
  error: string;
  args: (rounds: PhaseRounds) => unknown[] | Promise<unknown[]>;
}

/**
 * Runs each rejection on a fresh copy of the phase rounds and asserts the
 * custom error with its arguments, and that every round and seat reads back
 * unchanged.
 */
export function describeRejections(
  title: string,
  rows: Rejection[],
  load: () => Promise<PhaseRounds>,
): void {
  describe(title, function () {
    for (const row of rows) {
      it(`rejects ${row.name}`, async function () {
        const rounds = await load();
        const { deployment } = rounds;
        const ids = [
          rounds.scoring,
          rounds.revealing,
          rounds.finalized,
          rounds.cancelled,
        ];
        if (row.prepare !== undefined) await row.prepare(rounds);
        const before = await readState(deployment, ids);
        const args = await row.args(rounds);

        await expect(row.act(rounds))
          .to.be.revertedWithCustomError(deployment.registry, row.error)
          .withArgs(...args);
        expect(await readState(deployment, ids)).to.equal(before);
      });
    }
  });
}
