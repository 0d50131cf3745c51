import {
  PRICE_FORMULAS,
  TECHNICAL_SCORINGS,
  TIE_BREAKS,
  TRIMS,
} from "../enums.ts";
import { formatFixed, fromFixed } from "../units.ts";
import { ExportError } from "./errors.ts";
import type { EvaluationRecord, RecordParams } from "./record.ts";

// An award release in the shape of the Open Contracting Data Standard 1.1:
// the round as a tender with one lot, its criteria and weights as the lot's
// award criteria (the awardCriteriaBreakdown extension), the bidders as
// tenderers and bids (the bids extension), and the award to the bidder with
// negotiation order 1, or no award when the round was cancelled. The result
// and where it is on chain go in a `jurybox` object, which OCDS allows as an
// additional field.

/** Options of `recordToOcdsRelease`. */
export type OcdsOptions = {
  /**
   * The publisher's registered OCID prefix; default "ocds-jurybox", which
   * is not registered, so a publisher should pass its own.
   */
  ocidPrefix?: string;
};

function isoTime(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(".000Z", "Z");
}

function describeRules(params: RecordParams): string {
  const { rules } = params;
  const parts = [
    `rules ${rules.version}`,
    `technical ${formatFixed(rules.technicalWeight, 2)} points`,
    `price ${formatFixed(rules.priceWeight, 2)} points`,
    `trim ${TRIMS[rules.trim]}`,
    `technical scoring ${TECHNICAL_SCORINGS[rules.technicalScoring]}`,
    `price formula ${PRICE_FORMULAS[rules.priceFormula]}`,
    rules.qualifyingPercent === 0
      ? "no qualifying threshold"
      : `qualified at ${rules.qualifyingPercent}% of the technical weight`,
    `ties broken by ${rules.tieBreak.map((step) => TIE_BREAKS[step]).join(", ") || "presentation order"}`,
  ];
  return parts.join("; ") + ".";
}

/**
 * A criterion's share of the technical weight in points, to four decimals.
 * Under absolute scoring the maxima add up to the technical weight, so this
 * is the maximum itself; under relative-to-best scoring the maxima are
 * scaled to the technical weight.
 */
function criterionWeight(params: RecordParams, maxPoints: number): number {
  const sum = params.criteria.reduce((total, c) => total + c.maxPoints, 0);
  const tenThousandths =
    (BigInt(params.rules.technicalWeight) * BigInt(maxPoints) * 100n * 2n +
      BigInt(sum)) /
    (2n * BigInt(sum));
  return fromFixed(tenThousandths, 4);
}

/**
 * Returns the value of a bid: `value.amount` when the price fits a JSON number
 * exactly (at most 2^53 - 1), and always the exact price as a decimal
 * string in `jurybox.bidPrice`, so a larger price is never lost. A round
 * whose price scores are given has no bid prices to publish.
 */
function bidValue(
  params: RecordParams,
  price: string,
): { value?: { amount: number }; jurybox?: { bidPrice: string } } {
  const isGiven = PRICE_FORMULAS[params.rules.priceFormula] === "given";
  if (isGiven) return {};
  const amount = Number(price);
  // The chain stores whole minor units of an unrecorded currency.
  const exact = { jurybox: { bidPrice: price } };
  if (!Number.isSafeInteger(amount)) return exact;
  return { value: { amount }, ...exact };
}

/** OCID prefixes `recordToOcdsRelease` accepts, e.g. "ocds-213czf". */
export const OCID_PREFIX_PATTERN = /^ocds-[a-z0-9]+$/;

/**
 * Returns what `prefix` should look like when it cannot start an OCID, or
 * undefined when it can. An OCDS prefix is "ocds-" and the letters and
 * digits the Open Contracting Partnership assigns (six for a registered
 * publisher), in lower case.
 */
export function ocidPrefixProblem(prefix: string): string | undefined {
  if (OCID_PREFIX_PATTERN.test(prefix)) return undefined;
  return '"ocds-" followed by lower-case letters and digits only';
}

/**
 * Builds the OCDS-style release of a round that ended: an award release of
 * a finalized round, or a tender cancellation release (tender status
 * "cancelled", no award) of a round cancelled before its result. Throws an
 * `ExportError` when the round has neither a result nor a cancellation.
 */
export function recordToOcdsRelease(
  record: EvaluationRecord,
  options: OcdsOptions = {},
) {
  const { result, cancellation } = record;
  if (result === null && cancellation === null) {
    throw new ExportError(
      `Round ${record.roundId} has no result yet, so it has no award to publish.`,
      {
        hint: "Export the OCDS release after the round is finalized or cancelled.",
      },
    );
  }
  const { params } = record.created;
  const prefix = options.ocidPrefix ?? "ocds-jurybox";
  const prefixProblem = ocidPrefixProblem(prefix);
  if (prefixProblem !== undefined) {
    throw new ExportError(
      `The OCID prefix "${prefix}" is invalid: expected ${prefixProblem}.`,
      {
        hint: 'Pass the prefix registered for the publisher, e.g. "ocds-213czf".',
      },
    );
  }
  const ocid = `${prefix}-${record.chainId}-${record.registry.toLowerCase()}-${record.roundId}`;
  const tenderers = params.bidders.map((bidder, index) => ({
    id: `tenderer-${index + 1}`,
    name: bidder.name,
  }));
  const winner =
    result === null
      ? -1
      : result.bidders.findIndex((bidder) => bidder.negotiationOrder === 1);
  // The event that ended the round: RoundFinalized, else RoundCancelled.
  const end = (result ?? cancellation)!;

  return {
    ocid,
    id: `${ocid}-${result === null ? "cancellation" : "award"}-${end.block}`,
    date: isoTime(end.timestamp),
    tag: [result === null ? "tenderCancellation" : "award"],
    initiationType: "tender",
    parties: tenderers.map((tenderer, index) => ({
      ...tenderer,
      roles: index === winner ? ["tenderer", "supplier"] : ["tenderer"],
    })),
    tender: {
      id: params.referenceNumber || `round-${record.roundId}`,
      title: params.title,
      status: result === null ? "cancelled" : "complete",
      awardCriteria: "ratedCriteria",
      awardCriteriaDetails: describeRules(params),
      awardPeriod: {
        startDate: isoTime(record.created.timestamp),
        endDate: isoTime(end.timestamp),
      },
      numberOfTenderers: tenderers.length,
      tenderers,
      lots: [
        {
          id: "1",
          title: params.title,
          awardCriteria: { criteria: criteriaOf(params) },
        },
      ],
    },
    bids: {
      details: params.bidders.map((bidder, index) => ({
        id: `bid-${index + 1}`,
        status: "valid",
        tenderers: [tenderers[index]],
        ...bidValue(params, bidder.bidPrice),
      })),
    },
    awards:
      result === null || winner < 0
        ? []
        : [
            {
              id: `${record.roundId}-1`,
              title: `Negotiation order 1: ${tenderers[winner].name}`,
              status: "pending",
              date: isoTime(result.timestamp),
              suppliers: [tenderers[winner]],
              relatedBids: [`bid-${winner + 1}`],
              relatedLots: ["1"],
            },
          ],
    jurybox: {
      chainId: record.chainId,
      registry: record.registry,
      roundId: record.roundId,
      // Block and transaction of RoundFinalized, or of RoundCancelled.
      block: end.block,
      transactionHash: end.transactionHash,
      tallyVersion: record.created.tallyVersion,
      lotterySeed: result?.lotterySeed ?? null,
      cancellationReason: result === null ? cancellation!.reason : null,
      results: (result?.bidders ?? []).map((bidder, index) => ({
        tenderer: tenderers[index].id,
        technical: formatFixed(BigInt(bidder.technical), 4),
        price: formatFixed(BigInt(bidder.price), 4),
        total: formatFixed(BigInt(bidder.total), 4),
        qualified: bidder.qualified,
        rankByTotal: bidder.rankByTotal,
        negotiationOrder:
          bidder.negotiationOrder === 0 ? null : bidder.negotiationOrder,
      })),
    },
  };
}

/** Builds the award criteria of the round's one lot: each criterion, then price. */
function criteriaOf(params: RecordParams) {
  return [
    ...params.criteria.map((criterion) => ({
      type: "quality",
      name: criterion.name,
      description:
        `${criterion.quantitative ? "Entered by the administrator" : "Scored by each evaluator"}` +
        ` out of ${formatFixed(criterion.maxPoints, 2)} points.`,
      numbers: [
        {
          number: criterionWeight(params, criterion.maxPoints),
          weight: "pointsExact",
        },
      ],
    })),
    {
      type: "price",
      name: "Price",
      description: `Price formula ${PRICE_FORMULAS[params.rules.priceFormula]}.`,
      numbers: [
        {
          number: fromFixed(params.rules.priceWeight, 2),
          weight: "pointsExact",
        },
      ],
    },
  ];
}

/** The release that `recordToOcdsRelease` builds. */
export type OcdsRelease = ReturnType<typeof recordToOcdsRelease>;
