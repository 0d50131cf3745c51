/**
 * Default spacing: the wait after a save is at least four times its dump.
 * anvil serves no request while it dumps its state, so it then spends at
 * most a fifth of its time dumping, however large the state.
 */
export const DEFAULT_SAVE_SPACING = 4;

/** Allowance for the next save taking longer than the last one. */
const NEXT_SAVE_ALLOWANCE_MS = 1000;
/** Added to twice the last reference duration when a save is slower. */
const GROWTH_ALLOWANCE_MS = 250;

/**
 * Returns the dump duration that sets the wait: the last dump's duration,
 * but at most twice the previous reference plus 250 ms. A state grows by
 * far less than that from one save to the next. One save stretched by a
 * busy machine or event loop therefore does not push the next save far
 * out, while a lasting slowdown reaches the reference within a few saves.
 */
export function referenceSaveMs(
  lastDumpMs: number,
  previousReferenceMs: number,
): number {
  return Math.min(lastDumpMs, 2 * previousReferenceMs + GROWTH_ALLOWANCE_MS);
}

/** One completed state save, as the saver reports it. */
export interface SaveRecord {
  /** Newest block in the saved dump. */
  block: bigint;
  /** `Date.now()` when the dump was requested. */
  startedAt: number;
  /** Duration from the request to the renamed, fsynced file. */
  milliseconds: number;
  /** Part of `milliseconds` until the `anvil_dumpState` reply arrived. */
  dumpMs: number;
  /** The dump duration that set the wait (see `referenceSaveMs`). */
  referenceMs: number;
  /** Size of the gzip state file. */
  bytes: number;
  /** Wait before the next periodic save. */
  waitMs: number;
  /**
   * The stated loss window: a block mined longer ago than this is in the
   * state file, so a kill -9 loses at most the blocks of this last span.
   */
  lossWindowMs: number;
}

/**
 * Returns the milliseconds to wait after a save before the next one: at
 * least `spacing` times the reference dump duration, and otherwise what is
 * left of `intervalMs` since the save began. While saves are short they
 * thus start `intervalMs` apart, just after the block they follow.
 */
export function saveWaitMs(
  intervalMs: number,
  lastSaveMs: number,
  referenceMs: number,
  spacing: number,
): number {
  return Math.ceil(Math.max(intervalMs - lastSaveMs, spacing * referenceMs));
}

/**
 * Returns the longest a mined block can wait before a completed save holds
 * it: it may arrive just after a dump began (the rest of that save, up to
 * `lastSaveMs`), then the wait, then the next save, taken as up to twice
 * the last one plus an allowance.
 */
export function lossWindowMs(
  intervalMs: number,
  lastSaveMs: number,
  referenceMs: number,
  spacing: number,
): number {
  const wait = saveWaitMs(intervalMs, lastSaveMs, referenceMs, spacing);
  return Math.ceil(wait + 3 * lastSaveMs + NEXT_SAVE_ALLOWANCE_MS);
}

/**
 * Returns a coarse size class of the loss window (powers of two of
 * seconds), so that the log gets a line when the window changes notably.
 */
export function lossWindowClass(windowMs: number): number {
  return Math.max(0, Math.ceil(Math.log2(windowMs / 1000)));
}
