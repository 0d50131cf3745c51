import { useTranslation } from "react-i18next";

import { formatKst } from "../lib/format.ts";
import type { ChainReason } from "./source.ts";

/**
 * Shows the "as of block N, time (KST)" line of a public page with the source
 * of its data, and in plain words why the chain is read directly or where
 * the indexer disagreed with the contract.
 */
export function SourceNote({
  source,
  reason,
  block,
  time,
  countsDiffered = false,
  resultDiffered = false,
}: {
  source: "indexer" | "chain";
  reason?: ChainReason;
  block: bigint;
  time?: number;
  countsDiffered?: boolean;
  resultDiffered?: boolean;
}) {
  const { t, i18n } = useTranslation();
  return (
    <div className="source-note" data-source={source}>
      <p className="as-of">
        {t("results.asOf", {
          block: block.toString(),
          time: formatKst(time, i18n.language),
        })}{" "}
        · {t(`results.source_${source}`)}
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
