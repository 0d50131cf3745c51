import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

import { Screen } from "../ui/Screen.tsx";

/** Recusal before committing: a required reason and one confirming button. */
export function RecuseScreen({
  onRecuse,
  onBack,
}: {
  onRecuse: (reason: string) => Promise<void>;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState("");
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const missing = reason.trim() === "";

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (missing) return;
    setBusy(true);
    setError(undefined);
    try {
      await onRecuse(reason.trim());
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
      setBusy(false);
    }
  }

  return (
    <Screen title={t("recuse.title")} className="recuse">
      <p>{t("recuse.body")}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <label htmlFor={id}>{t("recuse.reason")}</label>
        <textarea
          id={id}
          value={reason}
          rows={4}
          required
          aria-invalid={touched && missing ? true : undefined}
          aria-describedby={touched && missing ? `${id}-error` : undefined}
          onChange={(event) => setReason(event.target.value)}
        />
        {touched && missing && (
          <p id={`${id}-error`} className="field-error" role="alert">
            {t("recuse.reasonRequired")}
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={onBack} disabled={busy}>
            {t("recuse.back")}
          </button>
          <button type="submit" className="danger" disabled={busy}>
            {busy ? t("recuse.sending") : t("recuse.submit")}
          </button>
        </div>
      </form>
      {error && (
        <p className="field-error" role="alert">
          {t("recuse.failed", { message: error })}
        </p>
      )}
    </Screen>
  );
}
