import {
  cleanup,
  fireEvent,
  render,
  screen,
  waitFor,
} from "@testing-library/react";
import { afterEach, describe, expect, test, vi } from "vitest";
import { generatePrivateKey, privateKeyToAddress } from "viem/accounts";

import { generateEscrowKey } from "../../../core/escrow.ts";
import { initialProgress } from "../chain/progress.ts";
import type { RoundInfo } from "../chain/round.ts";
import { addStrings } from "../i18n/index.ts";
import type { AdminContext } from "./AdminApp.tsx";
import type { RoundSecrets } from "./admin-store.ts";
import { KeyImport } from "./KeyImport.tsx";
import { adminStrings } from "./strings.ts";

addStrings(adminStrings);

const REGISTRY = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const escrow = generateEscrowKey();
const keys = [generatePrivateKey(), generatePrivateKey()];
const invites = keys.map((key) => privateKeyToAddress(key));
const round = {
  roundId: 3n,
  escrowPublicKey: escrow.publicKey,
  invites,
} as unknown as RoundInfo;

function renderImport(secrets: RoundSecrets | null) {
  const saveSecrets = vi.fn(async () => undefined);
  const onSecrets = vi.fn();
  const context = {
    config: { chainId: 1337, registry: REGISTRY, adminSignIn: false },
    store: { saveSecrets },
  } as unknown as AdminContext;
  render(
    <KeyImport
      context={context}
      round={round}
      seats={initialProgress(invites, 1n).seats}
      showInvites
      secrets={secrets}
      onSecrets={onSecrets}
    />,
  );
  return { saveSecrets, onSecrets };
}

function choose(label: string, name: string, content: unknown) {
  const file = new File([JSON.stringify(content)], name, {
    type: "application/json",
  });
  fireEvent.change(screen.getByLabelText(label), {
    target: { files: [file] },
  });
}

afterEach(cleanup);

describe("KeyImport", () => {
  test("rejected invites.json stores nothing", async () => {
    const stored = { inviteKeys: [null, keys[1]], escrowSaved: true };
    const { saveSecrets, onSecrets } = renderImport(stored);
    const other = [generatePrivateKey(), generatePrivateKey()];
    choose(
      "초대 키 파일 (invites.json)",
      "invites.json",
      other.map((key, seat) => ({ seat, invitePrivateKey: key })),
    );
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/never this seat's invite in round 3/);
    expect(screen.queryByText(/불러왔습니다/)).toBeNull();
    expect(saveSecrets).not.toHaveBeenCalled();
    expect(onSecrets).not.toHaveBeenCalled();
  });

  test("rejected escrow file stores nothing", async () => {
    const { saveSecrets, onSecrets } = renderImport(null);
    choose("보관 키 파일", "key.json", {
      chainId: 31337,
      registry: REGISTRY,
      roundId: "3",
      escrowPrivateKey: escrow.privateKey,
    });
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/chain id 31337, not chain id 1337/);
    expect(saveSecrets).not.toHaveBeenCalled();
    expect(onSecrets).not.toHaveBeenCalled();
  });

  test("loads this round's invites.json", async () => {
    const { saveSecrets, onSecrets } = renderImport(null);
    choose(
      "초대 키 파일 (invites.json)",
      "invites.json",
      keys.map((key, seat) => ({ seat, invitePrivateKey: key })),
    );
    await screen.findByText("invites.json을(를) 불러왔습니다.");
    await waitFor(() => expect(onSecrets).toHaveBeenCalled());
    const saved = (saveSecrets.mock.calls[0] as unknown[])[3] as RoundSecrets;
    expect(saved.inviteKeys).toEqual(keys);
  });
});
