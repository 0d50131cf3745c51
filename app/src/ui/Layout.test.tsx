import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { useTranslation } from "react-i18next";
import { afterEach, describe, expect, test } from "vitest";

import { i18n } from "../i18n/index.ts";
import { Layout } from "./Layout.tsx";

function Probe() {
  const { t } = useTranslation();
  return <p>{t("review.submit")}</p>;
}

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage("ko");
  localStorage.clear();
});

describe("language switch", () => {
  test("Korean is the default", () => {
    render(
      <Layout>
        <Probe />
      </Layout>,
    );
    expect(screen.getByText("서명하고 제출")).toBeTruthy();
    expect(document.documentElement.lang).toBe("ko");
    const korean = screen.getByRole("button", { name: "한국어" });
    expect(korean.getAttribute("aria-pressed")).toBe("true");
  });

  test("switches to English and remembers it", async () => {
    render(
      <Layout>
        <Probe />
      </Layout>,
    );
    fireEvent.click(screen.getByRole("button", { name: "English" }));
    expect(await screen.findByText("Sign and submit")).toBeTruthy();
    expect(document.documentElement.lang).toBe("en");
    expect(localStorage.getItem("jurybox.language")).toBe("en");
    const english = screen.getByRole("button", { name: "English" });
    expect(english.getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByRole("group", { name: "Language" })).toBeTruthy();
  });

  test("every English string has a Korean one and back", async () => {
    const { ko } = await import("../i18n/ko.ts");
    const { en } = await import("../i18n/en.ts");
    const keys = (value: object, prefix = ""): string[] =>
      Object.entries(value).flatMap(([key, child]) =>
        typeof child === "object"
          ? keys(child as object, `${prefix}${key}.`)
          : [`${prefix}${key}`],
      );
    expect(keys(en).sort()).toEqual(keys(ko).sort());
  });
});
