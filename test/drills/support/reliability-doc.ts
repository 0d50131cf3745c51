import { readFile, writeFile } from "node:fs/promises";

// Keeps the drill table of docs/RELIABILITY.md: the rows between the two
// markers are rewritten, one per drill, and a drill that did not run keeps
// its last row.

const START = "<!-- drill table: written by test/drills/run.ts -->";
const END = "<!-- end of drill table -->";
const HEADER = [
  "| drill | what was done | what was checked | result | date |",
  "|---|---|---|---|---|",
];

/** One row of the table. */
export interface DrillRow {
  id: string;
  title: string;
  action: string;
  checked: string;
  result: string;
  date: string;
}

function cell(text: string): string {
  return text.replaceAll("|", "\\|").replaceAll("\n", " ");
}

function formatRow(row: DrillRow, index: number): string {
  const name = `${index + 1}. ${row.title} (\`${row.id}\`)`;
  const cells = [name, row.action, row.checked, row.result, row.date];
  return `| ${cells.map(cell).join(" | ")} |`;
}

/** Returns the drill id of a table row, from its `(\`id\`)` mark. */
function rowId(line: string): string | undefined {
  return /^\| \d+\. .*?\(`([a-z0-9-]+)`\)/.exec(line)?.[1];
}

/**
 * Rewrites the drill table in `file` with `rows` for the drills that ran,
 * keeping the old row of every other drill in `order`. Creates the table
 * at the end of the file when the markers are missing.
 */
export async function writeDrillTable(
  file: string,
  order: readonly string[],
  rows: readonly DrillRow[],
): Promise<void> {
  const text = await readFile(file, "utf8");
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  const old = new Map<string, string>();
  if (start !== -1 && end > start) {
    for (const line of text.slice(start, end).split("\n")) {
      const id = rowId(line);
      if (id !== undefined) old.set(id, line);
    }
  }
  const fresh = new Map(rows.map((row) => [row.id, row]));
  const lines = order.flatMap((id, index) => {
    const row = fresh.get(id);
    if (row !== undefined) return [formatRow(row, index)];
    const kept = old.get(id);
    return kept === undefined
      ? []
      : [kept.replace(/^\| \d+\./, `| ${index + 1}.`)];
  });
  const table = [START, ...HEADER, ...lines, END].join("\n");
  const next =
    start !== -1 && end > start
      ? text.slice(0, start) + table + text.slice(end + END.length)
      : `${text.trimEnd()}\n\n${table}\n`;
  await writeFile(file, next);
}
