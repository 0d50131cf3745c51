import { useId, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

import type { RoundCriterion, RoundInfo } from "../chain/round.ts";
import { formatKst, formatPoints } from "../lib/format.ts";
import { checkSheet } from "../lib/scores.ts";
import type { Draft } from "../storage/tablet-store.ts";
import { Screen } from "../ui/Screen.tsx";
import { BidderTabs } from "./BidderTabs.tsx";
import { ScoreField } from "./ScoreField.tsx";

/**
 * The score sheet: one tab per bidder in presentation order, a field per
 * qualitative criterion, a comment, and running subtotals on the tabs.
 */
export function SheetScreen({
  round,
  criteria,
  seat,
  draft,
  savedAt,
  saveError,
  editingSubmitted,
  status,
  onScore,
  onComment,
  onReview,
  onRecuse,
  onCancelEdit,
}: {
  round: RoundInfo;
  criteria: RoundCriterion[];
  seat: number;
  draft: Draft;
  savedAt?: number;
  saveError?: string;
  editingSubmitted: boolean;
  status?: ReactNode;
  onScore: (bidder: number, criterion: number, text: string) => void;
  onComment: (bidder: number, text: string) => void;
  onReview: () => void;
  onRecuse?: () => void;
  onCancelEdit?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [active, setActive] = useState(0);
  const panelId = useId();
  const maxima = criteria.map((criterion) => criterion.maxPoints);
  const maxTotal = maxima.reduce((sum, max) => sum + max, 0);
  const check = checkSheet(draft.scores, maxima);
  const missing = check.scores.flat().filter((value) => value === null).length;
  const bidder = round.bidders[active];
  const total = (hundredths: number) =>
    t("sheet.subtotalValue", {
      total: formatPoints(hundredths, language),
      max: formatPoints(maxTotal, language),
    });

  return (
    <Screen title={t("sheet.title")} className="sheet">
      <p className="round-line">
        {round.title} · {t("app.seat", { seat: seat + 1 })} ·{" "}
        {t("sheet.deadline", {
          time: formatKst(round.scoringDeadline, language),
        })}
      </p>
      {status}
      {editingSubmitted && <p className="notice">{t("sheet.submitted")}</p>}
      <BidderTabs
        label={t("sheet.bidders")}
        labels={round.bidders.map((item) => item.name)}
        details={check.totals.map(total)}
        active={active}
        onSelect={setActive}
        panelId={panelId}
      />
      <div
        id={panelId}
        role="tabpanel"
        aria-labelledby={`${panelId}-tab-${active}`}
        className="bidder-panel"
      >
        <h2>{bidder.name}</h2>
        <div className="criteria">
          {criteria.map((criterion, q) => (
            <ScoreField
              key={`${active}-${q}`}
              criterion={criterion.name}
              maxPoints={criterion.maxPoints}
              value={draft.scores[active][q]}
              onChange={(text) => onScore(active, q, text)}
            />
          ))}
        </div>
        <label className="comment">
          <span>{t("sheet.comment", { name: bidder.name })}</span>
          <textarea
            value={draft.comments[active]}
            rows={3}
            onChange={(event) => onComment(active, event.target.value)}
          />
        </label>
        <p className="subtotal" aria-live="polite">
          {t("sheet.subtotal")}: {total(check.totals[active])}
        </p>
      </div>
      <p className="save-state" aria-live="polite">
        {saveError
          ? t("sheet.notSaved", { message: saveError })
          : savedAt
            ? t("sheet.saved", {
                time: formatKst(savedAt / 1000, language, "time"),
              })
            : ""}
      </p>
      <div className="actions sheet-actions">
        <button
          type="button"
          onClick={() => setActive(active - 1)}
          disabled={active === 0}
        >
          {t("sheet.previous")}
        </button>
        <button
          type="button"
          onClick={() => setActive(active + 1)}
          disabled={active === round.bidders.length - 1}
        >
          {t("sheet.next")}
        </button>
        <span className="spacer" />
        {missing > 0 && (
          <span className="missing">
            {t("sheet.missing", { count: missing })}
          </span>
        )}
        <button type="button" className="primary" onClick={onReview}>
          {t("sheet.review")}
        </button>
      </div>
      <div className="actions secondary-actions">
        {onCancelEdit && (
          <button type="button" onClick={onCancelEdit}>
            {t("review.cancel")}
          </button>
        )}
        {onRecuse && (
          <button type="button" className="quiet" onClick={onRecuse}>
            {t("sheet.recuse")}
          </button>
        )}
      </div>
    </Screen>
  );
}
