import { formatFixed } from "../units.ts";
import type { EvaluationRecord } from "./record.ts";

// The per-seat scores of a round as CSV (RFC 4180): one row per revealed
// seat, bidder and scored criterion, with the bidder's comment repeated on
// each of the bidder's rows so that every row stands alone in a spreadsheet.
// `seat` counts from 1, as the app and the QR labels do, and `seatIndex` is
// the registry's seat index, which counts from 0.

export const SCORES_CSV_HEADER = [
  "seat",
  "seatIndex",
  "bidder",
  "criterion",
  "score",
  "comment",
] as const;

/** Characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Quotes one CSV text field when it holds a comma, quote or line break. A
 * text that a spreadsheet would run as a formula gets a leading apostrophe,
 * so opening the file never runs a comment as a formula. The JSON record
 * keeps the exact text.
 */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * Returns the revealed scores of a record as CSV with CRLF line ends:
 * seat number (from 1), the registry's seat index (from 0), bidder name,
 * criterion name, score in points with two decimals, and the bidder's
 * comment. Rows go by seat, bidder, criterion.
 */
export function recordToScoresCsv(record: EvaluationRecord): string {
  const { params } = record.created;
  const criteria = params.criteria.filter(
    (criterion) => !criterion.quantitative,
  );
  const reveals = [...record.reveals].sort((a, b) => a.seat - b.seat);
  const lines = [SCORES_CSV_HEADER.join(",")];

  for (const reveal of reveals) {
    params.bidders.forEach((bidder, b) => {
      criteria.forEach((criterion, q) => {
        const score = reveal.scores[b * criteria.length + q];
        lines.push(
          [
            String(reveal.seat + 1),
            String(reveal.seat),
            csvField(bidder.name),
            csvField(criterion.name),
            score === undefined ? "" : formatFixed(score, 2),
            csvField(reveal.comments[b] ?? ""),
          ].join(","),
        );
      });
    });
  }
  return lines.join("\r\n") + "\r\n";
}
