/** Prints one JSON document on stdout; bigints become decimal strings. */
export function printJson(value: unknown): void {
  const text = JSON.stringify(
    value,
    (_key, inner) => (typeof inner === "bigint" ? inner.toString() : inner),
    2,
  );
  process.stdout.write(text + "\n");
}
