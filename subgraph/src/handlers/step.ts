import type { Event } from "ponder:registry";

// Helpers shared by the EvaluationRegistry handlers.

/** Any registry event: only the block, transaction and log are read. */
export type RegistryEvent = Pick<
  Event<"EvaluationRegistry:SeatClaimed">,
  "block" | "transaction" | "log"
>;

/** Block, time and transaction of an event, as `<step>Block/At/Tx` columns. */
export function stepOf(event: RegistryEvent) {
  return {
    block: event.block.number,
    at: event.block.timestamp,
    tx: event.transaction.hash,
  };
}

/**
 * Logs an event that a handler did not apply, with the reason. The chain
 * never emits such an event for a registry indexed from its deployment
 * block, so a warning means the index and the chain disagree.
 */
export function warnSkipped(
  eventName: string,
  event: RegistryEvent,
  subject: string,
  reason: string,
): void {
  console.warn(
    `WARN Skipped ${eventName} of ${subject} in block ${event.block.number} ` +
      `(transaction ${event.transaction.hash}, log ${event.log.logIndex}): ` +
      `${reason}.`,
  );
}
