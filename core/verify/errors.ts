import { JuryboxError } from "../errors.ts";

/** Thrown when an evaluation record is not valid JSON of the known layout. */
export class RecordFormatError extends JuryboxError {
  override name = "RecordFormatError";
}

/** Thrown when the registry has no round with the requested id. */
export class RoundNotFoundError extends JuryboxError {
  override name = "RoundNotFoundError";

  constructor(roundId: bigint, registry: string) {
    super(`Round ${roundId} does not exist on the registry ${registry}.`, {
      hint: "Round ids start at 1; check the round id and the registry address.",
    });
  }
}

/**
 * Thrown when the chain's events of a round cannot be read or do not form a
 * round, e.g. when the RoundCreated event is missing.
 */
export class RoundEventsError extends JuryboxError {
  override name = "RoundEventsError";
}

/** Thrown when an export needs a part of the record that is missing. */
export class ExportError extends JuryboxError {
  override name = "ExportError";
}

/**
 * Thrown when the node keeps no state at the block a record is compared
 * at (a pruned node, or anvil restarted from a saved state) and the
 * round's view cannot be read from a later block instead.
 */
export class StateUnavailableError extends JuryboxError {
  override name = "StateUnavailableError";
}
