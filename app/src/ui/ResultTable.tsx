import { useTranslation } from "react-i18next";

import type { RoundProgress } from "../chain/progress.ts";
import type { RoundInfo } from "../chain/round.ts";
import { formatKst, formatResultScore } from "../lib/format.ts";

/** The finalised result in rank order, with the preferred bidder named. */
export function ResultTable({
  round,
  finalized,
}: {
  round: RoundInfo;
  finalized: NonNullable<RoundProgress["finalized"]>;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const rows = finalized.results
    .map((result, index) => ({ ...result, name: round.bidders[index]?.name }))
    .sort((a, b) => a.rankByTotal - b.rankByTotal);
  const winner = rows.find((row) => row.negotiationOrder === 1);

  return (
    <div className="result">
      <p className="winner" role="status">
        {winner
          ? t("result.winner", { name: winner.name })
          : t("result.noWinner")}
      </p>
      <div
        className="table-scroll"
        tabIndex={0}
        role="region"
        aria-label={t("result.caption")}
      >
        <table>
          <caption>{t("result.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("result.rank")}</th>
              <th scope="col">{t("result.bidder")}</th>
              <th scope="col">{t("result.technical")}</th>
              <th scope="col">{t("result.price")}</th>
              <th scope="col">{t("result.total")}</th>
              <th scope="col">{t("result.qualified")}</th>
              <th scope="col">{t("result.order")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={row.name}
                className={row.negotiationOrder === 1 ? "winner-row" : ""}
              >
                <td>{row.rankByTotal}</td>
                <th scope="row">{row.name}</th>
                <td className="number">
                  {formatResultScore(row.technical, language)}
                </td>
                <td className="number">
                  {formatResultScore(row.price, language)}
                </td>
                <td className="number">
                  {formatResultScore(row.total, language)}
                </td>
                <td>{row.qualified ? t("result.yes") : t("result.no")}</td>
                <td>{row.negotiationOrder || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="as-of">
        {t("result.asOf", {
          block: finalized.block.toString(),
          time: formatKst(finalized.at, language),
        })}
      </p>
    </div>
  );
}
