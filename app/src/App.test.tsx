import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import { App } from "./App.tsx";

describe("App routes", () => {
  afterEach(() => {
    cleanup();
    window.location.hash = "";
  });

  it("explains a malformed results link", async () => {
    window.location.hash = "#/r/1337/0x12";
    render(<App />);

    expect(
      await screen.findByText("올바르지 않은 결과 링크입니다"),
    ).toBeTruthy();
    expect(screen.queryByText(/QR 코드를 다시 스캔/)).toBeNull();
  });

  it("keeps the tablet message for a malformed seat link", async () => {
    window.location.hash = "#/e/1337/0x12/1/1";
    render(<App />);

    expect(await screen.findByText("올바르지 않은 링크입니다")).toBeTruthy();
    expect(screen.getByText(/QR 코드를 다시 스캔/)).toBeTruthy();
  });
});
