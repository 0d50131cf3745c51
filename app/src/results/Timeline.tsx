import { useTranslation } from "react-i18next";

import { formatKst } from "../lib/format.ts";
import type { EvaluationRecord } from "./record.ts";

interface Step {
  kind: string;
  seat?: number;
  block: number;
  logIndex: number;
  timestamp: number;
  transactionHash: string;
  pledgeHash?: string;
}

function stepsOf(record: EvaluationRecord): Step[] {
  const steps: Step[] = [{ kind: "created", ...record.created }];
  for (const entry of record.reissues)
    steps.push({ kind: "reissued", ...entry });
  for (const entry of record.claims) steps.push({ kind: "claimed", ...entry });
  for (const entry of record.recusals)
    steps.push({ kind: "recused", ...entry });
  for (const entry of record.commits)
    steps.push({ kind: "committed", ...entry });
  if (record.closing) steps.push({ kind: "closed", ...record.closing });
  for (const entry of record.reveals)
    steps.push({ kind: "revealed", ...entry });
  if (record.result) steps.push({ kind: "finalized", ...record.result });
  if (record.cancellation) {
    steps.push({ kind: "cancelled", ...record.cancellation });
  }
  return steps.sort((a, b) => a.block - b.block || a.logIndex - b.logIndex);
}

/**
 * Lists every step of the round as the chain recorded it: block, time
 * (KST) and transaction, with the pledge hash each claim signed. Seats are
 * shown by number, as on chain, because the record maps no seat to a name.
 */
export function Timeline({ record }: { record: EvaluationRecord }) {
  const { t, i18n } = useTranslation();
  const steps = stepsOf(record);
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t("results.timeline")}</h2>
      <div
        className="table-scroll"
        tabIndex={0}
        role="region"
        aria-labelledby="timeline-title"
      >
        <table className="timeline">
          <thead>
            <tr>
              <th scope="col">{t("results.step")}</th>
              <th scope="col">{t("results.seat")}</th>
              <th scope="col">{t("results.block")}</th>
              <th scope="col">{t("results.time")}</th>
              <th scope="col">{t("results.transaction")}</th>
              <th scope="col">{t("results.pledgeHash")}</th>
            </tr>
          </thead>
          <tbody>
            {steps.map((step) => (
              <tr key={`${step.block}:${step.logIndex}`}>
                <td>{t(`results.step_${step.kind}`)}</td>
                <td>
                  {step.seat === undefined
                    ? "—"
                    : t("results.seatNumber", { number: step.seat + 1 })}
                </td>
                <td className="number">{step.block}</td>
                <td>{formatKst(step.timestamp, i18n.language)}</td>
                <td>
                  <code className="hash">{step.transactionHash}</code>
                </td>
                <td>
                  {step.pledgeHash ? (
                    <code className="hash">{step.pledgeHash}</code>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="as-of">
        {t("results.recordAsOf", {
          block: record.asOf.block,
          time: formatKst(record.asOf.timestamp, i18n.language),
          hash: record.asOf.blockHash,
        })}
      </p>
    </section>
  );
}
