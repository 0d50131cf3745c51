import { describe, expect, test } from "vitest";

import { createMemoryStore } from "./kv.ts";
import { TabletStore, type SheetSubmission } from "./tablet-store.ts";

const SEAT = "1337:0xabc:1:0";

function sheet(commitment: string): SheetSubmission {
  return {
    scores: [6800],
    comments: [""],
    salt: `0x${"11".repeat(32)}`,
    commitment: commitment as `0x${string}`,
    sheetSig: "0x00",
    escrow: "0x01",
    signedAt: 1,
  };
}

describe("TabletStore", () => {
  test("draft survives a new store instance", async () => {
    const backend = createMemoryStore();
    const first = await TabletStore.open(backend);
    const draft = {
      scores: [
        ["68", "12.5"],
        ["", "7"],
      ],
      comments: ["명확한 발표", ""],
      updatedAt: 1_700_000_000_000,
    };
    await first.saveDraft(SEAT, draft);

    const second = await TabletStore.open(backend);
    expect(await second.loadDraft(SEAT)).toEqual(draft);
    expect(await second.loadDraft("1337:0xabc:1:1")).toBeUndefined();
  });

  test("draft is not stored in plain text", async () => {
    const backend = createMemoryStore();
    const store = await TabletStore.open(backend);
    await store.saveDraft(SEAT, {
      scores: [["77.25"]],
      comments: ["secret remark"],
      updatedAt: 0,
    });
    const raw = await backend.get<{ data: ArrayBuffer }>(`draft:${SEAT}`);
    const bytes = new TextDecoder().decode(new Uint8Array(raw!.data));
    expect(bytes).not.toContain("77.25");
    expect(bytes).not.toContain("secret remark");
  });

  test("confirm keeps only the chain's sheet", async () => {
    const store = await TabletStore.open(createMemoryStore());
    await store.savePending(SEAT, sheet("0xaa"));
    await store.confirm(SEAT, "0xaa");
    await store.savePending(SEAT, sheet("0xbb"));

    let state = await store.loadSubmissions(SEAT);
    expect(state.confirmed?.commitment).toBe("0xaa");
    expect(state.pending?.commitment).toBe("0xbb");

    state = await store.confirm(SEAT, "0xbb");
    expect(state.confirmed?.commitment).toBe("0xbb");
    expect(state.pending).toBeUndefined();
  });

  test("confirm ignores an unknown commitment", async () => {
    const store = await TabletStore.open(createMemoryStore());
    await store.savePending(SEAT, sheet("0xaa"));
    const state = await store.confirm(SEAT, "0xcc");
    expect(state.pending?.commitment).toBe("0xaa");
    expect(state.confirmed).toBeUndefined();
  });
});

test("clearSubmissions forgets the seat's sheets", async () => {
  const store = await TabletStore.open(createMemoryStore());
  await store.savePending(SEAT, sheet("0xaa"));
  await store.clearSubmissions(SEAT);
  expect(await store.loadSubmissions(SEAT)).toEqual({});
});
