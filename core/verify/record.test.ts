import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { parseCaseFile } from "../schema.ts";
import { RecordFormatError } from "./errors.ts";
import { parseRecord, stringifyRecord } from "./record.ts";
import { sampleRecord } from "./sample-record.ts";

const psat = parseCaseFile(
  JSON.parse(
    readFileSync(
      new URL("../../test/vectors/case-psat-2023-q18.json", import.meta.url),
      "utf8",
    ),
  ),
);

function parseError(value: unknown): RecordFormatError {
  try {
    parseRecord(value);
  } catch (error) {
    if (error instanceof RecordFormatError) return error;
    throw error;
  }
  throw new Error("parseRecord accepted the value.");
}

describe("parseRecord", () => {
  it("reads back what stringifyRecord wrote", async () => {
    const record = await sampleRecord(psat);
    const text = stringifyRecord(record);
    expect(parseRecord(JSON.parse(text))).toEqual(record);
    expect(text.endsWith("}\n")).toBe(true);
  });

  it("rejects another format", () => {
    const error = parseError({ format: "something-else", version: 1 });
    expect(error.shortMessage).toBe(
      'The record\'s format "something-else" is not "jurybox-evaluation-record".',
    );
  });

  it("names an OCDS release", () => {
    const error = parseError({ ocid: "ocds-jurybox-1", tag: ["award"] });
    expect(error.shortMessage).toContain("looks like an OCDS release");
    expect(error.shortMessage).not.toContain("undefined");
    expect(error.hint).toContain("--format json");
  });

  it("rejects JSON without a format field", () => {
    const error = parseError({ roundId: "1" });
    expect(error.shortMessage).toBe(
      'The file has no format field, so it is not a "jurybox-evaluation-record".',
    );
  });

  it("rejects another version", () => {
    const error = parseError({
      format: "jurybox-evaluation-record",
      version: 2,
    });
    expect(error.shortMessage).toBe("The record's version 2 is not 1.");
  });

  it("rejects a value that is not an object", () => {
    expect(parseError([]).shortMessage).toBe(
      "The evaluation record is not a JSON object.",
    );
  });

  it("lists every invalid field with its path", async () => {
    const record = JSON.parse(stringifyRecord(await sampleRecord(psat)));
    record.reveals[1].salt = "0x1234";
    record.commits[0].seat = -1;
    record.result.bidders[2].total = "12.5";
    delete record.asOf;
    const error = parseError(record);
    expect(error.shortMessage).toBe(
      "The evaluation record has 4 fields invalid.",
    );
    expect(error.details).toEqual(
      expect.arrayContaining([
        "reveals[1].salt: must be 32 bytes of 0x hex",
        expect.stringMatching(/^commits\[0\]\.seat: /),
        "result.bidders[2].total: must be a whole decimal number",
        expect.stringMatching(/^asOf: /),
      ]),
    );
  });

  it("rejects unknown fields", async () => {
    const record = JSON.parse(stringifyRecord(await sampleRecord(psat)));
    record.claims[0].note = "added by hand";
    expect(parseError(record).details).toEqual([
      expect.stringMatching(/^claims\[0\]: .*note/),
    ]);
  });
});
