import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, test } from "vitest";

import { i18n } from "../i18n/index.ts";
import { ScoreField } from "./ScoreField.tsx";

function Harness({ initial = "" }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <ScoreField
      criterion="기술 방안"
      maxPoints={2500}
      value={value}
      onChange={setValue}
    />
  );
}

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage("ko");
});

describe("ScoreField", () => {
  test("rejects a value above the maximum", () => {
    render(<Harness />);
    const input = screen.getByRole("textbox");
    fireEvent.change(input, { target: { value: "25.5" } });
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByRole("alert").textContent).toBe(
      "배점 25점을 넘을 수 없습니다.",
    );
  });

  test("rejects three decimals", () => {
    render(<Harness />);
    const input = screen.getByRole("textbox");
    fireEvent.change(input, { target: { value: "12.345" } });
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByRole("alert").textContent).toBe(
      "소수점 둘째 자리까지만 입력할 수 있습니다.",
    );
    expect(input.getAttribute("aria-describedby")).toBe(
      screen.getByRole("alert").id,
    );
  });

  test("accepts two decimals without a message", () => {
    render(<Harness />);
    const input = screen.getByRole("textbox");
    fireEvent.change(input, { target: { value: "12.34" } });
    expect(input.getAttribute("aria-invalid")).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  test("stepper moves by one point within the range", () => {
    render(<Harness initial="24.5" />);
    const input = screen.getByRole("textbox") as HTMLInputElement;
    fireEvent.click(
      screen.getByRole("button", { name: "기술 방안 1점 올리기" }),
    );
    expect(input.value).toBe("25");
    fireEvent.click(
      screen.getByRole("button", { name: "기술 방안 1점 올리기" }),
    );
    expect(input.value).toBe("25");
    fireEvent.click(
      screen.getByRole("button", { name: "기술 방안 1점 내리기" }),
    );
    expect(input.value).toBe("24");
  });

  test("labels follow the language", async () => {
    await i18n.changeLanguage("en");
    render(<Harness />);
    expect(
      screen.getByRole("textbox", {
        name: "기술 방안 score (max 25 points)",
      }),
    ).toBeTruthy();
    fireEvent.change(screen.getByRole("textbox"), { target: { value: "30" } });
    expect(screen.getByRole("alert").textContent).toBe(
      "The score cannot exceed the maximum of 25 points.",
    );
  });
});
