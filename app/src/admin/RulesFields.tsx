import { useTranslation } from "react-i18next";

import { FormField } from "./FormField.tsx";
import { PRESETS, type PresetName, type RulesDraft } from "./round-form.ts";

const TIE_STEPS = ["technical", "largest-criterion", "lottery"] as const;

/** The rules section: a preset, then every rule it set, still editable. */
export function RulesFields({
  rules,
  errors,
  onChange,
}: {
  rules: RulesDraft;
  errors: Map<string, string[]>;
  onChange: (rules: RulesDraft) => void;
}) {
  const { t } = useTranslation();
  const set = (field: keyof RulesDraft) => (value: string) =>
    onChange({ ...rules, [field]: value });
  const preset =
    (Object.keys(PRESETS) as PresetName[]).find(
      (name) => PRESETS[name].version === rules.version,
    ) ?? "";

  const text = (
    field: keyof RulesDraft,
    label: string,
    inputMode?: "decimal" | "numeric",
  ) => (
    <FormField path={`rules.${field}`} label={label} errors={errors}>
      {(props) => (
        <input
          {...props}
          type="text"
          inputMode={inputMode}
          value={rules[field] as string}
          onChange={(event) => set(field)(event.target.value)}
        />
      )}
    </FormField>
  );
  const select = (
    field: keyof RulesDraft,
    label: string,
    options: [string, string][],
  ) => (
    <FormField path={`rules.${field}`} label={label} errors={errors}>
      {(props) => (
        <select
          {...props}
          value={rules[field] as string}
          onChange={(event) => set(field)(event.target.value)}
        >
          {options.map(([value, name]) => (
            <option key={value} value={value}>
              {name}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );

  return (
    <fieldset>
      <legend>{t("form.rules")}</legend>
      <div className="form-grid">
        <FormField path="preset" label={t("form.preset")} errors={errors}>
          {(props) => (
            <select
              {...props}
              value={preset}
              onChange={(event) => {
                const name = event.target.value as PresetName;
                if (PRESETS[name]) {
                  onChange({
                    ...PRESETS[name],
                    estimatedPrice: rules.estimatedPrice,
                  });
                }
              }}
            >
              {preset === "" && <option value="">—</option>}
              <option value="kr-80-20">{t("form.presetKr8020")}</option>
              <option value="kr-90-10">{t("form.presetKr9010")}</option>
              <option value="uk-80-20">{t("form.presetUk8020")}</option>
            </select>
          )}
        </FormField>
        {text("version", t("form.version"))}
        {text("technicalWeight", t("form.technicalWeight"), "decimal")}
        {text("priceWeight", t("form.priceWeight"), "decimal")}
        {select("trim", t("form.trim"), [
          ["high-low-total", t("form.trimTotal")],
          ["high-low-criterion", t("form.trimCriterion")],
          ["none", t("form.trimNone")],
        ])}
        {select("technicalScoring", t("form.technicalScoring"), [
          ["absolute", t("form.absolute")],
          ["relative-to-best", t("form.relative")],
        ])}
        {select("priceFormula", t("form.priceFormula"), [
          ["kr-negotiated", t("form.krNegotiated")],
          ["lowest-over-bid", t("form.lowestOverBid")],
          ["given", t("form.given")],
        ])}
        {rules.priceFormula === "kr-negotiated" &&
          text("estimatedPrice", t("form.estimatedPrice"), "numeric")}
        {text("qualifyingPercent", t("form.qualifyingPercent"), "numeric")}
        {text("minEvaluators", t("form.minEvaluators"), "numeric")}
      </div>
      <fieldset className="tie-break">
        <legend>{t("form.tieBreak")}</legend>
        {TIE_STEPS.map((step) => (
          <label key={step} className="check">
            <input
              type="checkbox"
              checked={rules.tieBreak.includes(step)}
              onChange={(event) =>
                onChange({
                  ...rules,
                  tieBreak: TIE_STEPS.filter((candidate) =>
                    candidate === step
                      ? event.target.checked
                      : rules.tieBreak.includes(candidate),
                  ),
                })
              }
            />
            <span>
              {step === "technical"
                ? t("form.tieTechnical")
                : step === "lottery"
                  ? t("form.tieLottery")
                  : t("form.tieLargest")}
            </span>
          </label>
        ))}
        {(errors.get("rules.tieBreak") ?? []).map((message) => (
          <p key={message} className="field-error">
            {message}
          </p>
        ))}
      </fieldset>
    </fieldset>
  );
}
