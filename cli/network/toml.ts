/**
 * Writes a TOML basic string. JSON string escapes (\", \\, \n, \uXXXX)
 * are also valid TOML escapes, so JSON.stringify gives the same text.
 */
export function tomlString(value: string): string {
  return JSON.stringify(value);
}

/** Writes a one-line TOML array of strings. */
export function tomlStringArray(values: readonly string[]): string {
  return `[${values.map(tomlString).join(", ")}]`;
}

/** Writes an array over several lines, one string per line, for long lists. */
export function tomlStringList(values: readonly string[]): string {
  if (values.length === 0) return "[]";
  const lines = values.map((value) => `  ${tomlString(value)}`);
  return `[\n${lines.join(",\n")}\n]`;
}
