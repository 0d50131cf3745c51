import { useTranslation } from "react-i18next";

import { formatKst } from "../lib/format.ts";
import type { ReadFailure } from "./read-failure.tsx";
import { useFailureReason } from "./read-failure.tsx";

/** Refreshes of a public page failing since `since` (UTC seconds). */
export interface StaleState {
  since: number;
  /** The latest failure. */
  failure: ReadFailure;
}

/**
 * Returns the stale state after one more failed refresh: the time of the
 * first failure in a row is kept and the failure is the latest one.
 */
export function nextStale(
  previous: StaleState | undefined,
  failure: ReadFailure,
  now = Date.now() / 1000,
): StaleState {
  return { since: previous?.since ?? now, failure };
}

/**
 * Warns that the page shows what was read at `block` because refreshes
 * have failed since `stale.since`, and that the page keeps retrying. The
 * error's own text stays on a details line for support.
 */
export function StaleNotice({
  stale,
  block,
}: {
  stale: StaleState;
  block: bigint;
}) {
  const { t, i18n } = useTranslation();
  const reason = useFailureReason();
  return (
    <div
      className="notice stale-notice"
      role="alert"
      data-stale-since={stale.since}
    >
      <p>
        {t("results.staleSince", {
          since: formatKst(Math.floor(stale.since), i18n.language),
          block: block.toString(),
        })}
      </p>
      <p>{reason(stale.failure)}</p>
      <p className="hint failure-detail">
        {t("results.errorDetail")} <span lang="en">{stale.failure.detail}</span>
      </p>
    </div>
  );
}
