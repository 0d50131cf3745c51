import {
  cleanup,
  fireEvent,
  render,
  screen,
  waitFor,
} from "@testing-library/react";
import { afterEach, describe, expect, test, vi } from "vitest";
import { generatePrivateKey, privateKeyToAddress } from "viem/accounts";

import {
  applyEvent,
  initialProgress,
  type RoundEvent,
} from "../chain/progress.ts";
import type { RoundInfo } from "../chain/round.ts";
import type { RoundWatcher, WatchState } from "../chain/watch.ts";
import { addStrings, i18n } from "../i18n/index.ts";
import type { AdminContext } from "./AdminApp.tsx";
import type { RoundSecrets } from "./admin-store.ts";
import { MAX_CANCEL_REASON, RoundActions } from "./RoundActions.tsx";
import { adminStrings } from "./strings.ts";

addStrings(adminStrings);

const REGISTRY = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const KEYS = [generatePrivateKey(), generatePrivateKey()];
const INVITES = KEYS.map((key) => privateKeyToAddress(key));
const CLI_PATH =
  ".jurybox/rounds/1337-0x5fbdb2315678afecb367f032d93f642f64180aa3-7/invites.json";

const round = {
  roundId: 7n,
  invites: [...INVITES],
  scoringDeadline: 4_000_000_000,
  revealDeadline: 4_000_086_400,
  minEvaluators: 1,
} as unknown as RoundInfo;

function watchOf(events: RoundEvent[]): WatchState {
  return {
    progress: events.reduce(applyEvent, initialProgress(INVITES, 1n)),
    head: 1n,
    online: true,
    checkedAt: Date.now(),
  };
}

/** Returns a console with a fake store and signer that record what they get. */
function contextOf() {
  const saveSecrets = vi.fn(async () => undefined);
  const send = vi.fn(async () => "0x01" as const);
  const context = {
    config: { chainId: 1337, registry: REGISTRY, adminSignIn: false },
    store: { saveSecrets },
    signer: { send },
  } as unknown as AdminContext;
  return { context, saveSecrets, send };
}

function renderActions(
  events: RoundEvent[],
  secrets: RoundSecrets | null,
  context: AdminContext = contextOf().context,
) {
  const onSecrets = vi.fn();
  render(
    <RoundActions
      context={context}
      round={round}
      watch={watchOf(events)}
      watcher={{ poll: async () => undefined } as unknown as RoundWatcher}
      secrets={secrets}
      onSecrets={onSecrets}
    />,
  );
  return onSecrets;
}

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage("ko");
});

describe("RoundActions reissue", () => {
  test("buttons without any keys", () => {
    renderActions([], null);
    expect(screen.getAllByRole("button", { name: /QR 재발급/ })).toHaveLength(
      2,
    );
    expect(screen.queryByText(/QR 재발급을 할 수 없습니다/)).toBeNull();
  });

  test("reissue without keys stores the new key", async () => {
    const { context, saveSecrets, send } = contextOf();
    const onSecrets = renderActions([], null, context);
    fireEvent.click(screen.getByRole("button", { name: "좌석 2 QR 재발급" }));
    fireEvent.click(screen.getAllByRole("button", { name: "확인" })[0]);
    await waitFor(() => expect(onSecrets).toHaveBeenCalled());

    const saved = saveSecrets.mock.calls[0] as unknown[];
    const stored = saved[3] as RoundSecrets;
    expect(stored.inviteKeys[0]).toBeNull();
    const newKey = stored.inviteKeys[1]!;
    expect(newKey).toMatch(/^0x[0-9a-f]{64}$/);
    const call = (send.mock.calls[0] as unknown[])[0] as {
      functionName: string;
      args: unknown[];
    };
    expect(call.functionName).toBe("reissueSeat");
    expect(call.args).toEqual([7n, 1, privateKeyToAddress(newKey)]);
    expect(onSecrets).toHaveBeenCalledWith(stored);
  });

  test("reissue says where to print", async () => {
    renderActions([], null);
    fireEvent.click(screen.getByRole("button", { name: "좌석 1 QR 재발급" }));
    fireEvent.click(screen.getAllByRole("button", { name: "확인" })[0]);
    const status = await screen.findByText(
      /좌석 1에 새 QR 코드를 발급했습니다/,
    );
    expect(status.textContent).not.toContain("완료했습니다");
    const link = screen.getByRole("link", {
      name: "좌석 1의 새 QR 코드 인쇄",
    });
    expect(link.getAttribute("href")).toBe("#/admin/round/7/labels");
  });

  test("hint names invites.json for unprintable seats", () => {
    renderActions([], null);
    const hint = screen.getByText(/인쇄할 수 없습니다/);
    expect(hint.textContent).toContain("좌석 1, 2");
    expect(hint.textContent).toContain(CLI_PATH);
    expect(screen.getByLabelText("초대 키 파일 (invites.json)")).toBeTruthy();
    expect(
      screen.queryByRole("link", { name: "좌석 QR 코드 인쇄" }),
    ).toBeNull();
  });

  test("hint in English", async () => {
    await i18n.changeLanguage("en");
    renderActions([], null);
    const hint = screen.getByText(/cannot be printed here/);
    expect(hint.textContent).toContain(CLI_PATH);
  });

  test("hint lists only seats without a key", () => {
    const reissuedKey = generatePrivateKey();
    const reissued: RoundEvent = {
      kind: "SeatReissued",
      seat: 1,
      invite: privateKeyToAddress(reissuedKey),
      block: 2n,
    };
    renderActions([reissued], {
      inviteKeys: [null, reissuedKey],
      escrowSaved: true,
    });
    const hint = screen.getByText(/인쇄할 수 없습니다/);
    expect(hint.textContent).toMatch(/^좌석 1의/);
    expect(
      screen.getByRole("link", { name: "좌석 QR 코드 인쇄" }),
    ).toBeTruthy();
    expect(screen.getByLabelText("초대 키 파일 (invites.json)")).toBeTruthy();
  });

  test("no hint with all keys", () => {
    renderActions([], { inviteKeys: KEYS, escrowSaved: true });
    expect(screen.getAllByRole("button", { name: /QR 재발급/ })).toHaveLength(
      2,
    );
    expect(screen.queryByText(/인쇄할 수 없습니다/)).toBeNull();
    expect(screen.queryByLabelText("초대 키 파일 (invites.json)")).toBeNull();
  });

  test("no hint once scoring closed", () => {
    const closed: RoundEvent = {
      kind: "ScoringClosed",
      committed: 0,
      absent: 2,
      automatic: false,
      block: 2n,
    };
    renderActions([closed], null);
    expect(screen.queryByText(/인쇄할 수 없습니다/)).toBeNull();
    expect(screen.queryByRole("button", { name: /QR 재발급/ })).toBeNull();
  });
});

describe("RoundActions cancel reason", () => {
  function openCancel() {
    renderActions([], null);
    fireEvent.click(screen.getByRole("button", { name: "회차 취소" }));
    const confirm = screen
      .getAllByRole("button", { name: "확인" })
      .find((button) => button.closest('[role="dialog"]'))!;
    return { field: screen.getByLabelText("취소 사유"), confirm };
  }

  test("counts characters up to the limit", () => {
    const { field, confirm } = openCancel();
    // Each of these is one character but two UTF-16 code units.
    fireEvent.change(field, {
      target: { value: "😀".repeat(MAX_CANCEL_REASON) },
    });
    expect((confirm as HTMLButtonElement).disabled).toBe(false);
    expect(
      screen.getByText(`${MAX_CANCEL_REASON} / ${MAX_CANCEL_REASON}자`),
    ).toBeTruthy();
  });

  test("rejects a reason over the limit", () => {
    const { field, confirm } = openCancel();
    fireEvent.change(field, { target: { value: "가".repeat(1_200) } });
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    const message = screen.getByText(/500자까지/);
    expect(message.textContent).toContain("1200자");
    expect(field.getAttribute("aria-invalid")).toBe("true");
  });

  test("rejects an empty reason", () => {
    const { field, confirm } = openCancel();
    fireEvent.change(field, { target: { value: "   " } });
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
  });
});
