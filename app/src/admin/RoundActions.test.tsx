import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, test } from "vitest";

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
import { RoundActions } from "./RoundActions.tsx";
import { adminStrings } from "./strings.ts";

addStrings(adminStrings);

const REGISTRY = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const INVITES = [
  "0x00000000000000000000000000000000000000a1",
  "0x00000000000000000000000000000000000000a2",
] as const;
const CLI_PATH =
  ".jurybox/rounds/1337-0x5fbdb2315678afecb367f032d93f642f64180aa3-7/invites.json";

// Rendering reads only the config, and no test here sends a transaction.
const context = {
  config: { chainId: 1337, registry: REGISTRY, adminSignIn: false },
} as AdminContext;
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

function renderActions(events: RoundEvent[], secrets: RoundSecrets | null) {
  render(
    <RoundActions
      context={context}
      round={round}
      watch={watchOf(events)}
      watcher={{} as RoundWatcher}
      secrets={secrets}
      onSecrets={() => undefined}
    />,
  );
}

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage("ko");
});

describe("RoundActions reissue", () => {
  test("hint names invites.json without keys", () => {
    renderActions([], null);
    expect(screen.queryByRole("button", { name: /QR 재발급/ })).toBeNull();
    const hint = screen.getByText(/QR 재발급을 할 수 없습니다/);
    expect(hint.textContent).toContain(CLI_PATH);
    expect(hint.textContent).toContain("초대 키 파일 (invites.json)");
    expect(screen.getByLabelText("초대 키 파일 (invites.json)")).toBeTruthy();
  });

  test("hint in English", async () => {
    await i18n.changeLanguage("en");
    renderActions([], null);
    const hint = screen.getByText(/needs this round's invite keys/);
    expect(hint.textContent).toContain(CLI_PATH);
  });

  test("buttons and no hint with keys", () => {
    renderActions([], {
      inviteKeys: [
        "0x0000000000000000000000000000000000000000000000000000000000000001",
        "0x0000000000000000000000000000000000000000000000000000000000000002",
      ],
      escrowSaved: true,
    });
    expect(screen.getAllByRole("button", { name: /QR 재발급/ })).toHaveLength(
      2,
    );
    expect(screen.queryByText(/QR 재발급을 할 수 없습니다/)).toBeNull();
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
    expect(screen.queryByText(/QR 재발급을 할 수 없습니다/)).toBeNull();
  });
});
