import { describe, expect, test } from "vitest";

import {
  applyEvent,
  countSeats,
  initialProgress,
  type RoundEvent,
} from "./progress.ts";

const INVITES = [
  "0x0000000000000000000000000000000000000001",
  "0x0000000000000000000000000000000000000002",
  "0x0000000000000000000000000000000000000003",
] as const;
const DEVICE = "0x00000000000000000000000000000000000000d1";

function run(events: RoundEvent[]) {
  return events.reduce(applyEvent, initialProgress(INVITES, 10n, 100));
}

describe("progress reducer", () => {
  test("starts with every seat invited", () => {
    const progress = run([]);
    expect(progress.phase).toBe("scoring");
    expect(progress.seats.map((seat) => seat.state)).toEqual([
      "invited",
      "invited",
      "invited",
    ]);
    expect(countSeats(progress).invited).toBe(3);
  });

  test("follows a seat through claim, commit and reveal", () => {
    const progress = run([
      { kind: "SeatClaimed", seat: 1, device: DEVICE, block: 11n, time: 110 },
      {
        kind: "SheetCommitted",
        seat: 1,
        commitment: "0xaa",
        escrow: "0x01",
        block: 12n,
        time: 120,
      },
      {
        kind: "SheetCommitted",
        seat: 1,
        commitment: "0xbb",
        escrow: "0x02",
        block: 13n,
        time: 130,
      },
    ]);
    const seat = progress.seats[1];
    expect(seat.state).toBe("committed");
    expect(seat.device).toBe(DEVICE);
    expect(seat.commitment).toBe("0xbb");
    expect(seat.commits).toBe(2);
    expect(seat.claimedAt).toBe(110);
    expect(seat.committedAt).toBe(130);
    expect(progress.block).toBe(13n);
    expect(countSeats(progress)).toEqual({
      seats: 3,
      invited: 2,
      claimed: 1,
      committed: 1,
      revealed: 0,
      recused: 0,
    });
  });

  test("reissue resets a claimed seat", () => {
    const progress = run([
      { kind: "SeatClaimed", seat: 0, device: DEVICE, block: 11n },
      { kind: "SeatReissued", seat: 0, invite: INVITES[2], block: 12n },
    ]);
    expect(progress.seats[0].state).toBe("invited");
    expect(progress.seats[0].invite).toBe(INVITES[2]);
    expect(progress.seats[0].device).toBeUndefined();
  });

  test("reissue keeps the replaced invites", () => {
    const second = "0x00000000000000000000000000000000000000b2";
    const third = "0x00000000000000000000000000000000000000b3";
    const progress = run([
      { kind: "SeatReissued", seat: 1, invite: second, block: 11n },
      { kind: "SeatReissued", seat: 1, invite: third, block: 12n },
    ]);
    expect(progress.seats[1].invite).toBe(third);
    expect(progress.seats[1].replacedInvites).toEqual([INVITES[1], second]);
    expect(progress.seats[0].replacedInvites).toEqual([]);
  });

  test("close, reveal and finalise", () => {
    const progress = run([
      { kind: "SeatClaimed", seat: 0, device: DEVICE, block: 11n },
      { kind: "SeatRecused", seat: 2, reason: "conflict", block: 11n },
      {
        kind: "SheetCommitted",
        seat: 0,
        commitment: "0xaa",
        escrow: "0x01",
        block: 12n,
      },
      {
        kind: "ScoringClosed",
        committed: 1,
        absent: 1,
        automatic: false,
        block: 13n,
        time: 130,
      },
      { kind: "SheetRevealed", seat: 0, block: 14n, time: 140 },
      {
        kind: "RoundFinalized",
        lotterySeed: "0x55",
        revealedSeats: 1,
        results: [
          {
            technical: 680000n,
            price: 130000n,
            total: 810000n,
            qualified: true,
            rankByTotal: 1,
            negotiationOrder: 1,
          },
        ],
        block: 14n,
        time: 140,
      },
    ]);
    expect(progress.phase).toBe("finalized");
    expect(progress.closed).toEqual({
      committed: 1,
      absent: 1,
      automatic: false,
      at: 130,
    });
    expect(progress.seats[0].state).toBe("revealed");
    expect(progress.seats[2].state).toBe("recused");
    expect(progress.finalized?.results[0].total).toBe(810000n);
    expect(countSeats(progress).revealed).toBe(1);
    expect(countSeats(progress).committed).toBe(1);
    expect(countSeats(progress).recused).toBe(1);
  });

  test("cancel records the reason", () => {
    const progress = run([
      { kind: "RoundCancelled", reason: "bid withdrawn", block: 11n },
    ]);
    expect(progress.phase).toBe("cancelled");
    expect(progress.cancelled?.reason).toBe("bid withdrawn");
  });
});
