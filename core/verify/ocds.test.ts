import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { parseCaseFile } from "../schema.ts";
import { ExportError } from "./errors.ts";
import { recordToOcdsRelease } from "./ocds.ts";
import { sampleRecord } from "./sample-record.ts";

function readCaseJson(name: string) {
  const url = new URL(`../../test/vectors/${name}`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8"));
}

const psatJson = readCaseJson("case-psat-2023-q18.json");
const psat = parseCaseFile(psatJson);
const uk = parseCaseFile(readCaseJson("case-uk-fe-80-20.json"));

describe("recordToOcdsRelease", () => {
  it("builds an award release of the round", async () => {
    const record = await sampleRecord(psat);
    const release = recordToOcdsRelease(record, { ocidPrefix: "ocds-abc123" });
    expect(release.ocid).toBe(
      `ocds-abc123-1337-${record.registry.toLowerCase()}-1`,
    );
    expect(release.tag).toEqual(["award"]);
    expect(release.initiationType).toBe("tender");
    expect(release.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(release.tender.id).toBe(psat.reference);
    expect(release.tender.awardCriteria).toBe("ratedCriteria");
  });

  it("lists the bidders as tenderers and bids", async () => {
    // psat gives price scores, so its bids carry no amount.
    const release = recordToOcdsRelease(await sampleRecord(psat));
    const names = psat.bidders.map((bidder) => bidder.name);
    expect(release.tender.tenderers.map((t) => t.name)).toEqual(names);
    expect(release.tender.numberOfTenderers).toBe(names.length);
    expect(release.parties.map((party) => party.name)).toEqual(names);
    expect(release.bids.details).toHaveLength(names.length);
    expect(release.bids.details[0].value).toBeUndefined();
  });

  it("gives bid amounts unless the price score is given", async () => {
    const release = recordToOcdsRelease(await sampleRecord(uk));
    expect(release.bids.details.map((bid) => bid.value)).toEqual(
      uk.bidders.map((bidder) => ({ amount: Number(bidder.bidPrice) })),
    );
    expect(release.bids.details.map((bid) => bid.jurybox)).toEqual(
      uk.bidders.map((bidder) => ({ bidPrice: String(bidder.bidPrice) })),
    );
  });

  it("keeps a bid price above 2^53 exactly", async () => {
    const record = await sampleRecord(uk);
    const huge = "90071992547409931234";
    record.created.params.bidders[0].bidPrice = huge;
    const bid = recordToOcdsRelease(record).bids.details[0];
    expect(bid.value).toBeUndefined();
    expect(bid.jurybox).toEqual({ bidPrice: huge });
  });

  it("rejects an OCID prefix with a slash", async () => {
    const record = await sampleRecord(psat);
    expect(() =>
      recordToOcdsRelease(record, { ocidPrefix: "bad/prefix" }),
    ).toThrow(ExportError);
    expect(() =>
      recordToOcdsRelease(record, { ocidPrefix: "ocds-213czf" }),
    ).not.toThrow();
  });

  it("weights the criteria and the price", async () => {
    const release = recordToOcdsRelease(await sampleRecord(psat));
    const criteria = release.tender.lots[0].awardCriteria.criteria;
    expect(criteria).toHaveLength(psat.criteria.length + 1);
    const weights = criteria.map((criterion) => criterion.numbers[0].number);
    const sum = weights.reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(
      psat.rules.technicalWeight + psat.rules.priceWeight,
      4,
    );
    expect(criteria.at(-1)!.type).toBe("price");
    expect(criteria.at(-1)!.numbers[0]).toEqual({
      number: psat.rules.priceWeight,
      weight: "pointsExact",
    });
  });

  it("scales relative-to-best maxima to the technical weight", async () => {
    const release = recordToOcdsRelease(await sampleRecord(uk));
    const quality = release.tender.lots[0].awardCriteria.criteria[0];
    expect(quality.numbers[0].number).toBe(80);
    expect(quality.description).toBe(
      "Scored by each evaluator out of 150.00 points.",
    );
  });

  it("awards the winner", async () => {
    const release = recordToOcdsRelease(await sampleRecord(psat));
    expect(release.awards).toHaveLength(1);
    const [award] = release.awards;
    expect(award.status).toBe("pending");
    expect(award.suppliers.map((s) => s.name)).toEqual([psat.expected!.winner]);
    const supplier = release.parties.find((party) =>
      party.roles.includes("supplier"),
    );
    expect(supplier?.name).toBe(psat.expected!.winner);
    expect(release.jurybox.results.map((r) => r.total)).toEqual(
      psat.expected!.bidders.map((bidder) => bidder.total),
    );
  });

  it("awards nothing when no bidder qualifies", async () => {
    const strict = parseCaseFile({
      ...psatJson,
      rules: { ...psatJson.rules, qualifyingPercent: 100 },
    });
    const release = recordToOcdsRelease(await sampleRecord(strict));
    expect(release.awards).toEqual([]);
    expect(release.parties.every((p) => !p.roles.includes("supplier"))).toBe(
      true,
    );
  });

  it("rejects a round without a result", async () => {
    const record = await sampleRecord(psat);
    record.result = null;
    expect(() => recordToOcdsRelease(record)).toThrow(ExportError);
  });
});

describe("recordToOcdsRelease of a cancelled round", () => {
  const reason = "The tender notice was corrected.";

  it("builds a tender cancellation release", async () => {
    const record = await sampleRecord(psat, { cancelReason: reason });
    const release = recordToOcdsRelease(record);
    const cancelled = record.cancellation!;
    expect(release.tag).toEqual(["tenderCancellation"]);
    expect(release.tender.status).toBe("cancelled");
    expect(release.id).toBe(`${release.ocid}-cancellation-${cancelled.block}`);
    expect(release.date).toBe(
      new Date(cancelled.timestamp * 1000).toISOString().replace(".000Z", "Z"),
    );
  });

  it("awards nothing", async () => {
    const release = recordToOcdsRelease(
      await sampleRecord(psat, { cancelReason: reason }),
    );
    expect(release.awards).toEqual([]);
    expect(release.parties.every((p) => !p.roles.includes("supplier"))).toBe(
      true,
    );
    expect(release.jurybox.results).toEqual([]);
    expect(release.jurybox.lotterySeed).toBeNull();
  });

  it("gives the cancellation on chain", async () => {
    const record = await sampleRecord(psat, { cancelReason: reason });
    const release = recordToOcdsRelease(record);
    expect(release.jurybox.cancellationReason).toBe(reason);
    expect(release.jurybox.block).toBe(record.cancellation!.block);
    expect(release.jurybox.transactionHash).toBe(
      record.cancellation!.transactionHash,
    );
    expect(release.tender.tenderers).toHaveLength(psat.bidders.length);
  });
});
