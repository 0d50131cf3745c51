import { toHundredths, toTenThousandths } from "../units.ts";
import { pointsSchema, priceScoreSchema, weightSchema } from "./fields.ts";
import type { FileIssue } from "./issues.ts";
import {
  countOf,
  field,
  list,
  quoteNames,
  ruleField,
  valid,
  outlineCriteria,
} from "./read.ts";
import { rulesSchema } from "./round.ts";

// Checks of each bidder against the rules and the criteria: the price data
// that the price formula needs and the quantitative scores.

const MONEY_EXAMPLE =
  'as a whole number of won as a decimal string, e.g. "100111000"';

/** Checks that each bidder has exactly the price data its formula uses. */
export function checkPrices(raw: unknown, issues: FileIssue[]): void {
  const formula = valid(
    rulesSchema.shape.priceFormula,
    ruleField(raw, "priceFormula"),
  );
  if (formula === undefined) return;

  const hasEstimate = ruleField(raw, "estimatedPrice") !== undefined;
  if (formula === "kr-negotiated" && !hasEstimate) {
    issues.push({
      path: "rules.estimatedPrice",
      message:
        'is missing; priceFormula "kr-negotiated" needs the estimated ' +
        'price as a whole number of won as a decimal string, e.g. "400000000"',
    });
  }
  if (formula !== "kr-negotiated" && hasEstimate) {
    issues.push({
      path: "rules.estimatedPrice",
      message: `is only used by priceFormula "kr-negotiated", not "${formula}"; remove it`,
    });
  }

  const priceWeight = valid(
    weightSchema("zero"),
    ruleField(raw, "priceWeight"),
  );
  list(field(raw, "bidders")).forEach((bidder, index) => {
    const path = `bidders[${index}]`;
    const hasBid = field(bidder, "bidPrice") !== undefined;
    const priceScoreRaw = field(bidder, "priceScore");

    if (formula === "given") {
      if (hasBid) {
        issues.push({
          path: `${path}.bidPrice`,
          message:
            'is not used when priceFormula is "given"; remove it and give ' +
            "priceScore instead",
        });
      }
      if (priceScoreRaw === undefined) {
        issues.push({
          path: `${path}.priceScore`,
          message:
            'is missing; priceFormula "given" needs each bidder\'s price ' +
            "score in points, e.g. 13.5",
        });
      }
      const priceScore = valid(priceScoreSchema, priceScoreRaw);
      if (
        priceScore !== undefined &&
        priceWeight !== undefined &&
        toTenThousandths(priceScore) > toTenThousandths(priceWeight)
      ) {
        issues.push({
          path: `${path}.priceScore`,
          message:
            `is ${priceScore} but rules.priceWeight is ${priceWeight}; a ` +
            "price score cannot be above the price weight",
        });
      }
      return;
    }

    if (!hasBid) {
      issues.push({
        path: `${path}.bidPrice`,
        message: `is missing; priceFormula "${formula}" needs each bid ${MONEY_EXAMPLE}`,
      });
    }
    if (priceScoreRaw !== undefined) {
      issues.push({
        path: `${path}.priceScore`,
        message: `is only used by priceFormula "given", not "${formula}"; remove it`,
      });
    }
  });
}

/** Checks each bidder's quantitative scores against the criteria. */
export function checkQuantitativeScores(
  raw: unknown,
  issues: FileIssue[],
): void {
  const criteria = outlineCriteria(raw);
  if (criteria === undefined) return;
  const quantitative = criteria.filter(
    (criterion) => criterion.kind === "quantitative",
  );

  list(field(raw, "bidders")).forEach((bidder, index) => {
    const path = `bidders[${index}].quantitativeScores`;
    const scores = field(bidder, "quantitativeScores");
    if (scores === undefined) {
      if (quantitative.length > 0) {
        issues.push({
          path,
          message:
            "is missing; give one score per quantitative criterion, in " +
            `order: ${quoteNames(quantitative)}`,
        });
      }
      return;
    }
    if (!Array.isArray(scores)) return;

    if (scores.length !== quantitative.length) {
      const fix =
        quantitative.length === 0
          ? "there is no quantitative criterion; remove it"
          : `the round has ${countOf(quantitative.length, "quantitative criterion", "quantitative criteria")}; ` +
            `give one score for each, in order: ${quoteNames(quantitative)}`;
      issues.push({
        path,
        message: `has ${countOf(scores.length, "score", "scores")} but ${fix}`,
      });
      return;
    }

    scores.forEach((score, position) => {
      const points = valid(pointsSchema, score);
      const criterion = quantitative[position];
      const maximum = criterion.maxPoints;
      if (points === undefined || maximum === undefined) return;
      if (toHundredths(points) > toHundredths(maximum)) {
        issues.push({
          path: `${path}[${position}]`,
          message:
            `is ${points} but criterion "${criterion.name}" allows at ` +
            `most ${maximum}`,
        });
      }
    });
  });
}
