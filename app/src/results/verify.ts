import type { Address, Hex, PublicClient } from "viem";

// Imported file by file so that the results chunk carries the tally but
// not the round-file schema.
import { computeCommitment, lotterySeed } from "../../../core/commitment.ts";
import { tallyInputFromSpec, type RoundSpec } from "../../../core/params.ts";
import { tally } from "../../../core/tally.ts";
import { fetchRoundLogs } from "../chain/round.ts";

/** One check of the verification, with what was compared. */
export interface Check {
  name: "created" | "finalized" | "opened" | "seed" | "count" | "result";
  ok: boolean;
  /** Values for the message, e.g. the seat or the bidder. */
  values: Record<string, string>;
}

interface Opening {
  seat: number;
  scores: number[];
  comments: string[];
  salt: Hex;
}

/**
 * Recomputes a finalised round from its raw events, trusting nothing but
 * the RPC endpoint. Each revealed sheet must open its latest commitment,
 * and the lottery seed must be the hash of the revealed salts. The
 * reference tally of core/ over the revealed sheets must equal every
 * bidder's published result.
 */
export async function verifyRound(
  client: PublicClient,
  registry: Address,
  roundId: bigint,
): Promise<Check[]> {
  const logs = await fetchRoundLogs(client, registry, roundId);
  const checks: Check[] = [];
  const created = logs.find((log) => log.eventName === "RoundCreated");
  const finalized = logs.find((log) => log.eventName === "RoundFinalized");
  checks.push({ name: "created", ok: created !== undefined, values: {} });
  checks.push({ name: "finalized", ok: finalized !== undefined, values: {} });
  if (!created || !finalized) return checks;

  const commitments = new Map<number, Hex>();
  const openings: Opening[] = [];
  for (const log of logs) {
    if (log.eventName === "SeatReissued") commitments.delete(log.args.seat);
    if (log.eventName === "SheetCommitted") {
      commitments.set(log.args.seat, log.args.commitment);
    }
    if (log.eventName === "SheetRevealed") {
      openings.push({
        seat: log.args.seat,
        scores: [...log.args.scores],
        comments: [...log.args.comments],
        salt: log.args.salt,
      });
    }
  }
  openings.sort((a, b) => a.seat - b.seat);

  for (const opening of openings) {
    const computed = computeCommitment({ roundId, ...opening });
    checks.push({
      name: "opened",
      ok: computed === commitments.get(opening.seat),
      values: { seat: String(opening.seat + 1) },
    });
  }

  const seed = lotterySeed(openings.map((opening) => opening.salt));
  checks.push({
    name: "seed",
    ok: seed === finalized.args.lotterySeed,
    values: { seed },
  });
  checks.push({
    name: "count",
    ok: openings.length === finalized.args.revealedSeats,
    values: { count: String(openings.length) },
  });

  const { params } = created.args;
  const spec = {
    rules: params.rules,
    criteria: params.criteria,
    bidders: params.bidders,
  } as unknown as RoundSpec;
  const expected = tally(
    tallyInputFromSpec(spec, {
      sheets: openings.map((opening) => opening.scores),
      lotterySeed: seed,
    }),
  );
  params.bidders.forEach((bidder, index) => {
    const published = finalized.args.results[index];
    const mine = expected[index];
    const ok =
      published !== undefined &&
      published.technical === mine.technical &&
      published.price === mine.price &&
      published.total === mine.total &&
      published.qualified === mine.qualified &&
      published.rankByTotal === mine.rankByTotal &&
      published.negotiationOrder === mine.negotiationOrder;
    checks.push({ name: "result", ok, values: { bidder: bidder.name } });
  });
  return checks;
}

/** Revealed sheets by seat, for the per-seat score table. */
export async function revealedSheets(
  client: PublicClient,
  registry: Address,
  roundId: bigint,
): Promise<Opening[]> {
  const logs = await fetchRoundLogs(client, registry, roundId);
  const openings: Opening[] = [];
  for (const log of logs) {
    if (log.eventName !== "SheetRevealed") continue;
    openings.push({
      seat: log.args.seat,
      scores: [...log.args.scores],
      comments: [...log.args.comments],
      salt: log.args.salt,
    });
  }
  return openings.sort((a, b) => a.seat - b.seat);
}
