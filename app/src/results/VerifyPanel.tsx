import { useState } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { Address, PublicClient } from "viem";

import { verifyRound, type VerifyReport } from "./record.ts";
import {
  describeReadFailure,
  FailureMessage,
  useFailureReason,
  type ReadFailure,
} from "./read-failure.tsx";

function summaryOf(report: VerifyReport, t: TFunction): string {
  const count = (outcome: string) =>
    report.checks.filter((check) => check.outcome === outcome).length;
  if (!report.ok) return t("results.notVerified", { count: count("failed") });
  if (report.cancelled !== null) {
    return t("results.verifiedCancelled", {
      passed: count("passed"),
      cancelled: count("cancelled"),
      block: report.cancelled.block,
      reason: report.cancelled.reason,
    });
  }
  return t("results.verified", { count: report.checks.length });
}

/**
 * The Verify button: reads the round's record from raw chain events
 * through /rpc and runs every check of core/verify in the browser. Each
 * check shows its outcome, its translated label and core's detail, which
 * core writes in English. On a cancelled round the checks that need a
 * result show that they do not apply, as `jurybox verify` prints them.
 */
export function VerifyPanel({
  client,
  registry,
  roundId,
}: {
  client: PublicClient;
  registry: Address;
  roundId: bigint;
}) {
  const { t } = useTranslation();
  const [report, setReport] = useState<VerifyReport>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ReadFailure>();
  const reason = useFailureReason();

  async function verify() {
    setBusy(true);
    setError(undefined);
    try {
      setReport(await verifyRound(client, registry, roundId));
    } catch (cause) {
      setError(describeReadFailure(cause));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="verify" aria-labelledby="verify-title">
      <h2 id="verify-title">{t("results.verifyTitle")}</h2>
      <p className="hint">{t("results.verifyNote")}</p>
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => void verify()}
        >
          {busy ? t("results.verifying") : t("results.verify")}
        </button>
      </div>
      {error && (
        <FailureMessage
          text={t("results.failed", { message: reason(error) })}
          failure={error}
        />
      )}
      {report && (
        <>
          <p role="status" className={report.ok ? "winner" : "field-error"}>
            {summaryOf(report, t)}
          </p>
          <ul className="checks">
            {report.checks.map((check) => (
              <li
                key={check.id}
                className={check.ok ? "ok" : "bad"}
                data-ok={check.ok}
                data-outcome={check.outcome}
                data-check={check.id}
              >
                <span className="check-mark">
                  {t(`results.outcome_${check.outcome}`)}
                </span>{" "}
                <strong>
                  {t(`results.check.${check.id}`, {
                    defaultValue: check.label,
                  })}
                </strong>
                <br />
                <span className="check-detail" lang="en">
                  {check.detail}
                </span>
                {check.problems.length > 0 && (
                  <ul className="problems" lang="en">
                    {check.problems.map((problem, index) => (
                      <li key={index}>{problem}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
