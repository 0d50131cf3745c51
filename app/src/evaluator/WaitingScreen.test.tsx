import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, test } from "vitest";

import {
  applyEvent,
  initialProgress,
  type RoundEvent,
  type RoundProgress,
} from "../chain/progress.ts";
import { i18n } from "../i18n/index.ts";
import type { SheetSubmission, Submissions } from "../storage/tablet-store.ts";
import { SendLine } from "./SendLine.tsx";
import type { SendStatus } from "./useSender.ts";
import { WaitingScreen } from "./WaitingScreen.tsx";

const INVITE = "0x00000000000000000000000000000000000000a1";
const DEVICE = "0x00000000000000000000000000000000000000d1";

function sheet(commitment: `0x${string}`): SheetSubmission {
  return {
    scores: [],
    comments: [],
    salt: "0x01",
    commitment,
    sheetSig: "0x02",
    escrow: "0x03",
    signedAt: 1,
  };
}

const FIRST = sheet(`0x${"11".repeat(32)}`);
const SECOND = sheet(`0x${"22".repeat(32)}`);

function progressOf(commitment?: `0x${string}`): RoundProgress {
  const events: RoundEvent[] = [
    { kind: "SeatClaimed", seat: 0, device: DEVICE, block: 2n },
  ];
  if (commitment) {
    events.push({
      kind: "SheetCommitted",
      seat: 0,
      commitment,
      escrow: "0x03",
      block: 3n,
    });
  }
  return events.reduce(applyEvent, initialProgress([INVITE], 1n));
}

function renderWaiting(
  progress: RoundProgress,
  submissions: Submissions,
  status: SendStatus = { state: "idle" },
  online = true,
) {
  render(
    <WaitingScreen
      progress={progress}
      seat={progress.seats[0]}
      submissions={submissions}
      status={status}
      known
      online={online}
      onRetry={() => undefined}
    />,
  );
}

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage("ko");
});

describe("WaitingScreen heading", () => {
  test("queued sheet is not submitted", () => {
    renderWaiting(
      progressOf(),
      { pending: FIRST },
      { state: "queued", action: "commit" },
      false,
    );
    expect(screen.queryByRole("heading", { name: "제출했습니다" })).toBeNull();
    const heading = screen.getByRole("heading", { level: 1 });
    expect(heading.textContent).toContain("이 태블릿에 저장했습니다");
    expect(heading.textContent).toContain("아직 전송하지 않았습니다");
    expect(screen.getByText(/화면을 닫지 말고 켜 두세요/)).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe(
      "서버 연결 대기 중: 서버에 연결되면 자동으로 전송합니다.",
    );
  });

  test("sheet on chain is submitted", () => {
    renderWaiting(progressOf(FIRST.commitment), { confirmed: FIRST });
    expect(screen.getByRole("heading", { name: "제출했습니다" })).toBeTruthy();
    expect(screen.queryByText(/화면을 닫지 말고/)).toBeNull();
  });

  test("pending commitment seen on chain", () => {
    renderWaiting(progressOf(FIRST.commitment), { pending: FIRST });
    expect(screen.getByRole("heading", { name: "제출했습니다" })).toBeTruthy();
  });

  test("edited sheet waits for its commit", () => {
    renderWaiting(progressOf(FIRST.commitment), {
      confirmed: FIRST,
      pending: SECOND,
    });
    expect(screen.queryByRole("heading", { name: "제출했습니다" })).toBeNull();
  });

  test("heading in English", async () => {
    await i18n.changeLanguage("en");
    renderWaiting(progressOf(), { pending: FIRST });
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe(
      "Sheet signed and saved on this tablet, not sent yet",
    );
  });
});

describe("SendLine offline", () => {
  test("names the server, not the network", () => {
    render(<SendLine status={{ state: "idle" }} online={false} />);
    const line = screen.getByRole("status").textContent ?? "";
    expect(line).toMatch(/^서버에 연결할 수 없습니다\./);
    expect(line).not.toContain("네트워크");
  });
});
