import { describe, expect, test } from "vitest";

import { evaluatorHash, parseHash, seatKey } from "./route.ts";

const REGISTRY = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const INVITE = `0x${"ab".repeat(32)}`;

describe("parseHash", () => {
  test("evaluator link with invite key", () => {
    const route = parseHash(`#/e/1337/${REGISTRY}/2/4/${INVITE}`);
    expect(route).toEqual({
      name: "evaluator",
      chainId: 1337,
      registry: REGISTRY,
      roundId: 2n,
      seat: 4,
      inviteKey: INVITE,
    });
  });

  test("evaluator link without invite key", () => {
    const route = parseHash(`#/e/1337/${REGISTRY}/2/0`);
    expect(route.name).toBe("evaluator");
    expect("inviteKey" in route).toBe(false);
  });

  test("rejects malformed links", () => {
    const bad = [
      `#/e/1337/${REGISTRY}/0/1`,
      `#/e/1337/0x1234/1/1`,
      `#/e/1337/${REGISTRY}/1/70000`,
      `#/e/1337/${REGISTRY}/1/1/0xzz`,
      `#/e/x/${REGISTRY}/1/1`,
      `#/nowhere`,
    ];
    for (const hash of bad) expect(parseHash(hash).name).toBe("invalid-link");
  });

  test("admin routes", () => {
    expect(parseHash("#/admin")).toEqual({ name: "admin", path: [] });
    expect(parseHash("#/admin/round/3")).toEqual({
      name: "admin",
      path: ["round", "3"],
    });
    expect(parseHash("#/admin/signin/tok")).toEqual({
      name: "admin-signin",
      token: "tok",
    });
    expect(parseHash("")).toEqual({ name: "home" });
  });

  test("results link", () => {
    expect(parseHash(`#/r/1337/${REGISTRY}/3`)).toEqual({
      name: "results",
      chainId: 1337,
      registry: REGISTRY,
      roundId: 3n,
    });
    expect(parseHash(`#/r/1337/${REGISTRY}/0`).name).toBe(
      "invalid-results-link",
    );
    expect(parseHash(`#/r/1337/${REGISTRY}`)).toEqual({
      name: "rounds",
      chainId: 1337,
      registry: REGISTRY,
    });
    expect(parseHash(`#/r/0/${REGISTRY}`).name).toBe("invalid-results-link");
    expect(parseHash("#/r/1337/0x12").name).toBe("invalid-results-link");
  });

  test("evaluatorHash round trip", () => {
    const locator = {
      chainId: 1337,
      registry: REGISTRY as `0x${string}`,
      roundId: 9n,
      seat: 3,
    };
    const route = parseHash(evaluatorHash(locator, INVITE as `0x${string}`));
    expect(route).toEqual({ name: "evaluator", ...locator, inviteKey: INVITE });
    expect(seatKey(locator)).toBe(`1337:${REGISTRY.toLowerCase()}:9:3`);
  });
});
