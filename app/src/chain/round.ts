import {
  encodeEventTopics,
  parseEventLogs,
  toHex,
  type Address,
  type Hex,
  type Log,
  type PublicClient,
} from "viem";

import { registryAbi } from "./abi.ts";
import type { RoundEvent } from "./progress.ts";
import type { BidderResult } from "./progress.ts";

export interface RoundCriterion {
  name: string;
  /** Hundredths of a point. */
  maxPoints: number;
  quantitative: boolean;
}

export interface RoundBidder {
  name: string;
  bidPrice: bigint;
  priceScore: number;
  quantitativeScores: number[];
}

/** A round as its RoundCreated event describes it. */
export interface RoundInfo {
  roundId: bigint;
  admin: Address;
  title: string;
  referenceNumber: string;
  rulesVersion: string;
  tallyVersion: string;
  technicalWeight: number;
  priceWeight: number;
  minEvaluators: number;
  criteria: RoundCriterion[];
  bidders: RoundBidder[];
  invites: Address[];
  scoringDeadline: number;
  revealDeadline: number;
  escrowPublicKey: Hex;
  block: bigint;
  createdAt?: number;
}

export class RoundNotFoundError extends Error {
  constructor(roundId: bigint, registry: Address) {
    super(
      `Round ${roundId} does not exist on registry ${registry}; check the ` +
        "link or ask the administrator for the seat's QR code.",
    );
    this.name = "RoundNotFoundError";
  }
}

function roundTopic(roundId: bigint): Hex {
  return toHex(roundId, { size: 32 });
}

/** Loads a round's parameters from its RoundCreated event. */
export async function loadRound(
  client: PublicClient,
  registry: Address,
  roundId: bigint,
): Promise<RoundInfo> {
  const [signature] = encodeEventTopics({
    abi: registryAbi,
    eventName: "RoundCreated",
  });
  const logs = (await client.request({
    method: "eth_getLogs",
    params: [
      {
        address: registry,
        fromBlock: "0x0",
        toBlock: "latest",
        topics: [signature, roundTopic(roundId)],
      },
    ],
  })) as Log[];
  const [created] = parseEventLogs({
    abi: registryAbi,
    eventName: "RoundCreated",
    logs: logs.map(formatRawLog),
  });
  if (!created) throw new RoundNotFoundError(roundId, registry);
  const { params, admin, tallyVersion } = created.args;
  const time = await blockTime(client, created.blockNumber, created);
  return {
    roundId,
    admin,
    title: params.title,
    referenceNumber: params.referenceNumber,
    rulesVersion: params.rules.version,
    tallyVersion,
    technicalWeight: params.rules.technicalWeight,
    priceWeight: params.rules.priceWeight,
    minEvaluators: params.rules.minEvaluators,
    criteria: params.criteria.map((criterion) => ({ ...criterion })),
    bidders: params.bidders.map((bidder) => ({
      name: bidder.name,
      bidPrice: bidder.bidPrice,
      priceScore: bidder.priceScore,
      quantitativeScores: [...bidder.quantitativeScores],
    })),
    invites: [...params.invites],
    scoringDeadline: Number(params.scoringDeadline),
    revealDeadline: Number(params.revealDeadline),
    escrowPublicKey: params.escrowPublicKey,
    block: created.blockNumber,
    createdAt: time,
  };
}

/** Returns the qualitative criteria, the only ones an evaluator scores. */
export function qualitativeCriteria(round: RoundInfo): RoundCriterion[] {
  return round.criteria.filter((criterion) => !criterion.quantitative);
}

type RawLog = Log & { blockTimestamp?: Hex | bigint | null };

/** Fetches and decodes every registry event of one round, in chain order. */
export async function fetchRoundLogs(
  client: PublicClient,
  registry: Address,
  roundId: bigint,
) {
  const logs = (await client.request({
    method: "eth_getLogs",
    params: [
      {
        address: registry,
        fromBlock: "0x0",
        toBlock: "latest",
        topics: [null, roundTopic(roundId)],
      },
    ],
  })) as Log[];
  return parseEventLogs({ abi: registryAbi, logs: logs.map(formatRawLog) });
}

function formatRawLog(log: Log): Log {
  const raw = log as unknown as Record<string, unknown>;
  const toBig = (value: unknown) =>
    typeof value === "string" ? BigInt(value) : (value as bigint);
  return {
    ...log,
    blockNumber: toBig(raw.blockNumber),
    logIndex: Number(toBig(raw.logIndex)),
    transactionIndex: Number(toBig(raw.transactionIndex)),
    blockTimestamp:
      raw.blockTimestamp == null ? undefined : toBig(raw.blockTimestamp),
  } as Log;
}

const timeCache = new Map<bigint, number>();

async function blockTime(
  client: PublicClient,
  block: bigint,
  log?: RawLog,
): Promise<number | undefined> {
  if (typeof log?.blockTimestamp === "bigint") {
    return Number(log.blockTimestamp);
  }
  const cached = timeCache.get(block);
  if (cached !== undefined) return cached;
  try {
    const { timestamp } = await client.getBlock({ blockNumber: block });
    timeCache.set(block, Number(timestamp));
    return Number(timestamp);
  } catch {
    return undefined;
  }
}

/**
 * Fetches the events of one round in blocks `fromBlock..toBlock`, in chain
 * order, with each block's time. Every registry event has the round id as
 * its first indexed topic, so one eth_getLogs filter covers them all.
 */
export async function fetchRoundEvents(
  client: PublicClient,
  registry: Address,
  roundId: bigint,
  fromBlock: bigint,
  toBlock: bigint,
): Promise<RoundEvent[]> {
  const logs = (await client.request({
    method: "eth_getLogs",
    params: [
      {
        address: registry,
        fromBlock: toHex(fromBlock),
        toBlock: toHex(toBlock),
        topics: [null, roundTopic(roundId)],
      },
    ],
  })) as Log[];
  const parsed = parseEventLogs({
    abi: registryAbi,
    logs: logs.map(formatRawLog),
  });
  const events: RoundEvent[] = [];
  for (const log of parsed) {
    const time = await blockTime(client, log.blockNumber, log as RawLog);
    const event = toRoundEvent(log, time);
    if (event) events.push(event);
  }
  return events;
}

type ParsedLog = ReturnType<typeof parseEventLogs<typeof registryAbi>>[number];

function toRoundEvent(log: ParsedLog, time?: number): RoundEvent | undefined {
  const base = { block: log.blockNumber, time };
  switch (log.eventName) {
    case "SeatClaimed":
      return {
        ...base,
        kind: log.eventName,
        seat: log.args.seat,
        device: log.args.device,
      };
    case "SeatReissued":
      return {
        ...base,
        kind: log.eventName,
        seat: log.args.seat,
        invite: log.args.invite,
      };
    case "SeatRecused":
      return {
        ...base,
        kind: log.eventName,
        seat: log.args.seat,
        reason: log.args.reason,
      };
    case "SheetCommitted":
      return {
        ...base,
        kind: log.eventName,
        seat: log.args.seat,
        commitment: log.args.commitment,
        escrow: log.args.escrow,
      };
    case "ScoringClosed":
      return {
        ...base,
        kind: log.eventName,
        committed: log.args.committed,
        absent: log.args.absent,
        automatic: log.args.automatic,
      };
    case "SheetRevealed":
      return { ...base, kind: log.eventName, seat: log.args.seat };
    case "RoundFinalized":
      return {
        ...base,
        kind: log.eventName,
        lotterySeed: log.args.lotterySeed,
        revealedSeats: log.args.revealedSeats,
        results: log.args.results,
      };
    case "RoundCancelled":
      return { ...base, kind: log.eventName, reason: log.args.reason };
    default:
      return undefined;
  }
}

/** A RoundInfo with its big integers as decimal strings, for storage. */
export type StoredRound = Omit<RoundInfo, "roundId" | "block" | "bidders"> & {
  roundId: string;
  block: string;
  bidders: (Omit<RoundBidder, "bidPrice"> & { bidPrice: string })[];
};

export function roundToStored(round: RoundInfo): StoredRound {
  return {
    ...round,
    roundId: round.roundId.toString(),
    block: round.block.toString(),
    bidders: round.bidders.map((bidder) => ({
      ...bidder,
      bidPrice: bidder.bidPrice.toString(),
    })),
  };
}

export function roundFromStored(stored: StoredRound): RoundInfo {
  return {
    ...stored,
    roundId: BigInt(stored.roundId),
    block: BigInt(stored.block),
    bidders: stored.bidders.map((bidder) => ({
      ...bidder,
      bidPrice: BigInt(bidder.bidPrice),
    })),
  };
}

/** One line of the registry's round list. */
export interface RoundSummary {
  roundId: bigint;
  admin: Address;
  title: string;
  referenceNumber: string;
}

/** Lists every round of the registry from its RoundCreated events, oldest first. */
export async function listRounds(
  client: PublicClient,
  registry: Address,
): Promise<RoundSummary[]> {
  const [signature] = encodeEventTopics({
    abi: registryAbi,
    eventName: "RoundCreated",
  });
  const logs = (await client.request({
    method: "eth_getLogs",
    params: [
      {
        address: registry,
        fromBlock: "0x0",
        toBlock: "latest",
        topics: [signature],
      },
    ],
  })) as Log[];
  return parseEventLogs({
    abi: registryAbi,
    eventName: "RoundCreated",
    logs: logs.map(formatRawLog),
  }).map((log) => ({
    roundId: log.args.roundId,
    admin: log.args.admin,
    title: log.args.params.title,
    referenceNumber: log.args.params.referenceNumber,
  }));
}

/** A round's seat counters and phase from the registry's `getRound`. */
export interface RoundCounters {
  /** 1 scoring, 2 revealing, 3 finalised, 4 cancelled. */
  phase: number;
  seats: number;
  claimed: number;
  committed: number;
  revealed: number;
  recused: number;
  /** UTC seconds when scoring closed; 0 while scoring. */
  closedAt: number;
}

/**
 * Reads a round's counters from `getRound` at `blockNumber`, or at the
 * latest block when the node keeps no state for that block.
 */
export async function readRoundCounters(
  client: PublicClient,
  registry: Address,
  roundId: bigint,
  blockNumber?: bigint,
): Promise<RoundCounters> {
  const read = (block?: bigint) =>
    client.readContract({
      address: registry,
      abi: registryAbi,
      functionName: "getRound",
      args: [roundId],
      ...(block === undefined ? {} : { blockNumber: block }),
    });
  let status: Awaited<ReturnType<typeof read>>;
  try {
    status = await read(blockNumber);
  } catch (error) {
    if (blockNumber === undefined) throw error;
    status = await read();
  }
  return {
    phase: Number(status.phase),
    seats: Number(status.seats),
    claimed: Number(status.claimed),
    committed: Number(status.committed),
    revealed: Number(status.revealed),
    recused: Number(status.recused),
    closedAt: Number(status.closedAt),
  };
}

/** Reads a finalised round's result lines and lottery seed from `getResult`. */
export async function readRoundResult(
  client: PublicClient,
  registry: Address,
  roundId: bigint,
): Promise<{ results: BidderResult[]; lotterySeed: Hex }> {
  const [results, lotterySeed] = await client.readContract({
    address: registry,
    abi: registryAbi,
    functionName: "getResult",
    args: [roundId],
  });
  return {
    results: results.map((line) => ({
      technical: line.technical,
      price: line.price,
      total: line.total,
      qualified: line.qualified,
      rankByTotal: line.rankByTotal,
      negotiationOrder: line.negotiationOrder,
    })),
    lotterySeed,
  };
}
