import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { parseCaseFile } from "../schema.ts";
import { SCORES_CSV_HEADER, csvField, recordToScoresCsv } from "./csv.ts";
import { sampleRecord } from "./sample-record.ts";

const psatJson = JSON.parse(
  readFileSync(
    new URL("../../test/vectors/case-psat-2023-q18.json", import.meta.url),
    "utf8",
  ),
);
const psat = parseCaseFile(psatJson);

describe("csvField", () => {
  it("leaves plain text alone", () => {
    expect(csvField("업체 1")).toBe("업체 1");
  });

  it("quotes commas, quotes and line breaks", () => {
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField("one\ntwo")).toBe('"one\ntwo"');
  });

  it("defuses text a spreadsheet would run", () => {
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("@sum")).toBe("'@sum");
    expect(csvField("-3, then")).toBe('"\'-3, then"');
  });
});

describe("recordToScoresCsv", () => {
  it("numbers seats from 1 beside the index", async () => {
    const record = await sampleRecord(psat);
    const lines = recordToScoresCsv(record).split("\r\n");
    expect(lines[0]).toBe("seat,seatIndex,bidder,criterion,score,comment");
    const [seat, seatIndex] = lines[1].split(",");
    expect(seat).toBe("1");
    expect(seatIndex).toBe("0");
  });

  it("writes one row per seat, bidder and criterion", async () => {
    const record = await sampleRecord(psat);
    const lines = recordToScoresCsv(record).split("\r\n");
    expect(lines[0]).toBe(SCORES_CSV_HEADER.join(","));
    expect(lines.at(-1)).toBe("");
    const rows = lines.slice(1, -1);
    const criteria = psat.criteria.filter((c) => c.kind === "qualitative");
    expect(rows).toHaveLength(
      psat.sheets.length * psat.bidders.length * criteria.length,
    );
  });

  it("writes the case's scores in points", async () => {
    const record = await sampleRecord(psat);
    const rows = recordToScoresCsv(record)
      .split("\r\n")
      .slice(1, -1)
      .map((line) => line.split(","));
    const criteria = psat.criteria.filter((c) => c.kind === "qualitative");
    psat.sheets.forEach((sheet, seat) => {
      sheet.scores.forEach((scores, bidder) => {
        scores.forEach((points, criterion) => {
          const index =
            (seat * psat.bidders.length + bidder) * criteria.length + criterion;
          expect(rows[index]).toEqual([
            String(seat + 1),
            String(seat),
            psat.bidders[bidder].name,
            criteria[criterion].name,
            points.toFixed(2),
            "",
          ]);
        });
      });
    });
  });

  it("repeats each bidder's comment on its rows", async () => {
    const withComments = parseCaseFile({
      ...psatJson,
      sheets: psatJson.sheets.map((sheet: object, seat: number) => ({
        ...sheet,
        comments: psatJson.bidders.map(
          (_: unknown, bidder: number) => `seat ${seat}, bidder ${bidder}`,
        ),
      })),
    });
    const record = await sampleRecord(withComments);
    const text = recordToScoresCsv(record);
    expect(text).toContain(`,"seat 3, bidder 4"\r\n`);
  });
});

describe("recordToScoresCsv of a cancelled round", () => {
  it("writes only the header", async () => {
    const record = await sampleRecord(psat, { cancelReason: "Cancelled." });
    expect(recordToScoresCsv(record)).toBe(
      SCORES_CSV_HEADER.join(",") + "\r\n",
    );
  });
});
