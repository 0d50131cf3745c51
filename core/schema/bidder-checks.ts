import { toHundredths, toTenThousandths } from "../units.ts";
import { pointsSchema, priceScoreSchema, weightSchema } from "./fields.ts";
import { fileIssue, type FileIssue } from "./issues.ts";
import {
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

/** Checks that each bidder has exactly the price data its formula uses. */
export function checkPrices(raw: unknown, issues: FileIssue[]): void {
  const formula = valid(
    rulesSchema.shape.priceFormula,
    ruleField(raw, "priceFormula"),
  );
  if (formula === undefined) return;

  const hasEstimate = ruleField(raw, "estimatedPrice") !== undefined;
  if (formula === "kr-negotiated" && !hasEstimate) {
    issues.push(fileIssue("rules.estimatedPrice", "estimated_price_missing"));
  }
  if (formula !== "kr-negotiated" && hasEstimate) {
    issues.push(
      fileIssue("rules.estimatedPrice", "estimated_price_unused", { formula }),
    );
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
        issues.push(fileIssue(`${path}.bidPrice`, "bid_price_unused"));
      }
      if (priceScoreRaw === undefined) {
        issues.push(fileIssue(`${path}.priceScore`, "price_score_missing"));
      }
      const priceScore = valid(priceScoreSchema, priceScoreRaw);
      if (
        priceScore !== undefined &&
        priceWeight !== undefined &&
        toTenThousandths(priceScore) > toTenThousandths(priceWeight)
      ) {
        issues.push(
          fileIssue(`${path}.priceScore`, "price_score_above_weight", {
            priceScore,
            priceWeight,
          }),
        );
      }
      return;
    }

    if (!hasBid) {
      issues.push(
        fileIssue(`${path}.bidPrice`, "bid_price_missing", { formula }),
      );
    }
    if (priceScoreRaw !== undefined) {
      issues.push(
        fileIssue(`${path}.priceScore`, "price_score_unused", { formula }),
      );
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
        issues.push(
          fileIssue(path, "quantitative_scores_missing", {
            criteria: quoteNames(quantitative),
          }),
        );
      }
      return;
    }
    if (!Array.isArray(scores)) return;

    if (scores.length !== quantitative.length) {
      issues.push(
        quantitative.length === 0
          ? fileIssue(path, "quantitative_scores_unexpected", {
              count: scores.length,
            })
          : fileIssue(path, "quantitative_scores_count", {
              count: scores.length,
              expected: quantitative.length,
              criteria: quoteNames(quantitative),
            }),
      );
      return;
    }

    scores.forEach((score, position) => {
      const points = valid(pointsSchema, score);
      const criterion = quantitative[position];
      const maximum = criterion.maxPoints;
      if (points === undefined || maximum === undefined) return;
      if (toHundredths(points) > toHundredths(maximum)) {
        issues.push(
          fileIssue(`${path}[${position}]`, "score_above_max", {
            points,
            criterion: criterion.name,
            maximum,
          }),
        );
      }
    });
  });
}
