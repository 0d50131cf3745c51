/**
 * Renders rows as a plain-text table. Hangul and other East Asian wide
 * characters count as two columns, so Korean names line up in a terminal.
 * Control characters in cells are shown visibly (see `visibleCell`), so a
 * name with a line break or a terminal escape cannot break the layout.
 */
export function renderTable(
  headers: string[],
  givenRows: string[][],
  alignRight: boolean[] = [],
): string {
  const rows = givenRows.map((row) => row.map(visibleCell));
  const widths = headers.map((header, column) =>
    Math.max(
      displayWidth(header),
      ...rows.map((row) => displayWidth(row[column] ?? "")),
    ),
  );
  const renderRow = (cells: string[]) =>
    cells
      .map((cell, column) => pad(cell, widths[column], alignRight[column]))
      .join("  ")
      .trimEnd();
  const rule = widths.map((width) => "-".repeat(width)).join("  ");
  return [renderRow(headers), rule, ...rows.map(renderRow)].join("\n");
}

/**
 * Replaces each line break (CR LF, LF, CR, U+2028, U+2029) with "⏎" and
 * every other control character, such as a tab or ESC, with U+FFFD "�".
 */
export function visibleCell(text: string): string {
  return text
    .replace(/\r\n|[\n\r\u2028\u2029]/g, "⏎")
    .replace(/\p{Cc}/gu, "\uFFFD");
}

function pad(text: string, width: number, right = false): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

/** Counts the terminal columns that `text` takes. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += isWide(char.codePointAt(0) ?? 0) ? 2 : 1;
  return width;
}

function isWide(codePoint: number): boolean {
  return (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6)
  );
}
