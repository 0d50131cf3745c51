import { useId } from "react";
import { useTranslation } from "react-i18next";

import { formatPoints } from "../lib/format.ts";
import { parseScore, stepScore } from "../lib/scores.ts";

/**
 * One criterion's score: a text field for decimal input between − and +
 * buttons that move by one point. A value above the maximum or with three
 * decimals stays visible, marked invalid, with a message under the field.
 */
export function ScoreField({
  criterion,
  maxPoints,
  value,
  onChange,
  disabled = false,
}: {
  criterion: string;
  /** Hundredths of a point. */
  maxPoints: number;
  value: string;
  onChange: (text: string) => void;
  disabled?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const max = formatPoints(maxPoints, i18n.language);
  const parsed = parseScore(value, maxPoints);
  const problem =
    !parsed.ok && parsed.problem !== "empty" ? parsed.problem : undefined;
  const messages = {
    "above-max": t("score.aboveMax", { max }),
    decimals: t("score.decimals"),
    format: t("score.format"),
  };

  return (
    <div className={`score-field${problem ? " invalid" : ""}`}>
      <label htmlFor={id}>
        <span className="criterion-name">{criterion}</span>
        <span className="max-points">{t("sheet.maxPoints", { max })}</span>
      </label>
      <div className="stepper">
        <button
          type="button"
          aria-label={t("sheet.decrease", { criterion })}
          onClick={() => onChange(stepScore(value, -100, maxPoints))}
          disabled={disabled}
        >
          −
        </button>
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          enterKeyHint="next"
          value={value}
          aria-label={t("sheet.scoreLabel", { criterion, max })}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-error` : undefined}
          onChange={(event) => onChange(event.target.value)}
          disabled={disabled}
        />
        <button
          type="button"
          aria-label={t("sheet.increase", { criterion })}
          onClick={() => onChange(stepScore(value, 100, maxPoints))}
          disabled={disabled}
        >
          +
        </button>
      </div>
      {problem && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {messages[problem]}
        </p>
      )}
    </div>
  );
}
