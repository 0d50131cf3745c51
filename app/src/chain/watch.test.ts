import { afterEach, describe, expect, test, vi } from "vitest";

import { initialProgress } from "./progress.ts";
import { chainNow, type WatchState } from "./watch.ts";

function state(fields: Partial<WatchState>): WatchState {
  return {
    progress: initialProgress([], 1n),
    head: 1n,
    online: true,
    ...fields,
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("chainNow", () => {
  test("uses the local clock before the chain was read", () => {
    vi.useFakeTimers({ now: 1_000_000_000 });
    expect(chainNow(state({}))).toBe(1_000_000);
  });

  test("follows a chain whose clock is ahead", () => {
    vi.useFakeTimers({ now: 1_000_000_000 });
    const read = state({ chainTime: 1_010_000, checkedAt: 1_000_000_000 });
    vi.advanceTimersByTime(5_000);
    expect(chainNow(read)).toBe(1_010_005);
  });

  test("keeps the local clock when the chain lags", () => {
    vi.useFakeTimers({ now: 1_000_000_000 });
    const read = state({ chainTime: 999_000, checkedAt: 1_000_000_000 });
    expect(chainNow(read)).toBe(1_000_000);
  });
});
