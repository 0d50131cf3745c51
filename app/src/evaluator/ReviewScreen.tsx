import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

import type { RoundCriterion, RoundInfo } from "../chain/round.ts";
import { formatPoints } from "../lib/format.ts";
import { checkSheet } from "../lib/scores.ts";
import type { Draft } from "../storage/tablet-store.ts";
import { ConfirmDialog } from "../ui/ConfirmDialog.tsx";
import { Screen } from "../ui/Screen.tsx";

/** The whole sheet at a glance, and the one confirmation that signs it. */
export function ReviewScreen({
  round,
  criteria,
  draft,
  status,
  onBack,
  onSubmit,
}: {
  round: RoundInfo;
  criteria: RoundCriterion[];
  draft: Draft;
  status?: ReactNode;
  onBack: () => void;
  onSubmit: (scores: number[]) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const check = checkSheet(
    draft.scores,
    criteria.map((criterion) => criterion.maxPoints),
  );
  const ready = check.complete && check.problems === 0;

  async function submit() {
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit(check.scores.flat() as number[]);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
      setBusy(false);
      setConfirming(false);
    }
  }

  return (
    <Screen title={t("review.title")} className="review">
      {status}
      <p>{t("review.intro")}</p>
      {!ready && (
        <p className="field-error" role="alert">
          {t("review.incomplete")}
        </p>
      )}
      <div
        className="table-scroll"
        tabIndex={0}
        role="region"
        aria-label={t("review.title")}
      >
        <table>
          <thead>
            <tr>
              <th scope="col">{t("result.bidder")}</th>
              {criteria.map((criterion) => (
                <th scope="col" key={criterion.name}>
                  {criterion.name}
                  <span className="max-points">
                    {" "}
                    ({formatPoints(criterion.maxPoints, language)})
                  </span>
                </th>
              ))}
              <th scope="col">{t("review.total")}</th>
            </tr>
          </thead>
          <tbody>
            {round.bidders.map((bidder, b) => (
              <tr key={bidder.name}>
                <th scope="row">{bidder.name}</th>
                {criteria.map((criterion, q) => {
                  const value = check.scores[b][q];
                  return (
                    <td
                      key={criterion.name}
                      className={value === null ? "invalid" : ""}
                    >
                      {value === null
                        ? draft.scores[b][q] || "—"
                        : formatPoints(value, language)}
                    </td>
                  );
                })}
                <td className="total">
                  {formatPoints(check.totals[b], language)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t("review.comments")}</h2>
      <dl className="comments">
        {round.bidders.map((bidder, b) => (
          <div key={bidder.name}>
            <dt>{bidder.name}</dt>
            <dd>{draft.comments[b] || t("review.noComment")}</dd>
          </div>
        ))}
      </dl>
      <div className="actions">
        <button type="button" onClick={onBack}>
          {t("review.back")}
        </button>
        <button
          type="button"
          className="primary"
          disabled={!ready}
          onClick={() => setConfirming(true)}
        >
          {t("review.submit")}
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {confirming && (
        <ConfirmDialog
          title={t("review.confirmTitle")}
          confirmLabel={busy ? t("review.signing") : t("review.confirm")}
          cancelLabel={t("review.cancel")}
          onConfirm={() => void submit()}
          onCancel={() => setConfirming(false)}
          busy={busy}
        >
          <p>{t("review.confirmBody")}</p>
        </ConfirmDialog>
      )}
    </Screen>
  );
}
