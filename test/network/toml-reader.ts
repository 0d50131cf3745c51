// A reader for the TOML subset that the network generator writes: comments,
// `key=value` lines with strings, whole numbers, decimals, booleans and
// arrays of strings (on one line or several). Anything else throws, so a
// file Besu might misread cannot pass the tests unnoticed.

export type TomlValue = string | number | boolean | string[];

function parseValue(text: string, line: number): TomlValue {
  if (text === "true") return true;
  if (text === "false") return false;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (text.startsWith('"')) {
    const value: unknown = JSON.parse(text);
    if (typeof value === "string") return value;
  }
  if (text.startsWith("[")) {
    const value: unknown = JSON.parse(text);
    if (
      Array.isArray(value) &&
      value.every((item) => typeof item === "string")
    ) {
      return value;
    }
  }
  throw new Error(`line ${line}: unsupported TOML value ${text}`);
}

/** Parses `text` into a map of keys to values; throws on a repeated key. */
export function readToml(text: string): Map<string, TomlValue> {
  const values = new Map<string, TomlValue>();
  const lines = text.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index].trim();
    if (line === "" || line.startsWith("#")) continue;
    const match = /^([a-z0-9-]+)=(.*)$/.exec(line);
    if (match === null) {
      throw new Error(`line ${index + 1}: not a key=value line: ${line}`);
    }
    const [, key, first] = match;
    let valueText = first;
    const start = index;
    if (valueText.startsWith("[") && !valueText.endsWith("]")) {
      while (!valueText.endsWith("]")) {
        index++;
        if (index >= lines.length) {
          throw new Error(`line ${start + 1}: array of ${key} never closes`);
        }
        valueText += lines[index].trim();
      }
    }
    if (values.has(key)) throw new Error(`line ${start + 1}: ${key} repeated`);
    values.set(key, parseValue(valueText, start + 1));
  }
  return values;
}

/** Returns one value of a parsed TOML file, throwing when it is absent. */
export function tomlValue(values: Map<string, TomlValue>, key: string) {
  if (!values.has(key)) throw new Error(`${key} is missing`);
  return values.get(key)!;
}
