import { useTranslation } from "react-i18next";

import { formatKst } from "../lib/format.ts";
import type { ReadFailure } from "./read-failure.tsx";
import { useFailureReason } from "./read-failure.tsx";

/** Refreshes of a public page failing or overdue since `since` (UTC seconds). */
export interface StaleState {
  since: number;
  /**
   * When the last successful read completed (UTC seconds), which is when
   * the page was last updated. Undefined when no read has succeeded.
   */
  lastSuccess?: number;
  /** The latest failure, or undefined while a read is only overdue. */
  failure?: ReadFailure;
  /** Seconds after which a pending read counts as overdue, set while one is. */
  overdueAfter?: number;
}

/**
 * Returns the stale state after one more failed refresh: the time of the
 * first failure in a row is kept and the failure is the latest one.
 */
export function nextStale(
  previous: StaleState | undefined,
  failure: ReadFailure,
  lastSuccess: number | undefined,
  now = Date.now() / 1000,
): StaleState {
  return { since: previous?.since ?? now, lastSuccess, failure };
}

/**
 * Returns the stale state when a read has been pending for `overdueAfter`
 * seconds. An earlier failure in the same row stays as the reason.
 */
export function overdueStale(
  previous: StaleState | undefined,
  overdueAfter: number,
  lastSuccess: number | undefined,
  now = Date.now() / 1000,
): StaleState {
  return {
    since: previous?.since ?? now,
    lastSuccess,
    failure: previous?.failure,
    overdueAfter,
  };
}

/** Returns the translated reason of a stale state: the failure or the overdue read. */
export function useStaleReason(): (stale: StaleState) => string {
  const { t } = useTranslation();
  const reason = useFailureReason();
  return (stale) =>
    stale.failure
      ? reason(stale.failure)
      : t("results.readOverdue", { seconds: stale.overdueAfter });
}

/**
 * Warns that the page shows what was read at `block`, when it was last
 * updated, and that the page keeps retrying. Without a successful read it
 * dates the warning from the first failed refresh. The error's own text
 * stays on a details line for support.
 */
export function StaleNotice({
  stale,
  block,
}: {
  stale: StaleState;
  block: bigint;
}) {
  const { t, i18n } = useTranslation();
  const reason = useStaleReason();
  const text =
    stale.lastSuccess === undefined
      ? t("results.staleSince", {
          since: formatKst(Math.floor(stale.since), i18n.language),
          block: block.toString(),
        })
      : t("results.staleAfterUpdate", {
          updated: formatKst(Math.floor(stale.lastSuccess), i18n.language),
          block: block.toString(),
        });
  return (
    <div
      className="notice stale-notice"
      role="alert"
      data-stale-since={stale.since}
      data-last-success={stale.lastSuccess}
    >
      <p>{text}</p>
      <p>{reason(stale)}</p>
      {stale.failure && (
        <p className="hint failure-detail">
          {t("results.errorDetail")}{" "}
          <span lang="en">{stale.failure.detail}</span>
        </p>
      )}
    </div>
  );
}
