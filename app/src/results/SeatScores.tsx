import { useTranslation } from "react-i18next";

import { formatPoints } from "../lib/format.ts";
import type { EvaluationRecord } from "./record.ts";
import { evaluatorLetter, shuffledSeats } from "./seats.ts";

/**
 * Every revealed sheet with its scores and comments. Evaluators are shown
 * as "Evaluator A, B, …" in the order the lottery seed gives, never by
 * name or seat.
 */
export function SeatScores({ record }: { record: EvaluationRecord }) {
  const { t, i18n } = useTranslation();
  const { params } = record.created;
  const criteria = params.criteria.filter(
    (criterion) => !criterion.quantitative,
  );
  const seed = record.result?.lotterySeed;
  if (!seed || record.reveals.length === 0) return null;
  const order = shuffledSeats(
    record.reveals.map((reveal) => reveal.seat),
    seed,
  );
  const sheetOf = (seat: number) =>
    record.reveals.find((reveal) => reveal.seat === seat)!;
  const total = (scores: number[], bidder: number) =>
    scores
      .slice(bidder * criteria.length, (bidder + 1) * criteria.length)
      .reduce((sum, score) => sum + score, 0);

  return (
    <section aria-labelledby="seat-scores">
      <h2 id="seat-scores">{t("results.seatScores")}</h2>
      <p className="hint">{t("results.seatScoresNote")}</p>
      <div
        className="table-scroll"
        tabIndex={0}
        role="region"
        aria-labelledby="seat-scores"
      >
        <table>
          <thead>
            <tr>
              <th scope="col">{t("result.bidder")}</th>
              {order.map((seat, index) => (
                <th scope="col" key={seat}>
                  {t("results.evaluator", { label: evaluatorLetter(index) })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {params.bidders.map((bidder, b) => (
              <tr key={b}>
                <th scope="row">{bidder.name}</th>
                {order.map((seat) => (
                  <td key={seat} className="number">
                    {formatPoints(
                      total(sheetOf(seat).scores, b),
                      i18n.language,
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {order.map((seat, index) => {
        const label = t("results.evaluator", { label: evaluatorLetter(index) });
        const sheet = sheetOf(seat);
        const id = `sheet-${index}`;
        return (
          <details key={seat} className="sheet-detail">
            <summary>{t("results.sheetOf", { label })}</summary>
            <div
              className="table-scroll"
              tabIndex={0}
              role="region"
              aria-label={t("results.sheetOf", { label })}
            >
              <table id={id}>
                <thead>
                  <tr>
                    <th scope="col">{t("result.bidder")}</th>
                    {criteria.map((criterion, c) => (
                      <th scope="col" key={c}>
                        {criterion.name} (
                        {formatPoints(criterion.maxPoints, i18n.language)})
                      </th>
                    ))}
                    <th scope="col">{t("result.total")}</th>
                    <th scope="col">{t("results.comment")}</th>
                  </tr>
                </thead>
                <tbody>
                  {params.bidders.map((bidder, b) => (
                    <tr key={b}>
                      <th scope="row">{bidder.name}</th>
                      {criteria.map((_criterion, c) => (
                        <td key={c} className="number">
                          {formatPoints(
                            sheet.scores[b * criteria.length + c],
                            i18n.language,
                          )}
                        </td>
                      ))}
                      <td className="number">
                        {formatPoints(total(sheet.scores, b), i18n.language)}
                      </td>
                      <td>{sheet.comments[b] || "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        );
      })}
    </section>
  );
}
