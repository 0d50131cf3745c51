import { describe, expect, test } from "vitest";

import {
  applyEvent,
  initialProgress,
  type RoundEvent,
} from "../chain/progress.ts";
import type {
  SheetSubmission,
  TabletSession,
} from "../storage/tablet-store.ts";
import { nextChainAction } from "./next-action.ts";

const INVITE = "0x00000000000000000000000000000000000000a1";
const DEVICE = "0x00000000000000000000000000000000000000d1";
const OTHER = "0x00000000000000000000000000000000000000d2";

const session: TabletSession = {
  device: DEVICE,
  devicePrivateKey: "0x01",
  inviteAddress: INVITE,
  inviteSig: "0x02",
  createdAt: 0,
};
const pledged = {
  ...session,
  pledge: { hash: "0x03", sig: "0x04", language: "ko" },
} as TabletSession;

function sheet(commitment: string): SheetSubmission {
  return {
    scores: [1],
    comments: [""],
    salt: "0x05",
    commitment: commitment as `0x${string}`,
    sheetSig: "0x06",
    escrow: "0x07",
    signedAt: 0,
  };
}

function progressAfter(events: RoundEvent[]) {
  return events.reduce(applyEvent, initialProgress([INVITE], 1n));
}

const claimed: RoundEvent = {
  kind: "SeatClaimed",
  seat: 0,
  device: DEVICE,
  block: 2n,
};
const committedAa: RoundEvent = {
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

describe("nextChainAction", () => {
  test("claims only after the pledge is signed", () => {
    const progress = progressAfter([]);
    expect(nextChainAction(progress, 0, session, {}, 0, 100)).toBeUndefined();
    expect(nextChainAction(progress, 0, pledged, {}, 0, 100)).toEqual({
      kind: "claim",
    });
  });

  test("does not claim a reissued seat", () => {
    const progress = progressAfter([
      { kind: "SeatReissued", seat: 0, invite: OTHER, block: 2n },
    ]);
    expect(nextChainAction(progress, 0, pledged, {}, 0, 100)).toBeUndefined();
  });

  test("commits a pending sheet until the chain holds it", () => {
    const pending = sheet("0xaa");
    let progress = progressAfter([claimed]);
    expect(nextChainAction(progress, 0, pledged, { pending }, 0, 100)).toEqual({
      kind: "commit",
      sheet: pending,
    });
    progress = progressAfter([claimed, committedAa]);
    expect(nextChainAction(progress, 0, pledged, { pending }, 0, 100)).toEqual({
      kind: "confirm",
      sheet: pending,
    });
  });

  test("re-commits an edited sheet", () => {
    const progress = progressAfter([claimed, committedAa]);
    const submissions = { confirmed: sheet("0xaa"), pending: sheet("0xbb") };
    const action = nextChainAction(progress, 0, pledged, submissions, 0, 100);
    expect(action?.kind).toBe("commit");
    expect(action && "sheet" in action && action.sheet.commitment).toBe("0xbb");
  });

  test("commits again what a restarted chain lost", () => {
    // The chain restarted without the last blocks: claimed, no commitment.
    const progress = progressAfter([claimed]);
    const submissions = { confirmed: sheet("0xaa") };
    expect(nextChainAction(progress, 0, pledged, submissions, 0, 100)).toEqual({
      kind: "commit",
      sheet: submissions.confirmed,
    });
    const held = progressAfter([claimed, committedAa]);
    expect(
      nextChainAction(held, 0, pledged, submissions, 0, 100),
    ).toBeUndefined();
  });

  test("claims again what a restarted chain lost", () => {
    const progress = progressAfter([]);
    const submissions = { confirmed: sheet("0xaa") };
    expect(nextChainAction(progress, 0, pledged, submissions, 0, 100)).toEqual({
      kind: "claim",
    });
  });

  test("stops committing after the deadline", () => {
    const progress = progressAfter([claimed]);
    const action = nextChainAction(
      progress,
      0,
      pledged,
      { pending: sheet("0xaa") },
      100,
      100,
    );
    expect(action).toBeUndefined();
  });

  test("reveals the sheet the chain holds", () => {
    const progress = progressAfter([claimed, committedAa, closed]);
    // The edit never reached the chain, so the older sheet is opened.
    const submissions = { confirmed: sheet("0xaa"), pending: sheet("0xbb") };
    expect(nextChainAction(progress, 0, pledged, submissions, 0, 100)).toEqual({
      kind: "reveal",
      sheet: submissions.confirmed,
    });
  });

  test("does nothing for a seat held by another device", () => {
    const progress = progressAfter([
      { kind: "SeatClaimed", seat: 0, device: OTHER, block: 2n },
    ]);
    const submissions = { pending: sheet("0xaa") };
    expect(
      nextChainAction(progress, 0, pledged, submissions, 0, 100),
    ).toBeUndefined();
  });

  test("does nothing once revealed", () => {
    const progress = progressAfter([
      claimed,
      committedAa,
      closed,
      { kind: "SheetRevealed", seat: 0, block: 5n },
    ]);
    const submissions = { confirmed: sheet("0xaa") };
    expect(
      nextChainAction(progress, 0, pledged, submissions, 0, 100),
    ).toBeUndefined();
  });
});
