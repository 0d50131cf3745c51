import { fromFixed, toHundredths } from "./units.ts";
import type { CaseFile } from "./schema/round.ts";

// Conversions between a sheet as people write it, [bidder][criterion] in
// points, and the flat on-chain form: hundredths, bidder-major over the
// qualitative criteria, `flat[b * Q + q]`.

/** Flattens a [bidder][criterion] sheet in points to flat hundredths. */
export function flattenScores(
  scores: readonly (readonly number[])[],
): number[] {
  return scores.flatMap((row) => row.map((points) => toHundredths(points)));
}

/**
 * Splits flat hundredths into a [bidder][criterion] sheet in points.
 * Throws a RangeError when the length is not a multiple of `bidderCount`.
 */
export function nestScores(
  flat: readonly number[],
  bidderCount: number,
): number[][] {
  const qualitativeCount = flat.length / bidderCount;
  if (!Number.isInteger(qualitativeCount)) {
    throw new RangeError(
      `A sheet of ${flat.length} scores does not split into ${bidderCount} bidders.`,
    );
  }
  return Array.from({ length: bidderCount }, (_, bidder) =>
    flat
      .slice(bidder * qualitativeCount, (bidder + 1) * qualitativeCount)
      .map((hundredths) => fromFixed(hundredths, 2)),
  );
}

/** Returns the flat hundredths of every case-file sheet, in seat order. */
export function caseSheetScores(caseFile: CaseFile): number[][] {
  return caseFile.sheets.map((sheet) => flattenScores(sheet.scores));
}

/** Returns the comments of every case-file sheet, "" where there are none. */
export function caseSheetComments(caseFile: CaseFile): string[][] {
  return caseFile.sheets.map(
    (sheet) => sheet.comments ?? caseFile.bidders.map(() => ""),
  );
}
