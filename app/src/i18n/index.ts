import i18next from "i18next";
import { initReactI18next } from "react-i18next";

import type { Language } from "../lib/format.ts";
import { en } from "./en.ts";
import { ko } from "./ko.ts";

const STORAGE_KEY = "jurybox.language";

function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "ko";
  } catch {
    return "ko";
  }
}

/**
 * The app's i18next instance: Korean by default, English when chosen. The
 * choice is kept in localStorage; the admin console adds its own strings
 * when its chunk loads.
 */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  lng: storedLanguage(),
  fallbackLng: "ko",
  supportedLngs: ["ko", "en"],
  resources: { ko: { translation: ko }, en: { translation: en } },
  interpolation: { escapeValue: false },
  initAsync: false,
});

function applyDocumentLanguage(language: string): void {
  document.documentElement.lang = language;
}

applyDocumentLanguage(i18n.language);
i18n.on("languageChanged", applyDocumentLanguage);

/** Switches the language and remembers the choice. */
export async function setLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Without localStorage the choice lasts until the page reloads.
  }
  await i18n.changeLanguage(language);
}

/** Adds a feature's strings (deep-merged) to both languages. */
export function addStrings(
  strings: Record<Language, Record<string, unknown>>,
): void {
  for (const language of ["ko", "en"] as const) {
    i18n.addResourceBundle(
      language,
      "translation",
      strings[language],
      true,
      false,
    );
  }
}
