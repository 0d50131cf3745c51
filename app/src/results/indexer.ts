import { getAddress, type Address, type Hex } from "viem";

import { ROUND_PHASES } from "../../../core/enums.ts";
import type {
  BidderResult,
  RoundPhase,
  RoundProgress,
  SeatState,
} from "../chain/progress.ts";
import type { RoundInfo } from "../chain/round.ts";
import type { BlockStamp, SeatCounts } from "./source.ts";

// Reads the indexer's GraphQL (subgraph/ponder.schema.ts) through the app
// server's /graphql and turns its rows into the types the chain code path
// produces, so both sources render through the same components. Ponder
// serves bigint columns as decimal strings.

/** Milliseconds a page waits for the indexer before reading the chain. */
export const INDEXER_TIMEOUT_MS = 4_000;

/** Largest page of rows the indexer returns (Ponder's maximum limit). */
const PAGE_SIZE = 1000;

export class IndexerQueryError extends Error {
  /** The GraphQL error's `extensions.code`, when the response gave one. */
  readonly code?: string;

  constructor(reason: string, code?: string) {
    super(`The indexer query failed: ${reason}.`);
    this.name = "IndexerQueryError";
    this.code = code;
  }
}

/**
 * Returns the reason a failed indexer query makes a page read the chain:
 * "restarting" when the app server reports that its indexer died and is
 * being started again, "unavailable" otherwise.
 */
export function unavailableReason(
  error: unknown,
): { kind: "restarting" } | { kind: "unavailable" } {
  const restarting =
    error instanceof IndexerQueryError && error.code === "INDEXER_RESTARTING";
  return { kind: restarting ? "restarting" : "unavailable" };
}

/** The app server's GraphQL proxy, with the chain and registry it serves. */
export interface IndexerEndpoint {
  chainId: number;
  registry: Address;
  /** Path of the GraphQL proxy on the app's origin. */
  graphqlPath: string;
}

/**
 * Reads /config.json and returns the indexer endpoint when the app server
 * forwards to an indexer of this chain and registry, else undefined.
 */
export async function findIndexer(
  chainId: number,
  registry: Address,
): Promise<IndexerEndpoint | undefined> {
  try {
    const response = await fetch(new URL("config.json", window.location.href), {
      cache: "no-store",
    });
    if (!response.ok) return undefined;
    const config = (await response.json()) as {
      chainId?: unknown;
      registry?: unknown;
      graphqlPath?: unknown;
    };
    if (
      config.chainId !== chainId ||
      typeof config.registry !== "string" ||
      typeof config.graphqlPath !== "string" ||
      getAddress(config.registry) !== getAddress(registry)
    ) {
      return undefined;
    }
    return { chainId, registry, graphqlPath: config.graphqlPath };
  } catch {
    return undefined;
  }
}

/** Posts a query to the indexer and returns its `data`. */
export async function queryIndexer<T>(
  endpoint: IndexerEndpoint,
  query: string,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(
      new URL(endpoint.graphqlPath, window.location.href),
      {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ query }),
        cache: "no-store",
        signal: AbortSignal.timeout(INDEXER_TIMEOUT_MS),
      },
    );
  } catch (error) {
    throw new IndexerQueryError((error as Error).message);
  }
  let body: {
    data?: T;
    errors?: { message: string; extensions?: { code?: unknown } }[];
  };
  try {
    body = await response.json();
  } catch {
    throw new IndexerQueryError(`HTTP ${response.status} without JSON`);
  }
  if (body.errors?.length) {
    const [first] = body.errors;
    const code = first.extensions?.code;
    throw new IndexerQueryError(
      first.message,
      typeof code === "string" ? code : undefined,
    );
  }
  if (!response.ok || body.data === undefined) {
    throw new IndexerQueryError(`HTTP ${response.status}`);
  }
  return body.data;
}

/** The indexed_block row of a chain. */
export interface IndexedBlockRow {
  blockNumber: string;
  blockTime: string;
}

export function toBlockStamp(
  row: IndexedBlockRow | null,
): BlockStamp | undefined {
  if (row === null) return undefined;
  return { number: BigInt(row.blockNumber), timestamp: Number(row.blockTime) };
}

/** Converts the indexer's phase name to `getRound`'s phase number. */
export function phaseNumber(phase: string): number {
  const index = (ROUND_PHASES as readonly string[]).indexOf(phase);
  if (index < 0) throw new IndexerQueryError(`unknown phase ${phase}`);
  return index;
}

const COUNT_FIELDS = "seatCount claimed committed revealed recused absentSeats";

interface CountFields {
  seatCount: number;
  claimed: number;
  committed: number;
  revealed: number;
  recused: number;
  absentSeats: number | null;
}

export function toSeatCounts(row: CountFields): SeatCounts {
  return {
    invited: row.seatCount,
    claimed: row.claimed,
    committed: row.committed,
    revealed: row.revealed,
    absent: row.absentSeats ?? 0,
    recused: row.recused,
  };
}

/** A round row of the indexer's list. */
export interface IndexedListRound extends CountFields {
  id: string;
  admin: Hex;
  title: string;
  reference: string;
  phase: string;
  winnerIndex: number | null;
  winnerName: string | null;
}

/**
 * Reads the indexer's latest block and every round, in pages of
 * PAGE_SIZE. Later pages may include rounds indexed after the first
 * page's block, which the caller checks against the chain.
 */
export async function readIndexedRoundList(
  endpoint: IndexerEndpoint,
): Promise<{ indexed?: BlockStamp; rounds: IndexedListRound[] }> {
  const fields = `id admin title reference phase ${COUNT_FIELDS} winnerIndex winnerName`;
  let indexed: BlockStamp | undefined;
  const rounds: IndexedListRound[] = [];
  let after: string | null = null;
  do {
    const page = after === null ? "" : `, after: ${JSON.stringify(after)}`;
    const data: {
      indexedBlock: IndexedBlockRow | null;
      rounds: {
        items: IndexedListRound[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    } = await queryIndexer(
      endpoint,
      `{ indexedBlock(chainId: ${endpoint.chainId}) { blockNumber blockTime }
         rounds(orderBy: "id", limit: ${PAGE_SIZE}${page}) {
           items { ${fields} } pageInfo { hasNextPage endCursor } } }`,
    );
    indexed ??= toBlockStamp(data.indexedBlock);
    rounds.push(...data.rounds.items);
    after = data.rounds.pageInfo.hasNextPage
      ? data.rounds.pageInfo.endCursor
      : null;
  } while (after !== null);
  return { indexed, rounds };
}

/** A round row with its bidders, criteria, seats and result lines. */
export interface IndexedRound extends CountFields {
  id: string;
  admin: Hex;
  title: string;
  reference: string;
  rulesVersion: string;
  tallyVersion: string;
  technicalWeight: number;
  priceWeight: number;
  minEvaluators: number;
  scoringDeadline: string;
  revealDeadline: string;
  escrowPublicKey: Hex;
  phase: string;
  createdBlock: string;
  createdAt: string;
  closedAt: string | null;
  closedAutomatically: boolean | null;
  finalizedBlock: string | null;
  finalizedAt: string | null;
  resultSeats: number | null;
  lotterySeed: Hex | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  bidders: {
    items: {
      index: number;
      name: string;
      bidPrice: string;
      priceScore: string;
      quantitativeScores: number[];
    }[];
  };
  criteria: {
    items: {
      index: number;
      name: string;
      maxPoints: number;
      quantitative: boolean;
    }[];
  };
  seats: {
    items: {
      seat: number;
      state: string;
      invite: Hex;
      device: Hex | null;
      commitment: Hex | null;
      commitCount: number;
      claimedAt: string | null;
      committedAt: string | null;
      revealedAt: string | null;
      recusedAt: string | null;
    }[];
  };
  results: {
    items: {
      bidderIndex: number;
      technical: string;
      price: string;
      total: string;
      qualified: boolean;
      rankByTotal: number;
      negotiationOrder: number | null;
    }[];
  };
}

const ROUND_FIELDS = `id admin title reference rulesVersion tallyVersion
  technicalWeight priceWeight minEvaluators scoringDeadline revealDeadline
  escrowPublicKey phase createdBlock createdAt closedAt closedAutomatically
  finalizedBlock finalizedAt resultSeats lotterySeed cancelledAt cancelReason
  ${COUNT_FIELDS}
  bidders(orderBy: "index", limit: ${PAGE_SIZE}) { items {
    index name bidPrice priceScore quantitativeScores } }
  criteria(orderBy: "index", limit: ${PAGE_SIZE}) { items {
    index name maxPoints quantitative } }
  seats(orderBy: "seat", limit: ${PAGE_SIZE}) { items {
    seat state invite device commitment commitCount claimedAt committedAt
    revealedAt recusedAt } }
  results(orderBy: "bidderIndex", limit: ${PAGE_SIZE}) { items {
    bidderIndex technical price total qualified rankByTotal
    negotiationOrder } }`;

/** Reads the indexer's latest block and one round, null when not indexed. */
export async function readIndexedRound(
  endpoint: IndexerEndpoint,
  roundId: bigint,
): Promise<{ indexed?: BlockStamp; round: IndexedRound | null }> {
  const data = await queryIndexer<{
    indexedBlock: IndexedBlockRow | null;
    round: IndexedRound | null;
  }>(
    endpoint,
    `{ indexedBlock(chainId: ${endpoint.chainId}) { blockNumber blockTime }
       round(id: "${roundId}") { ${ROUND_FIELDS} } }`,
  );
  return { indexed: toBlockStamp(data.indexedBlock), round: data.round };
}

const seconds = (value: string | null) =>
  value === null ? undefined : Number(value);

/** Builds the RoundInfo that `loadRound` reads from RoundCreated. */
export function toRoundInfo(row: IndexedRound): RoundInfo {
  return {
    roundId: BigInt(row.id),
    admin: getAddress(row.admin),
    title: row.title,
    referenceNumber: row.reference,
    rulesVersion: row.rulesVersion,
    tallyVersion: row.tallyVersion,
    technicalWeight: row.technicalWeight,
    priceWeight: row.priceWeight,
    minEvaluators: row.minEvaluators,
    criteria: row.criteria.items.map((criterion) => ({
      name: criterion.name,
      maxPoints: criterion.maxPoints,
      quantitative: criterion.quantitative,
    })),
    bidders: row.bidders.items.map((bidder) => ({
      name: bidder.name,
      bidPrice: BigInt(bidder.bidPrice),
      priceScore: Number(bidder.priceScore),
      quantitativeScores: [...bidder.quantitativeScores],
    })),
    invites: row.seats.items.map((seat) => getAddress(seat.invite)),
    scoringDeadline: Number(row.scoringDeadline),
    revealDeadline: Number(row.revealDeadline),
    escrowPublicKey: row.escrowPublicKey,
    block: BigInt(row.createdBlock),
    createdAt: Number(row.createdAt),
  };
}

/** Converts the indexer's result rows to the registry's BidderResult. */
export function toBidderResults(row: IndexedRound): BidderResult[] {
  return row.results.items.map((line) => ({
    technical: BigInt(line.technical),
    price: BigInt(line.price),
    total: BigInt(line.total),
    qualified: line.qualified,
    rankByTotal: line.rankByTotal,
    negotiationOrder: line.negotiationOrder ?? 0,
  }));
}

/**
 * Builds the RoundProgress that the chain code path derives from events,
 * as of the indexer's block `block`.
 */
export function toProgress(row: IndexedRound, block: bigint): RoundProgress {
  const progress: RoundProgress = {
    phase: row.phase as RoundPhase,
    block,
    seats: row.seats.items.map((seat) => ({
      seat: seat.seat,
      state: seat.state as SeatState,
      invite: getAddress(seat.invite),
      device: seat.device === null ? undefined : getAddress(seat.device),
      commitment: seat.commitment ?? undefined,
      commits: seat.commitCount,
      claimedAt: seconds(seat.claimedAt),
      committedAt: seconds(seat.committedAt),
      revealedAt: seconds(seat.revealedAt),
      recusedAt: seconds(seat.recusedAt),
      // NOTE: the indexer does not store replaced invites; only the
      // tablet uses them, to tell a replaced QR code from a used one.
      replacedInvites: [],
    })),
  };
  if (row.closedAt !== null) {
    progress.closed = {
      committed: row.committed,
      absent: row.absentSeats ?? 0,
      automatic: row.closedAutomatically ?? false,
      at: Number(row.closedAt),
    };
  }
  if (row.finalizedBlock !== null && row.lotterySeed !== null) {
    progress.finalized = {
      lotterySeed: row.lotterySeed,
      revealedSeats: row.resultSeats ?? 0,
      results: toBidderResults(row),
      block: BigInt(row.finalizedBlock),
      at: seconds(row.finalizedAt),
    };
  }
  if (row.cancelledAt !== null) {
    progress.cancelled = {
      reason: row.cancelReason ?? "",
      at: Number(row.cancelledAt),
    };
  }
  return progress;
}
