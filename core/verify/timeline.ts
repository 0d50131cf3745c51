import type { Address } from "viem";
import { SEAT_STATES } from "../enums.ts";
import type { SeatState } from "../enums.ts";
import { seatText } from "./check.ts";
import { byPosition } from "./logs.ts";
import type {
  EvaluationRecord,
  RecordClaim,
  RecordCommit,
  RecordPosition,
  RecordRecusal,
  RecordReveal,
} from "./record.ts";

// Replays a record's events in chain order through the registry's seat
// state machine. The checks read from the replay which invite and device
// each seat had when it acted, and which commitment each reveal opens.

/** The round's phase after the replay, by the names in `ROUND_PHASES`. */
export type ReplayPhase = "scoring" | "revealing" | "finalized" | "cancelled";

/** A claim with the invite the seat had when it was claimed. */
export type ReplayedClaim = { claim: RecordClaim; invite: Address };
/** A recusal or commit with the device bound to the seat at that time. */
export type ReplayedRecusal = {
  recusal: RecordRecusal;
  device: Address | null;
};
export type ReplayedCommit = { commit: RecordCommit; device: Address | null };
/** A reveal with the seat's latest commit before scoring closed, if any. */
export type ReplayedReveal = {
  reveal: RecordReveal;
  opened: RecordCommit | undefined;
};

/** What the replay found. */
export type Replay = {
  seatCount: number;
  claims: ReplayedClaim[];
  recusals: ReplayedRecusal[];
  commits: ReplayedCommit[];
  reveals: ReplayedReveal[];
  /** Each seat's state after the last event. */
  states: SeatState[];
  /** Seats committed and recused when scoring closed, if it closed. */
  atClose: { committed: number; recused: number } | undefined;
  phase: ReplayPhase;
  /** Events that the registry would not have accepted where they are. */
  problems: string[];
};

type Step =
  | { kind: "reissue"; at: RecordPosition; seat: number; invite: Address }
  | { kind: "claim"; at: RecordClaim }
  | { kind: "recusal"; at: RecordRecusal }
  | { kind: "commit"; at: RecordCommit }
  | { kind: "closing"; at: RecordPosition }
  | { kind: "reveal"; at: RecordReveal }
  | { kind: "result"; at: RecordPosition }
  | { kind: "cancellation"; at: RecordPosition };

type Seat = {
  state: SeatState;
  invite: Address;
  device: Address | null;
  latest: RecordCommit | undefined;
  /** The latest commit when scoring closed: the one a reveal must open. */
  sealed: RecordCommit | undefined;
};

/** Replays the events of a record in the order the chain executed them. */
export function replayRecord(record: EvaluationRecord): Replay {
  const { params } = record.created;
  const seats: Seat[] = params.invites.map((invite) => ({
    state: "invited",
    invite,
    device: null,
    latest: undefined,
    sealed: undefined,
  }));
  const replay: Replay = {
    seatCount: seats.length,
    claims: [],
    recusals: [],
    commits: [],
    reveals: [],
    states: [],
    atClose: undefined,
    phase: "scoring",
    problems: [],
  };
  const fail = (at: RecordPosition, text: string) =>
    replay.problems.push(`block ${at.block} log ${at.logIndex}: ${text}`);
  // The registry finalizes the round inside the reveal that opens the last
  // sheet committed at close, so nothing may come between them.
  let lastReveal: RecordPosition | undefined;

  // A record is read as of one block, so none of its events can be later.
  const { asOf } = record;
  const late = (at: RecordPosition, name: string) => {
    if (at.block > asOf.block) {
      fail(
        at,
        `${name} (transaction ${at.transactionHash}) is in block ${at.block}, ` +
          `after the record's block ${asOf.block}`,
      );
    }
  };
  late(record.created, "RoundCreated");
  for (const step of steps(record)) late(step.at, EVENT_OF_STEP[step.kind]);

  for (const step of steps(record)) {
    if (step.kind === "closing") {
      if (replay.phase !== "scoring")
        fail(step.at, `scoring closed while ${replay.phase}`);
      replay.phase = "revealing";
      replay.atClose = {
        committed: seats.filter((seat) => seat.state === "committed").length,
        recused: seats.filter((seat) => seat.state === "recused").length,
      };
      seats.forEach((seat) => (seat.sealed = seat.latest));
      continue;
    }
    if (lastReveal !== undefined && step.kind !== "result") {
      fail(
        step.at,
        `${step.kind} after the last committed sheet was revealed in block ` +
          `${lastReveal.block} log ${lastReveal.logIndex}, but the registry ` +
          "finalizes the round in that reveal's transaction",
      );
      lastReveal = undefined;
    }
    if (step.kind === "result" || step.kind === "cancellation") {
      lastReveal = undefined;
      const allowed =
        step.kind === "result" ? ["revealing"] : ["scoring", "revealing"];
      if (!allowed.includes(replay.phase)) {
        fail(
          step.at,
          `the round was ${step.kind === "result" ? "finalized" : "cancelled"} while ${replay.phase}`,
        );
      }
      replay.phase = step.kind === "result" ? "finalized" : "cancelled";
      continue;
    }

    const seatIndex = step.kind === "reissue" ? step.seat : step.at.seat;
    const seat = seats[seatIndex];
    if (seat === undefined) {
      fail(
        step.at,
        `${seatText(seatIndex)} does not exist in a round of ${seats.length} seats`,
      );
      continue;
    }
    const expect = (phase: ReplayPhase, states: readonly SeatState[]) => {
      if (replay.phase !== phase || !states.includes(seat.state)) {
        fail(
          step.at,
          `${seatText(seatIndex)}: ${step.kind} while the round was ${replay.phase} ` +
            `and the seat ${seat.state}`,
        );
      }
    };

    switch (step.kind) {
      case "reissue":
        expect("scoring", ["invited", "claimed"]);
        seat.state = "invited";
        seat.invite = step.invite;
        seat.device = null;
        break;
      case "claim":
        expect("scoring", ["invited"]);
        replay.claims.push({ claim: step.at, invite: seat.invite });
        seat.state = "claimed";
        seat.device = step.at.device;
        break;
      case "recusal":
        expect("scoring", ["claimed"]);
        replay.recusals.push({ recusal: step.at, device: seat.device });
        seat.state = "recused";
        break;
      case "commit":
        expect("scoring", ["claimed", "committed"]);
        replay.commits.push({ commit: step.at, device: seat.device });
        seat.state = "committed";
        seat.latest = step.at;
        break;
      case "reveal":
        expect("revealing", ["committed"]);
        replay.reveals.push({ reveal: step.at, opened: seat.sealed });
        seat.state = "revealed";
        if (
          replay.phase === "revealing" &&
          replay.reveals.length === replay.atClose?.committed
        ) {
          lastReveal = step.at;
        }
        break;
    }
  }
  if (lastReveal !== undefined && record.result === null) {
    fail(
      lastReveal,
      "the last committed sheet was revealed, but the round has no " +
        "RoundFinalized event, which the registry emits in that transaction",
    );
  }
  replay.states = seats.map((seat) => seat.state);
  return replay;
}

/** The registry event behind each kind of step. */
const EVENT_OF_STEP: Record<Step["kind"], string> = {
  reissue: "SeatReissued",
  claim: "SeatClaimed",
  recusal: "SeatRecused",
  commit: "SheetCommitted",
  closing: "ScoringClosed",
  reveal: "SheetRevealed",
  result: "RoundFinalized",
  cancellation: "RoundCancelled",
};

function steps(record: EvaluationRecord): Step[] {
  const all: Step[] = [
    ...record.reissues.map((at): Step => ({
      kind: "reissue",
      at,
      seat: at.seat,
      invite: at.invite,
    })),
    ...record.claims.map((at): Step => ({ kind: "claim", at })),
    ...record.recusals.map((at): Step => ({ kind: "recusal", at })),
    ...record.commits.map((at): Step => ({ kind: "commit", at })),
    ...record.reveals.map((at): Step => ({ kind: "reveal", at })),
  ];
  if (record.closing) all.push({ kind: "closing", at: record.closing });
  if (record.result) all.push({ kind: "result", at: record.result });
  if (record.cancellation) {
    all.push({ kind: "cancellation", at: record.cancellation });
  }
  return all.sort((a, b) => byPosition(a.at, b.at));
}

/** Counts the seats in each state. */
export function countStates(
  states: readonly SeatState[],
): Record<SeatState, number> {
  const counts = Object.fromEntries(SEAT_STATES.map((state) => [state, 0]));
  for (const state of states) counts[state] += 1;
  return counts as Record<SeatState, number>;
}
