import { useTranslation } from "react-i18next";

import { formatKst } from "../lib/format.ts";
import type { ChainReason } from "./source.ts";

/**
 * Shows the "as of block N, time (KST)" line of a public page with the source
 * of its data, and in plain words why the chain is read directly or where
 * the indexer disagreed with the contract. While `stale` is set, the line
 * is marked as not updating, because refreshes fail.
 */
export function SourceNote({
  source,
  reason,
  block,
  time,
  countsDiffered = false,
  resultDiffered = false,
  stale = false,
}: {
  source: "indexer" | "chain";
  reason?: ChainReason;
  block: bigint;
  time?: number;
  countsDiffered?: boolean;
  resultDiffered?: boolean;
  stale?: boolean;
}) {
  const { t, i18n } = useTranslation();
  return (
    <div className="source-note" data-source={source} data-stale={stale}>
      <p className={stale ? "as-of stale" : "as-of"}>
        {t("results.asOf", {
          block: block.toString(),
          time: formatKst(time, i18n.language),
        })}{" "}
        · {t(`results.source_${source}`)}
        {stale && <> · {t("results.notUpdating")}</>}
      </p>
      <div role="status">
        {reason && (
          <p className="notice" data-reason={reason.kind}>
            {t(`results.chainBecause_${reason.kind}`, {
              seconds: reason.kind === "behind" ? reason.seconds : undefined,
            })}
          </p>
        )}
        {countsDiffered && (
          <p className="notice" data-differed="counts">
            {t("results.countsDiffered")}
          </p>
        )}
        {resultDiffered && (
          <p className="notice" data-differed="result">
            {t("results.resultDiffered")}
          </p>
        )}
      </div>
    </div>
  );
}
