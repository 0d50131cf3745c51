import { useTranslation } from "react-i18next";

/**
 * The round's escrow private key, offered once for safekeeping: as a
 * downloadable JSON file and as text to copy.
 */
export function EscrowKeyNotice({
  chainId,
  registry,
  roundId,
  escrowPrivateKey,
  onSaved,
}: {
  chainId: number;
  registry: string;
  roundId: bigint;
  escrowPrivateKey: string;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  function download() {
    const file = JSON.stringify(
      { chainId, registry, roundId: roundId.toString(), escrowPrivateKey },
      null,
      2,
    );
    const url = URL.createObjectURL(
      new Blob([file], { type: "application/json" }),
    );
    const link = document.createElement("a");
    link.href = url;
    link.download = `jurybox-round-${roundId}-escrow-key.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  }
  return (
    <section className="escrow-notice" aria-labelledby="escrow-title">
      <h2 id="escrow-title">{t("escrow.title")}</h2>
      <p>{t("escrow.body")}</p>
      <label htmlFor="escrow-key">{t("escrow.label")}</label>
      <textarea
        id="escrow-key"
        readOnly
        rows={2}
        value={escrowPrivateKey}
        className="key-text"
      />
      <div className="actions">
        <button type="button" onClick={download}>
          {t("escrow.download")}
        </button>
        <button type="button" className="primary" onClick={onSaved}>
          {t("escrow.saved")}
        </button>
      </div>
    </section>
  );
}
