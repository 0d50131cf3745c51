import { readFileSync } from "node:fs";
import { join } from "node:path";

import { PROJECT_ROOT } from "./run-cli.ts";

export type RoundJson = Record<string, any>;

/** Formats UTC seconds as ISO 8601 in KST, e.g. "2026-12-06T17:00:00+09:00". */
export function kstText(seconds: number): string {
  const shifted = new Date((seconds + 9 * 3600) * 1000).toISOString();
  return shifted.replace(/\.\d{3}Z$/, "+09:00");
}

/**
 * Reads the demo round file and moves its scoring deadline to `hours` from
 * now, rounded down to the minute, so tests never depend on the file's
 * fixed date.
 */
export function demoRound(hours = 48): RoundJson {
  const round = JSON.parse(
    readFileSync(join(PROJECT_ROOT, "examples", "demo-round.json"), "utf8"),
  );
  const seconds = Math.floor(Date.now() / 60_000) * 60 + hours * 3600;
  round.schedule.scoringDeadline = kstText(seconds);
  return round;
}
