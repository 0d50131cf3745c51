import { formatResult, type RoundDefinition } from "../../core/index.ts";
import type { CreatedRound, RegistrySession } from "../lib/create-round.ts";
import { seatLabel } from "../lib/round-keys.ts";
import type { RoundStatus } from "../lib/round-state.ts";
import { renderResult } from "./result.ts";
import { renderTable } from "./table.ts";
import { formatTime, timeFields } from "./time.ts";

/** Renders the text of `round create`; it names the key folder, never a key. */
export function renderCreatedRound(
  session: RegistrySession,
  definition: RoundDefinition,
  created: CreatedRound,
): string {
  const lines = [
    `Round ${created.roundId} created: ${definition.title}`,
    `  chain ${session.connection.chainId}, registry ${session.registry}`,
    `  block ${created.receipt.blockNumber}, ` +
      `transaction ${created.receipt.transactionHash}`,
    `  seats ${definition.evaluators}, bidders ${definition.bidders.length}`,
  ];
  if (created.folder) {
    lines.push(
      "",
      "Seat invites and the escrow key were saved (files readable only by you) in:",
      `  ${created.folder}`,
      "Give each evaluator the URL of their seat from invites.json; keep " +
        "escrow.json offline.",
    );
  }
  return lines.join("\n");
}

/** Renders the text of `round status`. */
export function renderRoundStatus(
  session: RegistrySession,
  status: RoundStatus,
): string {
  const { counts } = status;
  const lines = [
    `Round ${status.roundId}: ${status.title} (${status.referenceNumber})`,
    `  registry ${session.registry} on chain ${session.connection.chainId}`,
    `  phase             ${describePhase(status)}`,
    `  scoring deadline  ${formatTime(status.scoringDeadline)}`,
    `  reveal deadline   ${formatTime(status.revealDeadline)}`,
    `  seats             ${counts.seats} (at least ${status.minEvaluators} ` +
      `sheets needed)`,
    `  counts            invited ${counts.invited}, claimed ${counts.claimed}, ` +
      `committed ${counts.committed}, revealed ${counts.revealed}, ` +
      `recused ${counts.recused}, absent ${counts.absent ?? "-"}`,
    "",
    renderSeats(status),
  ];
  if (status.cancelReason !== null) {
    lines.push("", `Cancelled: ${status.cancelReason}`);
  }
  const result = statusResult(status);
  if (result) lines.push("", renderResult(result));
  return lines.join("\n");
}

function describePhase(status: RoundStatus): string {
  const now = BigInt(Math.floor(Date.now() / 1000));
  if (status.phase === "scoring" && now >= status.scoringDeadline) {
    return "scoring (deadline passed; the administrator may close scoring)";
  }
  if (status.phase === "revealing" && now >= status.revealDeadline) {
    return "revealing (deadline passed; anyone may finalize)";
  }
  return status.phase;
}

function renderSeats(status: RoundStatus): string {
  const time = (seconds: bigint | null) =>
    seconds === null ? "-" : formatTime(seconds).replace(/ \(.*\)$/, "");
  const rows = status.seats.map((seat) => [
    String(seat.seat),
    seat.state + (seat.recusalReason ? ` (${seat.recusalReason})` : ""),
    seat.device ?? "-",
    time(seat.claimedAt),
    time(seat.committedAt),
    time(seat.revealedAt),
    seatLabel(seat.seat),
  ]);
  // The index column is the seat's on-chain index, from 0. The label
  // column matches the app and the QR labels, which count from 1.
  return renderTable(
    [
      "index",
      "state",
      "device",
      "claimed (KST)",
      "committed",
      "revealed",
      "label",
    ],
    rows,
    [true],
  );
}

function statusResult(status: RoundStatus) {
  if (!status.result) return null;
  return formatResult(
    { bidders: status.bidderNames.map((name) => ({ name })) },
    status.result.bidders,
    { roundId: status.roundId, block: status.result.blockNumber },
  );
}

/** Builds the `round status --json` document. */
export function roundStatusJson(
  session: RegistrySession,
  status: RoundStatus,
): object {
  const time = (seconds: bigint | null) =>
    seconds === null ? null : timeFields(seconds);
  return {
    roundId: status.roundId.toString(),
    chainId: session.connection.chainId,
    registry: session.registry,
    title: status.title,
    referenceNumber: status.referenceNumber,
    rulesVersion: status.rulesVersion,
    admin: status.admin,
    phase: status.phase,
    minEvaluators: status.minEvaluators,
    deadlines: {
      scoring: timeFields(status.scoringDeadline),
      reveal: timeFields(status.revealDeadline),
    },
    createdAt: timeFields(status.createdAt),
    closedAt: time(status.closedAt),
    closedAutomatically: status.closedAutomatically,
    finalizedAt: time(status.finalizedAt),
    cancelReason: status.cancelReason,
    counts: status.counts,
    seats: status.seats.map((seat) => ({
      seat: seat.seat,
      state: seat.state,
      device: seat.device,
      invite: seat.invite,
      claimedAt: time(seat.claimedAt),
      committedAt: time(seat.committedAt),
      revealedAt: time(seat.revealedAt),
      recusalReason: seat.recusalReason,
    })),
    result: statusResult(status),
  };
}
