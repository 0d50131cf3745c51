// Reads the summary table of Caliper 0.6's report.html: one row per round
// with Name, Succ, Fail, Send Rate (TPS), Max/Min/Avg Latency (s) and
// Throughput (TPS).

/** One measured round as Caliper reports it; latencies in seconds. */
export interface CaliperRound {
  name: string;
  succeeded: number;
  failed: number;
  sendRateTps: number;
  maxLatencyS: number | null;
  minLatencyS: number | null;
  avgLatencyS: number | null;
  throughputTps: number;
  /**
   * Caliper's process monitor rows, e.g. "Name", "CPU%(max)",
   * "CPU%(avg)", "Memory(max) [B]", keyed by its column names.
   */
  resources: Record<string, string>[];
}

export class CaliperReportError extends Error {
  constructor(file: string, problem: string) {
    super(
      `The Caliper report ${file} ${problem}; read Caliper's output above ` +
        `for the failed step.`,
    );
    this.name = "CaliperReportError";
  }
}

/** Undoes the escaping of Caliper's Mustache template, e.g. &#x2F; for /. */
function unescapeHtml(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex) =>
      String.fromCodePoint(parseInt(hex, 16)),
    )
    .replace(/&#(\d+);/g, (_, decimal) => String.fromCodePoint(Number(decimal)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

const cells = (row: string, tag: "th" | "td") =>
  [...row.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, "g"))].map(
    (match) => unescapeHtml(match[1].trim()),
  );

/** Caliper prints "-" for latencies when no transaction succeeded. */
const seconds = (text: string) => (text === "-" ? null : Number(text));

/** Parses the summary table of a report.html into one entry per round. */
export function parseCaliperReport(html: string, file: string): CaliperRound[] {
  const start = html.indexOf('id="benchmarksummary"');
  if (start < 0) throw new CaliperReportError(file, "has no summary section");
  const end = html.indexOf("</table>", start);
  if (end < 0) throw new CaliperReportError(file, "has no summary table");
  const rows = html.slice(start, end).split("<tr>").slice(1);
  const head = rows.length > 0 ? cells(rows[0], "th") : [];
  const column = (name: string) => {
    const index = head.indexOf(name);
    if (index < 0) {
      throw new CaliperReportError(file, `has no "${name}" column`);
    }
    return index;
  };
  const columns = {
    name: column("Name"),
    succ: column("Succ"),
    fail: column("Fail"),
    sendRate: column("Send Rate (TPS)"),
    max: column("Max Latency (s)"),
    min: column("Min Latency (s)"),
    avg: column("Avg Latency (s)"),
    throughput: column("Throughput (TPS)"),
  };
  return rows.slice(1).map((row) => {
    const values = cells(row, "td");
    return {
      name: values[columns.name],
      succeeded: Number(values[columns.succ]),
      failed: Number(values[columns.fail]),
      sendRateTps: Number(values[columns.sendRate]),
      maxLatencyS: seconds(values[columns.max]),
      minLatencyS: seconds(values[columns.min]),
      avgLatencyS: seconds(values[columns.avg]),
      throughputTps: Number(values[columns.throughput]),
      resources: parseResources(html, values[columns.name]),
    };
  });
}

/** Reads the resource table of one round, or none when it has none. */
function parseResources(html: string, label: string): Record<string, string>[] {
  const start = html.indexOf(`<h3>Resource utilization for ${label}</h3>`);
  if (start < 0) return [];
  const table = html.indexOf("<table>", start);
  const end = html.indexOf("</table>", table);
  if (table < 0 || end < 0) return [];
  const rows = html.slice(table, end).split("<tr>").slice(1);
  if (rows.length === 0) return [];
  const head = cells(rows[0], "th");
  return rows.slice(1).map((row) => {
    const values = cells(row, "td");
    return Object.fromEntries(head.map((name, i) => [name, values[i] ?? ""]));
  });
}

/** Formats the rounds as an aligned text table. */
export function formatRounds(rounds: readonly CaliperRound[]): string {
  const head = [
    "round",
    "succ",
    "fail",
    "send tps",
    "max s",
    "min s",
    "avg s",
    "throughput tps",
  ];
  const body = rounds.map((round) => [
    round.name,
    String(round.succeeded),
    String(round.failed),
    String(round.sendRateTps),
    String(round.maxLatencyS ?? "-"),
    String(round.minLatencyS ?? "-"),
    String(round.avgLatencyS ?? "-"),
    String(round.throughputTps),
  ]);
  const widths = head.map((title, index) =>
    Math.max(title.length, ...body.map((row) => row[index].length)),
  );
  return [head, ...body]
    .map((row) => row.map((cell, i) => cell.padEnd(widths[i])).join("  "))
    .join("\n");
}
