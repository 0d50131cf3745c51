import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Address, PublicClient } from "viem";

import { downloadText, loadVerifier } from "./record.ts";
import {
  describeReadFailure,
  FailureMessage,
  useFailureReason,
  type ReadFailure,
} from "./read-failure.tsx";

type Format = "json" | "csv" | "ocds";

/**
 * Downloads of the round's evaluation record as read from the chain now:
 * the JSON record, the revealed scores as CSV and an OCDS award release,
 * written by the same core/verify code as `jurybox export`.
 */
export function Downloads({
  client,
  registry,
  roundId,
}: {
  client: PublicClient;
  registry: Address;
  roundId: bigint;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<Format>();
  const [error, setError] = useState<ReadFailure>();
  const reason = useFailureReason();

  async function download(format: Format) {
    setBusy(format);
    setError(undefined);
    try {
      const verifier = await loadVerifier();
      const record = await verifier.fetchRoundRecord(client, registry, roundId);
      const base = `jurybox-round-${roundId}`;
      if (format === "json") {
        downloadText(
          `${base}.json`,
          verifier.stringifyRecord(record),
          "application/json",
        );
      } else if (format === "csv") {
        downloadText(
          `${base}-scores.csv`,
          verifier.recordToScoresCsv(record),
          "text/csv;charset=utf-8",
        );
      } else {
        const release = verifier.recordToOcdsRelease(record);
        downloadText(
          `${base}-ocds.json`,
          JSON.stringify(release, null, 2) + "\n",
          "application/json",
        );
      }
    } catch (cause) {
      setError(describeReadFailure(cause));
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <section className="downloads" aria-labelledby="downloads-title">
      <h2 id="downloads-title">{t("results.downloads")}</h2>
      <div className="actions">
        {(["json", "csv", "ocds"] as const).map((format) => (
          <button
            key={format}
            type="button"
            disabled={busy !== undefined}
            onClick={() => void download(format)}
          >
            {t(`results.download_${format}`)}
          </button>
        ))}
      </div>
      {error && (
        <FailureMessage
          text={t("results.downloadFailed", { message: reason(error) })}
          failure={error}
        />
      )}
    </section>
  );
}
