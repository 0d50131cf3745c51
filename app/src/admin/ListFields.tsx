import { useTranslation } from "react-i18next";

import { FormField } from "./FormField.tsx";
import {
  emptyBidder,
  type BidderDraft,
  type CriterionDraft,
} from "./round-form.ts";

/** The criteria section: name, maximum and kind per criterion. */
export function CriteriaFields({
  criteria,
  errors,
  onChange,
}: {
  criteria: CriterionDraft[];
  errors: Map<string, string[]>;
  onChange: (criteria: CriterionDraft[]) => void;
}) {
  const { t } = useTranslation();
  const update = (index: number, change: Partial<CriterionDraft>) =>
    onChange(
      criteria.map((item, i) => (i === index ? { ...item, ...change } : item)),
    );
  return (
    <fieldset>
      <legend>{t("form.criteria")}</legend>
      {criteria.map((criterion, index) => {
        const n = index + 1;
        return (
          <div className="form-row" key={index}>
            <FormField
              path={`criteria[${index}].name`}
              label={t("form.criterionName", { index: n })}
              errors={errors}
              className="wide"
            >
              {(props) => (
                <input
                  {...props}
                  type="text"
                  value={criterion.name}
                  onChange={(event) =>
                    update(index, { name: event.target.value })
                  }
                />
              )}
            </FormField>
            <FormField
              path={`criteria[${index}].maxPoints`}
              label={t("form.criterionMax", { index: n })}
              errors={errors}
            >
              {(props) => (
                <input
                  {...props}
                  type="text"
                  inputMode="decimal"
                  value={criterion.maxPoints}
                  onChange={(event) =>
                    update(index, { maxPoints: event.target.value })
                  }
                />
              )}
            </FormField>
            <FormField
              path={`criteria[${index}].kind`}
              label={t("form.criterionKind", { index: n })}
              errors={errors}
            >
              {(props) => (
                <select
                  {...props}
                  value={criterion.kind}
                  onChange={(event) =>
                    update(index, {
                      kind: event.target.value as CriterionDraft["kind"],
                    })
                  }
                >
                  <option value="qualitative">{t("form.qualitative")}</option>
                  <option value="quantitative">{t("form.quantitative")}</option>
                </select>
              )}
            </FormField>
            <button
              type="button"
              className="quiet"
              disabled={criteria.length === 1}
              onClick={() => onChange(criteria.filter((_, i) => i !== index))}
            >
              {t("form.removeCriterion", { index: n })}
            </button>
          </div>
        );
      })}
      {(errors.get("criteria") ?? []).map((message) => (
        <p key={message} className="field-error">
          {message}
        </p>
      ))}
      <button
        type="button"
        onClick={() =>
          onChange([
            ...criteria,
            { name: "", maxPoints: "", kind: "qualitative" },
          ])
        }
      >
        {t("form.addCriterion")}
      </button>
    </fieldset>
  );
}

/** The bidders section, in presentation order, with the price input the formula needs. */
export function BidderFields({
  bidders,
  criteria,
  priceFormula,
  errors,
  onChange,
}: {
  bidders: BidderDraft[];
  criteria: CriterionDraft[];
  priceFormula: string;
  errors: Map<string, string[]>;
  onChange: (bidders: BidderDraft[]) => void;
}) {
  const { t } = useTranslation();
  const quantitative = criteria.filter(
    (criterion) => criterion.kind === "quantitative",
  );
  const update = (index: number, change: Partial<BidderDraft>) =>
    onChange(
      bidders.map((item, i) => (i === index ? { ...item, ...change } : item)),
    );
  return (
    <fieldset>
      <legend>{t("form.bidders")}</legend>
      {bidders.map((bidder, index) => {
        const n = index + 1;
        const given = priceFormula === "given";
        const priceField = given ? "priceScore" : "bidPrice";
        return (
          <div className="form-row" key={index}>
            <FormField
              path={`bidders[${index}].name`}
              label={t("form.bidderName", { index: n })}
              errors={errors}
              className="wide"
            >
              {(props) => (
                <input
                  {...props}
                  type="text"
                  value={bidder.name}
                  onChange={(event) =>
                    update(index, { name: event.target.value })
                  }
                />
              )}
            </FormField>
            <FormField
              path={`bidders[${index}].${priceField}`}
              label={
                given
                  ? t("form.priceScore", { index: n })
                  : t("form.bidPrice", { index: n })
              }
              errors={errors}
            >
              {(props) => (
                <input
                  {...props}
                  type="text"
                  inputMode={given ? "decimal" : "numeric"}
                  value={bidder[priceField]}
                  onChange={(event) =>
                    update(index, { [priceField]: event.target.value })
                  }
                />
              )}
            </FormField>
            {quantitative.map((criterion, q) => (
              <FormField
                key={q}
                path={`bidders[${index}].quantitativeScores[${q}]`}
                label={t("form.quantitativeScore", {
                  index: n,
                  criterion: criterion.name || q + 1,
                })}
                errors={errors}
              >
                {(props) => (
                  <input
                    {...props}
                    type="text"
                    inputMode="decimal"
                    value={bidder.quantitativeScores[q] ?? ""}
                    onChange={(event) => {
                      const scores = quantitative.map(
                        (_, k) => bidder.quantitativeScores[k] ?? "",
                      );
                      scores[q] = event.target.value;
                      update(index, { quantitativeScores: scores });
                    }}
                  />
                )}
              </FormField>
            ))}
            <button
              type="button"
              className="quiet"
              disabled={bidders.length === 1}
              onClick={() => onChange(bidders.filter((_, i) => i !== index))}
            >
              {t("form.removeBidder", { index: n })}
            </button>
          </div>
        );
      })}
      {(errors.get("bidders") ?? []).map((message) => (
        <p key={message} className="field-error">
          {message}
        </p>
      ))}
      <button
        type="button"
        onClick={() => onChange([...bidders, emptyBidder(quantitative.length)])}
      >
        {t("form.addBidder")}
      </button>
    </fieldset>
  );
}
