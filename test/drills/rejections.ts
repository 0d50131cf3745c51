import type { Drill } from "./drill.ts";
import { domainOf } from "./support/calls.ts";
import { startDrillChain } from "./support/chain.ts";
import { increaseTime, type Bench } from "./support/rejection-bench.ts";
import {
  cancelledRound,
  finishedRound,
  scoringPhase,
} from "./support/rejection-cases.ts";
import {
  afterRevealDeadline,
  afterScoringDeadline,
  revealingPhase,
} from "./support/rejection-late.ts";
import { drillCase, isoSeconds, openDrillRound } from "./support/rounds.ts";

const HOUR = 3600n;
/**
 * Seconds added past each deadline, so that the next block is clearly
 * after it even when the chain's clock and this process's clock differ by
 * a second or two.
 */
const MARGIN = 60n;

export const rejectionsDrill: Drill = {
  id: "rejections",
  title: "Rejected actions leave state unchanged",
  action:
    "On anvil, sent wrong reveals, reused invites, late and early actions, " +
    "actions in the wrong phase and from the wrong key through the CLI's " +
    "sendContract, then mined each one again past the gas estimate.",
  async run(checks, log) {
    const chain = await startDrillChain({ blockTime: 0 });
    const bench: Bench = {
      checks,
      chain,
      domain: domainOf(chain.connection.chainId, chain.session.registry),
      rejected: 0,
    };
    // Three seats, two bidders, two criteria of 40 points, no trimming and
    // a quorum of two, so that one seat can stay away.
    const now = BigInt(Math.floor(Date.now() / 1000));
    const scoringDeadline = now + HOUR;
    const revealDeadline = now + 2n * HOUR;
    const caseFile = drillCase({ seats: 3, bidders: 2, criteria: 2 }, (raw) => {
      raw.rules.trim = "none";
      raw.rules.minEvaluators = 2;
      Object.assign(raw, {
        schedule: {
          scoringDeadline: isoSeconds(scoringDeadline),
          revealDeadline: isoSeconds(revealDeadline),
        },
      });
    });
    const open = () => openDrillRound(chain.session, chain.admin, caseFile);
    const main = await open();
    const finished = await open();
    const cancelled = await open();
    log(
      `rounds ${main.roundId} (main), ${finished.roundId} (finalized), ` +
        `${cancelled.roundId} (cancelled)`,
    );

    await finishedRound(bench, finished);
    await cancelledRound(bench, cancelled);
    const scored = await scoringPhase(bench, main, scoringDeadline);
    await increaseTime(bench, HOUR + MARGIN);
    await afterScoringDeadline(bench, main, scoringDeadline);
    await revealingPhase(bench, main, scored, revealDeadline);
    await increaseTime(bench, HOUR + MARGIN);
    await afterRevealDeadline(bench, main, scored, revealDeadline);
    await chain.stop();

    return {
      checked:
        `${bench.rejected} rejected calls: each raised its custom error ` +
        "with the expected arguments in the CLI and again when mined, and " +
        "left getRound, every getSeat and roundCount as they were (and, in " +
        "the CLI, the block number and the sender's nonce)",
    };
  },
};
