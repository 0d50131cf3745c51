/**
 * Default spacing: the wait after a save is at least four times its
 * duration. anvil answers no request while it dumps its state, so it then
 * spends at most a fifth of its time dumping, however large the state.
 */
export const DEFAULT_SAVE_SPACING = 4;

/** Allowance for the next save taking longer than the last one. */
const NEXT_SAVE_ALLOWANCE_MS = 1000;

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
 * Milliseconds to wait after a save of `lastSaveMs` before the next one:
 * at least `spacing` times its duration, and otherwise what is left of
 * `intervalMs` since the save began.
 */
export function saveWaitMs(
  intervalMs: number,
  lastSaveMs: number,
  spacing: number,
): number {
  return Math.ceil(Math.max(intervalMs - lastSaveMs, spacing * lastSaveMs));
}

/**
 * The longest a mined block can wait before a completed save holds it: it
 * may arrive just after a dump began (the rest of that save, `lastSaveMs`),
 * then the wait, then the next save, taken as up to twice the last one
 * plus an allowance.
 */
export function lossWindowMs(
  intervalMs: number,
  lastSaveMs: number,
  spacing: number,
): number {
  const wait = saveWaitMs(intervalMs, lastSaveMs, spacing);
  return Math.ceil(wait + 3 * lastSaveMs + NEXT_SAVE_ALLOWANCE_MS);
}

/**
 * A coarse size class of the loss window (powers of two of seconds), so
 * that the log gets a line when the window changes notably, not per save.
 */
export function lossWindowClass(windowMs: number): number {
  return Math.max(0, Math.ceil(Math.log2(windowMs / 1000)));
}
