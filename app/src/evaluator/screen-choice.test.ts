import type { Address } from "viem";
import { describe, expect, test } from "vitest";

import {
  applyEvent,
  initialProgress,
  type RoundEvent,
} from "../chain/progress.ts";
import type { TabletSession } from "../storage/tablet-store.ts";
import { chooseScreen, type ScreenInput } from "./screen-choice.ts";

const INVITE: Address = "0x00000000000000000000000000000000000000a1";
const DEVICE: Address = "0x00000000000000000000000000000000000000d1";
const OTHER: Address = "0x00000000000000000000000000000000000000d2";
const WRONG_INVITE: Address = "0x00000000000000000000000000000000000000a9";

const session: TabletSession = {
  device: DEVICE,
  devicePrivateKey: "0x01",
  inviteAddress: INVITE,
  inviteSig: "0x02",
  createdAt: 0,
};
const pledged: TabletSession = {
  ...session,
  pledge: { hash: "0x03", sig: "0x04", language: "ko" },
};

const claimed: RoundEvent = {
  kind: "SeatClaimed",
  seat: 0,
  device: DEVICE,
  block: 2n,
};
const committed: RoundEvent = {
  kind: "SheetCommitted",
  seat: 0,
  commitment: "0xaa",
  escrow: "0x",
  block: 3n,
};
const closed: RoundEvent = {
  kind: "ScoringClosed",
  committed: 1,
  absent: 0,
  automatic: true,
  block: 4n,
};

function input(events: RoundEvent[], overrides: Partial<ScreenInput> = {}) {
  return {
    known: true,
    online: true,
    progress: events.reduce(applyEvent, initialProgress([INVITE], 1n)),
    seat: 0,
    session: pledged,
    submitted: false,
    view: "sheet",
    nowSeconds: 10,
    scoringDeadline: 100,
    ...overrides,
  } satisfies ScreenInput;
}

describe("chooseScreen", () => {
  test("pledge first, then the sheet while the claim is sent", () => {
    expect(chooseScreen(input([], { session }))).toBe("pledge");
    expect(chooseScreen(input([]))).toBe("sheet");
    expect(chooseScreen(input([claimed]))).toBe("sheet");
  });

  test("waits for the chain before choosing", () => {
    expect(chooseScreen(input([], { known: false }))).toBe("loading");
  });

  test("offline before any read uses the tablet's records", () => {
    const offline = { known: false, online: false };
    expect(chooseScreen(input([], { ...offline, session }))).toBe("pledge");
    expect(chooseScreen(input([], offline))).toBe("sheet");
    expect(
      chooseScreen(input([], { ...offline, submitted: true, view: "status" })),
    ).toBe("waiting");
  });

  test("invite used by another device", () => {
    const other: RoundEvent = {
      kind: "SeatClaimed",
      seat: 0,
      device: OTHER,
      block: 2n,
    };
    expect(chooseScreen(input([other]))).toBe("invite-used");
    expect(chooseScreen(input([other], { session }))).toBe("invite-used");
  });

  test("wrong invite for an unclaimed seat", () => {
    const stranger = { ...pledged, inviteAddress: WRONG_INVITE };
    expect(chooseScreen(input([], { session: stranger }))).toBe(
      "invite-mismatch",
    );
    const unpledged = { ...session, inviteAddress: WRONG_INVITE };
    expect(chooseScreen(input([], { session: unpledged }))).toBe(
      "invite-mismatch",
    );
  });

  test("wrong invite for a claimed seat", () => {
    const other: RoundEvent = {
      kind: "SeatClaimed",
      seat: 0,
      device: OTHER,
      block: 2n,
    };
    const stranger = { ...pledged, inviteAddress: WRONG_INVITE };
    expect(chooseScreen(input([other], { session: stranger }))).toBe(
      "invite-mismatch",
    );
  });

  test("invite replaced by a reissue", () => {
    const reissued: RoundEvent = {
      kind: "SeatReissued",
      seat: 0,
      invite: OTHER,
      block: 2n,
    };
    expect(chooseScreen(input([reissued], { session }))).toBe(
      "invite-replaced",
    );
    // The tablet that held the seat before the reissue gets the same screen.
    expect(chooseScreen(input([claimed, reissued]))).toBe("invite-replaced");
    const fresh = { ...pledged, inviteAddress: OTHER };
    expect(chooseScreen(input([reissued], { session: fresh }))).toBe("sheet");
  });

  test("review, recusal and waiting follow the view", () => {
    expect(chooseScreen(input([claimed], { view: "review" }))).toBe("review");
    expect(chooseScreen(input([claimed], { view: "recuse" }))).toBe("recuse");
    const done = { submitted: true, view: "status" as const };
    expect(chooseScreen(input([claimed, committed], done))).toBe("waiting");
    expect(
      chooseScreen(
        input([claimed, committed], { submitted: true, view: "sheet" }),
      ),
    ).toBe("sheet");
  });

  test("deadline without a sheet", () => {
    expect(chooseScreen(input([claimed], { nowSeconds: 100 }))).toBe(
      "deadline",
    );
    expect(
      chooseScreen(
        input([claimed, committed], { nowSeconds: 100, submitted: true }),
      ),
    ).toBe("waiting");
  });

  test("closed, revealing and finished rounds", () => {
    expect(chooseScreen(input([claimed, closed]))).toBe("closed");
    expect(chooseScreen(input([claimed, committed, closed]))).toBe("waiting");
    const cancelled: RoundEvent = {
      kind: "RoundCancelled",
      reason: "x",
      block: 5n,
    };
    expect(chooseScreen(input([claimed, cancelled]))).toBe("cancelled");
    const recused: RoundEvent = {
      kind: "SeatRecused",
      seat: 0,
      reason: "x",
      block: 3n,
    };
    expect(chooseScreen(input([claimed, recused]))).toBe("recused");
  });

  test("missing seat", () => {
    expect(chooseScreen(input([], { seat: 4 }))).toBe("seat-missing");
  });
});
