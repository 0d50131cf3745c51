import { describe, expect, it } from "vitest";
import { JuryboxError, UnitsError, formatError } from "./errors.ts";

describe("JuryboxError", () => {
  it("keeps the message, hint and details apart", () => {
    const error = new UnitsError("72.555 has more than 2 decimals.", {
      hint: "Round the value to 2 decimals.",
      details: ["criteria[0].maxPoints"],
    });
    expect(error).toBeInstanceOf(JuryboxError);
    expect(error.name).toBe("UnitsError");
    expect(error.message).toBe("72.555 has more than 2 decimals.");
    expect(error.hint).toBe("Round the value to 2 decimals.");
    expect(error.details).toEqual(["criteria[0].maxPoints"]);
  });

  it("formats for display", () => {
    const error = new JuryboxError("The file has 1 problem.", {
      hint: "Fix it.",
      details: ["title: must not be empty"],
    });
    expect(formatError(error)).toBe(
      "The file has 1 problem.\n  title: must not be empty\nHint: Fix it.",
    );
  });

  it("formats other errors by their message", () => {
    expect(formatError(new Error("boom"))).toBe("boom");
    expect(formatError("text")).toBe("text");
  });
});
