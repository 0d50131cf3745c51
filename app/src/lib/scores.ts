/** Why a typed score cannot be used; the sheet shows a message for each. */
export type ScoreProblem = "empty" | "format" | "decimals" | "above-max";

export type ParsedScore =
  { ok: true; hundredths: number } | { ok: false; problem: ScoreProblem };

const NUMBER = /^[0-9]+(?:[.,][0-9]*)?$/;

/**
 * Parses a typed score into hundredths of a point. A score is a
 * non-negative number with at most two decimals and not above the
 * criterion's maximum (`maxHundredths`). A comma is read as the decimal
 * point so that either keyboard layout works.
 */
export function parseScore(text: string, maxHundredths: number): ParsedScore {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, problem: "empty" };
  if (!NUMBER.test(trimmed)) return { ok: false, problem: "format" };
  const [whole, fraction = ""] = trimmed.replace(",", ".").split(".");
  if (fraction.length > 2) return { ok: false, problem: "decimals" };
  if (whole.length > 6) return { ok: false, problem: "above-max" };
  const hundredths = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  if (hundredths > maxHundredths) return { ok: false, problem: "above-max" };
  return { ok: true, hundredths };
}

/** Writes hundredths as the plain text a score field shows (`7250` → `72.5`). */
export function hundredthsToText(hundredths: number): string {
  const whole = Math.floor(hundredths / 100);
  const fraction = hundredths % 100;
  if (fraction === 0) return String(whole);
  return `${whole}.${String(fraction).padStart(2, "0").replace(/0$/, "")}`;
}

/**
 * Moves a typed score by `stepHundredths` and clamps it to 0..max. An
 * empty or invalid field steps from 0.
 */
export function stepScore(
  text: string,
  stepHundredths: number,
  maxHundredths: number,
): string {
  const parsed = parseScore(text, Number.MAX_SAFE_INTEGER);
  const current = parsed.ok ? parsed.hundredths : 0;
  const next = Math.min(maxHundredths, Math.max(0, current + stepHundredths));
  if (!parsed.ok && stepHundredths < 0) return hundredthsToText(0);
  return hundredthsToText(next);
}

/** The parsed sheet: hundredths per bidder and criterion, or the first problem. */
export interface SheetCheck {
  scores: (number | null)[][];
  totals: number[];
  complete: boolean;
  problems: number;
}

/** Checks every field of a draft against the criteria maxima. */
export function checkSheet(texts: string[][], maxima: number[]): SheetCheck {
  let problems = 0;
  let complete = true;
  const scores = texts.map((row) =>
    maxima.map((max, q) => {
      const parsed = parseScore(row[q] ?? "", max);
      if (parsed.ok) return parsed.hundredths;
      complete = false;
      if (parsed.problem !== "empty") problems += 1;
      return null;
    }),
  );
  const totals = scores.map((row) =>
    row.reduce<number>((sum, value) => sum + (value ?? 0), 0),
  );
  return { scores, totals, complete, problems };
}
