/** Options shared by every Jurybox error. */
export type JuryboxErrorOptions = {
  /** The fix for the problem, shown after the message. */
  hint?: string;
  /** Detail lines, such as one line per invalid field. */
  details?: readonly string[];
  cause?: unknown;
};

/**
 * Base class of every error that core/ throws. `message` is one sentence
 * that names the value and what is wrong with it; `hint` says how to fix
 * it, and `details` lists the individual problems where there are several.
 */
export class JuryboxError extends Error {
  override name = "JuryboxError";
  readonly shortMessage: string;
  readonly hint: string | undefined;
  readonly details: readonly string[];

  constructor(shortMessage: string, options: JuryboxErrorOptions = {}) {
    super(shortMessage, { cause: options.cause });
    this.shortMessage = shortMessage;
    this.hint = options.hint;
    this.details = options.details ?? [];
  }
}

/**
 * Formats an error for a terminal or a page: the message, then each
 * detail line indented, then the hint. Errors that are not
 * `JuryboxError`s print their message only.
 */
export function formatError(error: unknown): string {
  if (!(error instanceof JuryboxError)) {
    return error instanceof Error ? error.message : String(error);
  }
  const lines = [error.shortMessage];
  for (const detail of error.details) lines.push(`  ${detail}`);
  if (error.hint !== undefined) lines.push(`Hint: ${error.hint}`);
  return lines.join("\n");
}

/** Thrown when a decimal number cannot be converted to fixed point. */
export class UnitsError extends JuryboxError {
  override name = "UnitsError";
}

/** Thrown when the tally is given inconsistent or impossible input. */
export class TallyInputError extends JuryboxError {
  override name = "TallyInputError";
}

/** Thrown when round parameters cannot be built for `createRound`. */
export class RoundParamsError extends JuryboxError {
  override name = "RoundParamsError";
}

/** Thrown when an escrow blob or escrow key is invalid. */
export class EscrowError extends JuryboxError {
  override name = "EscrowError";
}

/** Thrown when a commitment or signature input is invalid. */
export class EncodingError extends JuryboxError {
  override name = "EncodingError";
}
