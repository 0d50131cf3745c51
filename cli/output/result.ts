import type { FormattedResult } from "../../core/index.ts";
import { renderTable } from "./table.ts";

/** Renders a published result as a ranking table with the winner below. */
export function renderResult(result: FormattedResult): string {
  const ranked = [...result.bidders].sort(
    (a, b) => a.rankByTotal - b.rankByTotal,
  );
  const rows = ranked.map((bidder) => [
    String(bidder.rankByTotal),
    bidder.name,
    bidder.technical,
    bidder.price,
    bidder.total,
    bidder.qualified ? "yes" : "no",
    bidder.negotiationOrder === null ? "-" : String(bidder.negotiationOrder),
  ]);
  const table = renderTable(
    ["rank", "bidder", "technical", "price", "total", "qualified", "order"],
    rows,
    [true, false, true, true, true, false, true],
  );
  const winner =
    result.winner === null
      ? "No bidder qualified, so there is no winner."
      : `Winner (negotiation order 1): ${result.winner}`;
  return [
    `Result of round ${result.roundId} as of block ${result.block}:`,
    table,
    winner,
  ].join("\n");
}
