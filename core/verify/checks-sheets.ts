import { computeCommitment, lotterySeed } from "../commitment.ts";
import { tallyInputFromSpec } from "../params.ts";
import { tally } from "../tally.ts";
import type { BidderResult } from "../tally-input.ts";
import { formatFixed } from "../units.ts";
import { cancelledCheck, makeCheck, plural, seatText } from "./check.ts";
import type { VerifyCheck } from "./check.ts";
import { byPosition } from "./logs.ts";
import type { EvaluationRecord, RecordReveal } from "./record.ts";
import {
  bidderResultOfRecord,
  qualitativeCount,
  specOfRecord,
} from "./spec.ts";
import type { Replay } from "./timeline.ts";

// The checks on the opened sheets: each reveal opens its commitment, and
// the seed and the result follow from the revealed sheets.

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function shapeProblems(
  record: EvaluationRecord,
  reveal: RecordReveal,
): string[] {
  const { params } = record.created;
  const bidders = params.bidders.length;
  const maxima = params.criteria
    .filter((criterion) => !criterion.quantitative)
    .map((criterion) => criterion.maxPoints);
  const expected = bidders * maxima.length;
  const problems: string[] = [];
  if (reveal.scores.length !== expected) {
    problems.push(
      `${seatText(reveal.seat)}: ${reveal.scores.length} scores, not ${bidders} bidders × ${maxima.length} criteria`,
    );
  }
  if (reveal.comments.length !== bidders) {
    problems.push(
      `${seatText(reveal.seat)}: ${reveal.comments.length} comments for ${bidders} bidders`,
    );
  }
  reveal.scores.forEach((score, index) => {
    const maximum = maxima[index % Math.max(1, maxima.length)];
    if (maximum !== undefined && score > maximum) {
      problems.push(
        `${seatText(reveal.seat)}: score ${index} is ${score}, above its criterion's maximum ${maximum} (hundredths)`,
      );
    }
  });
  return problems;
}

/** Checks that each reveal opens the seat's commitment sealed at close. */
export function checkReveals(
  record: EvaluationRecord,
  replay: Replay,
): VerifyCheck {
  const roundId = BigInt(record.roundId);
  const problems: string[] = [];
  for (const { reveal, opened } of replay.reveals) {
    problems.push(...shapeProblems(record, reveal));
    if (opened === undefined) {
      problems.push(
        `${seatText(reveal.seat)} revealed without a commitment sealed at close`,
      );
      continue;
    }
    let computed: string;
    try {
      computed = computeCommitment({ roundId, ...reveal });
    } catch (error) {
      problems.push(`${seatText(reveal.seat)}: ${errorText(error)}`);
      continue;
    }
    if (computed !== opened.commitment.toLowerCase()) {
      problems.push(
        `${seatText(reveal.seat)}: the revealed sheet hashes to ${computed}, ` +
          `but the commitment of block ${opened.block} is ${opened.commitment}`,
      );
    }
  }

  const revealed = new Set(replay.reveals.map(({ reveal }) => reveal.seat));
  const unrevealed = replay.states
    .map((state, seat) =>
      state === "committed" && !revealed.has(seat) ? seat : -1,
    )
    .filter((seat) => seat >= 0);
  const label =
    "Every reveal opens its seat's latest commitment from before scoring closed";
  const cancelled = record.cancellation !== null && record.result === null;
  if (cancelled && record.closing === null && replay.reveals.length === 0) {
    return makeCheck(
      "reveals-match",
      label,
      problems,
      "no sheet was opened, because the round was cancelled before scoring " +
        "closed and reveals began",
    );
  }
  const missing =
    unrevealed.length === 0
      ? ""
      : `; not revealed${cancelled ? " before the cancellation" : ""}: ` +
        unrevealed.map(seatText).join(", ");
  return makeCheck(
    "reveals-match",
    label,
    problems,
    `${plural(replay.reveals.length, "reveal")}, each opening its seat's sealed commitment${missing}`,
  );
}

/** Returns the reveals that the result was computed from, in seat order. */
function revealsBeforeResult(record: EvaluationRecord): RecordReveal[] {
  const result = record.result;
  return record.reveals
    .filter((reveal) => result === null || byPosition(reveal, result) < 0)
    .sort((a, b) => a.seat - b.seat);
}

/** Checks the lottery seed against the revealed salts in seat order. */
export function checkLotterySeed(record: EvaluationRecord): VerifyCheck {
  const label =
    "The lottery seed is keccak256 of the revealed salts in seat order";
  if (record.result === null && record.cancellation !== null) {
    return cancelledCheck(
      "lottery-seed",
      label,
      record.cancellation,
      "no lottery seed was drawn",
    );
  }
  if (record.result === null) {
    return makeCheck(
      "lottery-seed",
      label,
      ["the round has no result and so no seed"],
      "",
    );
  }
  const reveals = revealsBeforeResult(record);
  const seed = lotterySeed(reveals.map((reveal) => reveal.salt));
  const problems =
    seed === record.result.lotterySeed.toLowerCase()
      ? []
      : [
          `the salts hash to ${seed}, but RoundFinalized has ${record.result.lotterySeed}`,
        ];
  return makeCheck(
    "lottery-seed",
    label,
    problems,
    `${seed} from ${plural(reveals.length, "salt")}`,
  );
}

const FIELDS = [
  "technical",
  "price",
  "total",
  "qualified",
  "rankByTotal",
  "negotiationOrder",
] as const;

function show(
  field: (typeof FIELDS)[number],
  value: BidderResult[typeof field],
): string {
  return typeof value === "bigint" ? formatFixed(value, 4) : String(value);
}

/** Recomputes the tally from the revealed sheets and compares the result. */
export function checkTally(record: EvaluationRecord): VerifyCheck {
  const label =
    "The on-chain result equals the tally recomputed from the revealed sheets";
  if (record.result === null && record.cancellation !== null) {
    return cancelledCheck(
      "tally",
      label,
      record.cancellation,
      "it has no result to recompute",
    );
  }
  if (record.result === null) {
    return makeCheck(
      "tally",
      label,
      ["the round has no result to recompute"],
      "",
    );
  }
  const { params } = record.created;
  const reveals = revealsBeforeResult(record);
  let recomputed: BidderResult[];
  try {
    recomputed = tally(
      tallyInputFromSpec(specOfRecord(params), {
        sheets: reveals.map((reveal) => reveal.scores),
        lotterySeed: lotterySeed(reveals.map((reveal) => reveal.salt)),
      }),
    );
  } catch (error) {
    return makeCheck(
      "tally",
      label,
      [`the tally failed: ${errorText(error)}`],
      "",
    );
  }

  const published = record.result.bidders.map(bidderResultOfRecord);
  const problems: string[] = [];
  if (published.length !== recomputed.length) {
    problems.push(
      `RoundFinalized has ${published.length} results for ${recomputed.length} bidders`,
    );
  }
  recomputed.forEach((mine, bidder) => {
    const theirs = published[bidder];
    if (theirs === undefined) return;
    for (const field of FIELDS) {
      if (mine[field] === theirs[field]) continue;
      problems.push(
        `bidder ${bidder} (${params.bidders[bidder].name}): ${field} ` +
          `${show(field, theirs[field])} on chain, ${show(field, mine[field])} recomputed`,
      );
    }
  });
  const winner = recomputed.findIndex(
    (result) => result.negotiationOrder === 1,
  );
  const winnerText =
    winner < 0
      ? "no bidder qualified"
      : `winner ${params.bidders[winner].name}`;
  return makeCheck(
    "tally",
    label,
    problems,
    `${plural(recomputed.length, "bidder")} from ${plural(reveals.length, "sheet")} of ` +
      `${criteriaText(qualitativeCount(params))}; ${winnerText}`,
  );
}

function criteriaText(count: number): string {
  return count === 1 ? "1 scored criterion" : `${count} scored criteria`;
}
