import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

import { PLEDGE_TEXTS, type PledgeLanguage } from "../../../core/pledge.ts";
import type { RoundInfo } from "../chain/round.ts";
import { Screen } from "../ui/Screen.tsx";

/**
 * The pledge in the tablet's language, the round's bidders, and one
 * button that signs the pledge: pressing it is the act of agreeing, and the
 * notice above it states this. The hash of exactly the text shown is what the
 * seat records, so the language shown is the language signed.
 */
export function PledgeScreen({
  round,
  seat,
  onSign,
}: {
  round: RoundInfo;
  seat: number;
  onSign: (language: PledgeLanguage, text: string) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const noticeId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const language: PledgeLanguage = i18n.language === "en" ? "en" : "ko";
  const text = PLEDGE_TEXTS[language];

  async function sign() {
    setBusy(true);
    setError(undefined);
    try {
      await onSign(language, text);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
      setBusy(false);
    }
  }

  return (
    <Screen title={t("pledge.title")} className="pledge">
      <p className="round-line">
        {t("pledge.round", {
          title: round.title,
          reference: round.referenceNumber,
        })}{" "}
        · {t("app.seat", { seat: seat + 1 })}
      </p>
      <div className="pledge-text" lang={language}>
        {text
          .split("\n")
          .map((line, index) => (line ? <p key={index}>{line}</p> : null))}
      </div>
      <h2>{t("sheet.bidders")}</h2>
      <ol className="bidder-list">
        {round.bidders.map((bidder) => (
          <li key={bidder.name}>{bidder.name}</li>
        ))}
      </ol>
      <p className="hint">{t("pledge.cannotSign")}</p>
      <p id={noticeId} className="notice">
        {t("pledge.signNotice")}
      </p>
      <div className="actions">
        <button
          type="button"
          className="primary"
          aria-describedby={noticeId}
          disabled={busy}
          onClick={() => void sign()}
        >
          {busy ? t("pledge.signing") : t("pledge.sign")}
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {t("pledge.failed", { message: error })}
        </p>
      )}
    </Screen>
  );
}
