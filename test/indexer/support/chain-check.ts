import { expect } from "vitest";
import { zeroAddress, type Address, type Hex } from "viem";

import { evaluationRegistryAbi as abi } from "../../../core/generated/registry-abi.ts";
import { ROUND_PHASES, SEAT_STATES } from "../../../core/enums.ts";
import type { IndexerTestChain } from "./test-chain.ts";
import { readIndexedState, type Row } from "./graphql.ts";

// Compares what the indexer serves with what the registry returns from its
// view functions and logs, field by field.

const lower = (value: string | null) => value?.toLowerCase() ?? null;
/** Ponder serves bigint columns as decimal strings. */
const text = (value: bigint | number) => value.toString();
/** The chain stores 0 for a time that has not happened. */
const timeOrNull = (value: bigint | number) =>
  BigInt(value) === 0n ? null : value.toString();

function find(rows: Row[], match: Row): Row {
  const row = rows.find((candidate) =>
    Object.entries(match).every(([key, value]) => candidate[key] === value),
  );
  if (row === undefined) throw new Error(`No row ${JSON.stringify(match)}.`);
  return row;
}

/** Asserts that every round, seat, commitment, sheet and result matches. */
export async function expectIndexMatchesChain(
  url: string,
  chain: IndexerTestChain,
): Promise<Record<string, Row[]>> {
  const state = await readIndexedState(url);
  const client = chain.session.connection.client;
  const read = (functionName: string, args: readonly unknown[]) =>
    client.readContract({
      address: chain.registry,
      abi,
      functionName: functionName as "getRound",
      args: args as never,
    }) as Promise<any>;

  const roundCount = (await read("roundCount", [])) as bigint;
  expect(state.round).toHaveLength(Number(roundCount));

  for (let roundId = 1n; roundId <= roundCount; roundId++) {
    const onChain = await read("getRound", [roundId]);
    const indexed = find(state.round, { id: text(roundId) });
    expect(indexed.phase).toBe(ROUND_PHASES[onChain.phase]);
    expect(lower(indexed.admin as string)).toBe(lower(onChain.admin));
    expect(indexed.seatCount).toBe(onChain.seats);
    for (const key of ["claimed", "committed", "revealed", "recused"]) {
      expect(indexed[key], `round ${roundId} ${key}`).toBe(onChain[key]);
    }
    expect(indexed.minEvaluators).toBe(onChain.minEvaluators);
    expect(indexed.bidderCount).toBe(onChain.bidders);
    expect(indexed.criterionCount).toBe(onChain.criteria);
    expect(indexed.qualitativeCriterionCount).toBe(onChain.qualitativeCriteria);
    expect(indexed.scoringDeadline).toBe(text(onChain.scoringDeadline));
    expect(indexed.revealDeadline).toBe(text(onChain.revealDeadline));
    expect(indexed.createdAt).toBe(text(onChain.createdAt));
    expect(indexed.closedAt).toBe(timeOrNull(onChain.closedAt));
    expect(indexed.finalizedAt).toBe(timeOrNull(onChain.finalizedAt));

    for (let seat = 0; seat < onChain.seats; seat++) {
      await expectSeatMatches(state, read, roundId, seat);
    }
    if (onChain.phase === 3) {
      await expectResultMatches(state, read, roundId);
    }
  }
  await expectCommitmentsMatchLogs(state, chain);
  return state;
}

async function expectSeatMatches(
  state: Record<string, Row[]>,
  read: (name: string, args: readonly unknown[]) => Promise<any>,
  roundId: bigint,
  seat: number,
): Promise<void> {
  const onChain = await read("getSeat", [roundId, seat]);
  const indexed = find(state.seat, { roundId: text(roundId), seat });
  const where = `round ${roundId} seat ${seat}`;
  const seatState = SEAT_STATES[onChain.state];
  expect(indexed.state, where).toBe(seatState);
  expect(lower(indexed.invite as string), where).toBe(lower(onChain.invite));
  const device = onChain.device === zeroAddress ? null : lower(onChain.device);
  expect(lower(indexed.device as string | null), where).toBe(device);
  expect(indexed.claimedAt, where).toBe(timeOrNull(onChain.claimedAt));

  if (seatState === "invited" || seatState === "claimed") {
    expect(indexed.commitment, where).toBeNull();
  } else {
    expect(indexed.committedAt, where).toBe(timeOrNull(onChain.committedAt));
  }
  if (seatState === "committed") {
    expect(indexed.commitment, where).toBe(lower(onChain.commitment));
  }

  const hasSheet = state.sheet.some(
    (row) => row.roundId === text(roundId) && row.seat === seat,
  );
  expect(hasSheet, where).toBe(seatState === "revealed");
  if (seatState !== "revealed") return;

  expect(indexed.revealedAt, where).toBe(timeOrNull(onChain.revealedAt));
  const sheet = find(state.sheet, { roundId: text(roundId), seat });
  expect(sheet.salt, where).toBe(lower(onChain.salt));
  const scores = (await read("getRevealedScores", [roundId, seat])) as number[];
  expect(sheet.scores, where).toEqual([...scores]);
  expect(sheet.commitment, where).toBe(indexed.commitment);
}

async function expectResultMatches(
  state: Record<string, Row[]>,
  read: (name: string, args: readonly unknown[]) => Promise<any>,
  roundId: bigint,
): Promise<void> {
  const [results, seed] = (await read("getResult", [roundId])) as [any[], Hex];
  const round = find(state.round, { id: text(roundId) });
  expect(round.lotterySeed).toBe(lower(seed));
  results.forEach((line, index) => {
    const row = find(state.result, {
      roundId: text(roundId),
      bidderIndex: index,
    });
    const where = `round ${roundId} bidder ${index}`;
    expect(row.technical, where).toBe(text(line.technical));
    expect(row.price, where).toBe(text(line.price));
    expect(row.total, where).toBe(text(line.total));
    expect(row.qualified, where).toBe(line.qualified);
    expect(row.rankByTotal, where).toBe(line.rankByTotal);
    const order = line.negotiationOrder === 0 ? null : line.negotiationOrder;
    expect(row.negotiationOrder, where).toBe(order);
    expect(row.lotterySeed, where).toBe(lower(seed));
  });
}

/** Asserts that every SheetCommitted log is one commitment row, in order. */
async function expectCommitmentsMatchLogs(
  state: Record<string, Row[]>,
  chain: IndexerTestChain,
): Promise<void> {
  const logs = await chain.session.connection.client.getContractEvents({
    address: chain.registry as Address,
    abi,
    eventName: "SheetCommitted",
    fromBlock: chain.deployBlock,
    toBlock: "latest",
  });
  expect(state.commitment).toHaveLength(logs.length);
  const sequences = new Map<string, number>();
  for (const log of logs) {
    const args = log.args as {
      roundId: bigint;
      seat: number;
      commitment: Hex;
      escrow: Hex;
    };
    const key = `${args.roundId}/${args.seat}`;
    const sequence = (sequences.get(key) ?? 0) + 1;
    sequences.set(key, sequence);
    const row = find(state.commitment, {
      roundId: text(args.roundId),
      seat: args.seat,
      sequence,
    });
    expect(row.commitment).toBe(lower(args.commitment));
    expect(row.escrow).toBe(lower(args.escrow));
    expect(row.blockNumber).toBe(text(log.blockNumber));
    expect(row.transactionHash).toBe(lower(log.transactionHash));
    expect(row.logIndex).toBe(log.logIndex);
  }
  for (const row of state.commitment) {
    const key = `${row.roundId}/${row.seat}`;
    expect(row.latest).toBe(row.sequence === sequences.get(key));
  }
}
