import type { Hex, LocalAccount } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";

import {
  caseSheetComments,
  caseSheetScores,
  parseCaseFile,
  type CaseFile,
} from "../../../core/index.ts";
import {
  createRound,
  type RegistrySession,
} from "../../../cli/lib/create-round.ts";
import { registryAbi } from "../../../cli/lib/registry-abi.ts";
import type { RoundKeys } from "../../../cli/lib/round-keys.ts";
import { makeCaseFile } from "../../../bench/case-generator.ts";

/** A round created for a drill, with every key a seat needs. */
export interface DrillRound {
  roundId: bigint;
  caseFile: CaseFile;
  keys: RoundKeys;
  /** One entry per seat: its invite key and a fresh device key. */
  seats: { seat: number; invite: LocalAccount; device: LocalAccount }[];
  /** Each seat's sheet in hundredths, bidder-major, and its comments. */
  sheets: { scores: number[]; comments: string[] }[];
}

/** Formats UTC seconds as the round file's date-time, e.g. "…T08:00:00Z". */
export function isoSeconds(seconds: bigint | number): string {
  return new Date(Number(seconds) * 1000).toISOString().replace(".000Z", "Z");
}

/**
 * Builds a case file with the benchmark generator: `seats` sheets over
 * `bidders` × `criteria`, with optional changes to the rules or schedule,
 * checked by the same parser as `jurybox simulate`.
 */
export function drillCase(
  size: { seats: number; bidders: number; criteria: number; seed?: number },
  change: (round: ReturnType<typeof makeCaseFile>) => void = () => {},
): CaseFile {
  const raw = makeCaseFile(
    size.seats,
    size.bidders,
    size.criteria,
    size.seed ?? 1,
  );
  change(raw);
  return parseCaseFile(raw);
}

/**
 * Creates a round from a case file through the CLI's `createRound`, with
 * the keys kept in memory, and gives every seat a fresh device key.
 * `now` is the time the deadlines must lie after (default: the clock).
 */
export async function openDrillRound(
  session: RegistrySession,
  admin: LocalAccount,
  caseFile: CaseFile,
  now?: Date,
): Promise<DrillRound> {
  const created = await createRound(session, admin, caseFile, {
    appUrl: "http://127.0.0.1",
    saveKeys: false,
    now,
  });
  const seats = created.keys.invites.map((invite) => ({
    seat: invite.seat,
    invite: privateKeyToAccount(invite.privateKey),
    device: privateKeyToAccount(generatePrivateKey()),
  }));
  const scores = caseSheetScores(caseFile);
  const comments = caseSheetComments(caseFile);
  return {
    roundId: created.roundId,
    caseFile,
    keys: created.keys,
    seats,
    sheets: scores.map((sheet, seat) => ({
      scores: sheet,
      comments: comments[seat],
    })),
  };
}

/**
 * Reads `getRound` and every `getSeat` of a round, as JSON text, so that
 * two readings compare with one string comparison.
 */
export async function readRoundState(
  session: RegistrySession,
  roundId: bigint,
): Promise<string> {
  const { client } = session.connection;
  const read = (functionName: string, args: readonly unknown[]) =>
    client.readContract({
      address: session.registry,
      abi: registryAbi,
      functionName,
      args,
    } as Parameters<typeof client.readContract>[0]);
  const round = (await read("getRound", [roundId])) as { seats: number };
  const seats = await Promise.all(
    Array.from({ length: round.seats }, (_, seat) =>
      read("getSeat", [roundId, seat]),
    ),
  );
  return JSON.stringify({ round, seats }, (_key, value) =>
    typeof value === "bigint" ? value.toString() : value,
  );
}

/** `getSeat` as viem decodes it, with the fields the drills read. */
export interface SeatReading {
  state: number;
  device: Hex;
  commitment: Hex;
  committedAt: bigint;
}

/** Reads one seat's state, device and commitment. */
export async function readSeat(
  session: RegistrySession,
  roundId: bigint,
  seat: number,
): Promise<SeatReading> {
  return (await session.connection.client.readContract({
    address: session.registry,
    abi: registryAbi,
    functionName: "getSeat",
    args: [roundId, seat],
  })) as SeatReading;
}

/** Reads a round's phase and seat counts. */
export async function readRound(
  session: RegistrySession,
  roundId: bigint,
): Promise<{
  phase: number;
  seats: number;
  claimed: number;
  committed: number;
  revealed: number;
}> {
  return (await session.connection.client.readContract({
    address: session.registry,
    abi: registryAbi,
    functionName: "getRound",
    args: [roundId],
  })) as {
    phase: number;
    seats: number;
    claimed: number;
    committed: number;
    revealed: number;
  };
}

/** Reads the number of rounds on the registry. */
export async function readRoundCount(
  session: RegistrySession,
): Promise<bigint> {
  return (await session.connection.client.readContract({
    address: session.registry,
    abi: registryAbi,
    functionName: "roundCount",
  })) as bigint;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` every 100 ms until it returns true or `timeoutMs` passes. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (error) {
      lastError = error;
    }
    await sleep(100);
  }
  const reason =
    lastError === undefined ? "" : ` (last error: ${String(lastError)})`;
  throw new Error(
    `Timed out after ${timeoutMs} ms waiting for ${what}${reason}.`,
  );
}
