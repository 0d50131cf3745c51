import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { setLanguage } from "../i18n/index.ts";

/** The page frame: skip link, header with the language switch, main landmark. */
export function Layout({
  children,
  banner,
}: {
  children: ReactNode;
  banner?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main" onClick={focusMain}>
        {t("app.skipToContent")}
      </a>
      <header className="app-header">
        <span className="app-name">{t("app.name")}</span>
        <LanguageSwitch />
      </header>
      {banner}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

function focusMain(event: React.MouseEvent) {
  // The hash holds the route, so the skip link moves focus instead.
  event.preventDefault();
  document.getElementById("main")?.focus();
}

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = i18n.language === "en" ? "en" : "ko";
  return (
    <div role="group" aria-label={t("app.language")} className="language">
      {(["ko", "en"] as const).map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={current === language}
          onClick={() => void setLanguage(language)}
        >
          {language === "ko" ? t("app.korean") : t("app.english")}
        </button>
      ))}
    </div>
  );
}
