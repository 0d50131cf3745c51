import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

import { parseRoundFile, type RoundFile } from "../../core/index.ts";

export const DEMO_ROUND_FILE = fileURLToPath(
  new URL("../../examples/demo-round.json", import.meta.url),
);

const KST_OFFSET_SECONDS = 9 * 60 * 60;
const DAY_SECONDS = 24 * 60 * 60;
const MIN_SCORING_WINDOW_SECONDS = 8 * 60 * 60;

/**
 * Returns the demo round's scoring deadline: 23:59 KST today, or 23:59 KST
 * tomorrow when today's is less than 8 hours away. The file's own date
 * would expire, so `up` always replaces it.
 */
export function demoScoringDeadline(now: Date): string {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const kstDayStart =
    Math.floor((nowSeconds + KST_OFFSET_SECONDS) / DAY_SECONDS) * DAY_SECONDS -
    KST_OFFSET_SECONDS;
  let deadline = kstDayStart + DAY_SECONDS - 60;
  if (deadline - nowSeconds < MIN_SCORING_WINDOW_SECONDS) {
    deadline += DAY_SECONDS;
  }
  return toKstText(deadline);
}

/** Formats UTC seconds as an ISO 8601 time with the +09:00 offset. */
function toKstText(seconds: number): string {
  const shifted = new Date((seconds + KST_OFFSET_SECONDS) * 1000);
  return shifted.toISOString().replace(/\.\d{3}Z$/, "+09:00");
}

/** Reads examples/demo-round.json with the scoring deadline set from `now`. */
export async function readDemoRound(now: Date): Promise<RoundFile> {
  const raw = JSON.parse(await readFile(DEMO_ROUND_FILE, "utf8"));
  raw.schedule = { scoringDeadline: demoScoringDeadline(now) };
  return parseRoundFile(raw);
}
