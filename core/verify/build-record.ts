import { getAddress, isAddressEqual } from "viem";
import type { Address, Hex } from "viem";
import { findSignedCall } from "./calldata.ts";
import { RoundEventsError } from "./errors.ts";
import type { RoundEventLog } from "./logs.ts";
import { RECORD_FORMAT, RECORD_VERSION } from "./record.ts";
import type {
  EvaluationRecord,
  RecordParams,
  RecordPosition,
  RecordStatus,
} from "./record.ts";

// Turns decoded registry events, the transactions that emitted them and
// the round's view into an evaluation record.

/** What `buildRecord` reads, all fetched at or before `asOf.block`. */
export type RecordSources = {
  chainId: number;
  registry: Address;
  roundId: bigint;
  asOf: EvaluationRecord["asOf"];
  status: RecordStatus;
  logs: readonly RoundEventLog[];
  /** Transaction `to` and input by hash, for claims, recusals and commits. */
  transactions: ReadonlyMap<Hex, { to: Address | null; input: Hex }>;
  /** UTC seconds by block number. */
  timestamps: ReadonlyMap<number, number>;
};

type Args = Record<string, unknown>;

/** Builds the record of one round; throws when RoundCreated is missing. */
export function buildRecord(sources: RecordSources): EvaluationRecord {
  const { logs, roundId, registry } = sources;
  const position = (log: RoundEventLog): RecordPosition => ({
    block: log.block,
    logIndex: log.logIndex,
    transactionHash: log.transactionHash,
    timestamp: sources.timestamps.get(log.block) ?? 0,
  });
  const named = (name: RoundEventLog["eventName"]) =>
    logs.filter((log) => log.eventName === name);
  const transaction = (log: RoundEventLog) => {
    const found = sources.transactions.get(log.transactionHash);
    return found ?? { to: null, input: "0x" as Hex };
  };

  const created = named("RoundCreated")[0];
  if (created === undefined) {
    throw new RoundEventsError(
      `No RoundCreated event of round ${roundId} was found on registry ${registry}.`,
      { hint: "Search from an earlier block, or check the registry address." },
    );
  }
  const closing = named("ScoringClosed")[0];
  const finalized = named("RoundFinalized")[0];
  const cancelled = named("RoundCancelled")[0];

  return {
    format: RECORD_FORMAT,
    version: RECORD_VERSION,
    chainId: sources.chainId,
    registry: getAddress(registry),
    roundId: roundId.toString(),
    asOf: sources.asOf,
    created: {
      ...position(created),
      admin: getAddress(created.args.admin as Address),
      tallyVersion: created.args.tallyVersion as string,
      params: paramsFromEvent(created.args.params as Args),
    },
    status: sources.status,
    reissues: named("SeatReissued").map((log) => ({
      ...position(log),
      seat: log.args.seat as number,
      invite: getAddress(log.args.invite as Address),
    })),
    claims: named("SeatClaimed").map((log) => {
      const args = log.args;
      const call = findSignedCall(
        transaction(log),
        registry,
        "claimSeat",
        (c) =>
          c.roundId === roundId &&
          c.seat === args.seat &&
          isAddressEqual(c.device, args.device as Address) &&
          c.pledgeHash === args.pledgeHash,
      );
      return {
        ...position(log),
        seat: args.seat as number,
        device: getAddress(args.device as Address),
        pledgeHash: args.pledgeHash as Hex,
        inviteSignature: call?.inviteSig ?? null,
        pledgeSignature: call?.pledgeSig ?? null,
      };
    }),
    recusals: named("SeatRecused").map((log) => {
      const args = log.args;
      const call = findSignedCall(
        transaction(log),
        registry,
        "recuse",
        (c) =>
          c.roundId === roundId &&
          c.seat === args.seat &&
          c.reason === args.reason,
      );
      return {
        ...position(log),
        seat: args.seat as number,
        reason: args.reason as string,
        signature: call?.deviceSig ?? null,
      };
    }),
    commits: named("SheetCommitted").map((log) => {
      const args = log.args;
      const call = findSignedCall(
        transaction(log),
        registry,
        "commitSheet",
        (c) =>
          c.roundId === roundId &&
          c.seat === args.seat &&
          c.commitment === args.commitment &&
          c.escrow === args.escrow,
      );
      return {
        ...position(log),
        seat: args.seat as number,
        commitment: args.commitment as Hex,
        escrow: args.escrow as Hex,
        signature: call?.sheetSig ?? null,
      };
    }),
    closing:
      closing === undefined
        ? null
        : {
            ...position(closing),
            committed: closing.args.committed as number,
            absent: closing.args.absent as number,
            automatic: closing.args.automatic as boolean,
          },
    reveals: named("SheetRevealed").map((log) => ({
      ...position(log),
      seat: log.args.seat as number,
      scores: [...(log.args.scores as readonly number[])],
      comments: [...(log.args.comments as readonly string[])],
      salt: log.args.salt as Hex,
    })),
    result:
      finalized === undefined
        ? null
        : {
            ...position(finalized),
            lotterySeed: finalized.args.lotterySeed as Hex,
            revealedSeats: finalized.args.revealedSeats as number,
            bidders: (finalized.args.results as readonly Args[]).map(
              bidderResultFromEvent,
            ),
          },
    cancellation:
      cancelled === undefined
        ? null
        : { ...position(cancelled), reason: cancelled.args.reason as string },
  };
}

function paramsFromEvent(params: Args): RecordParams {
  const rules = params.rules as Args;
  return {
    title: params.title as string,
    referenceNumber: params.referenceNumber as string,
    rules: {
      version: rules.version as string,
      trim: rules.trim as number,
      technicalScoring: rules.technicalScoring as number,
      priceFormula: rules.priceFormula as number,
      qualifyingPercent: rules.qualifyingPercent as number,
      minEvaluators: rules.minEvaluators as number,
      technicalWeight: rules.technicalWeight as number,
      priceWeight: rules.priceWeight as number,
      estimatedPrice: String(rules.estimatedPrice),
      tieBreak: [...(rules.tieBreak as readonly number[])],
    },
    criteria: (params.criteria as readonly Args[]).map((criterion) => ({
      name: criterion.name as string,
      maxPoints: criterion.maxPoints as number,
      quantitative: criterion.quantitative as boolean,
    })),
    bidders: (params.bidders as readonly Args[]).map((bidder) => ({
      name: bidder.name as string,
      bidPrice: String(bidder.bidPrice),
      priceScore: bidder.priceScore as number,
      quantitativeScores: [...(bidder.quantitativeScores as readonly number[])],
    })),
    invites: (params.invites as readonly Address[]).map((invite) =>
      getAddress(invite),
    ),
    scoringDeadline: Number(params.scoringDeadline),
    revealDeadline: Number(params.revealDeadline),
    escrowPublicKey: params.escrowPublicKey as Hex,
  };
}

function bidderResultFromEvent(result: Args) {
  return {
    technical: String(result.technical),
    price: String(result.price),
    total: String(result.total),
    qualified: result.qualified as boolean,
    rankByTotal: result.rankByTotal as number,
    negotiationOrder: result.negotiationOrder as number,
  };
}
