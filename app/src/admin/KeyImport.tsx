import { useState } from "react";
import { useTranslation } from "react-i18next";

import type { SeatProgress } from "../chain/progress.ts";
import type { RoundInfo } from "../chain/round.ts";
import type { AdminContext } from "./AdminApp.tsx";
import type { RoundSecrets } from "./admin-store.ts";
import {
  mergeSecrets,
  readEscrowKeyFile,
  readInvitesFile,
} from "./import-keys.ts";

/**
 * Loads a round's keys into this browser: the escrow key file (for escrow
 * reveals) and the CLI's invites.json (for printing the original QR labels),
 * e.g. for a round created with `jurybox round create` or in another
 * browser. A file of another round is rejected before anything is stored.
 */
export function KeyImport({
  context,
  round,
  seats,
  showInvites,
  secrets,
  onSecrets,
}: {
  context: AdminContext;
  round: RoundInfo;
  /** The seats as the chain has them, to check invite keys against. */
  seats: readonly SeatProgress[];
  /** Offers the invites.json input, while a seat to print has no key here. */
  showInvites: boolean;
  secrets: RoundSecrets | null;
  onSecrets: (secrets: RoundSecrets) => void;
}) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const { config, store } = context;

  async function load(kind: "escrow" | "invites", file: File) {
    try {
      const text = await file.text();
      const target = {
        chainId: config.chainId,
        registry: config.registry,
        round,
        seats,
      };
      const next = mergeSecrets(
        secrets,
        kind === "escrow"
          ? { escrowPrivateKey: readEscrowKeyFile(file.name, text, target) }
          : { inviteKeys: readInvitesFile(file.name, text, target) },
        seats,
      );
      await store.saveSecrets(
        config.chainId,
        config.registry,
        round.roundId,
        next,
      );
      onSecrets(next);
      setMessage({ ok: true, text: t("keys.loaded", { name: file.name }) });
    } catch (error) {
      setMessage({ ok: false, text: (error as Error).message });
    }
  }

  return (
    <section className="key-import" aria-labelledby="key-import-title">
      <h2 id="key-import-title">{t("keys.title")}</h2>
      <p>{t("keys.body")}</p>
      <div className="form-grid">
        {!secrets?.escrowPrivateKey && (
          <div className="form-field">
            <label htmlFor="escrow-file">{t("keys.escrow")}</label>
            <input
              id="escrow-file"
              type="file"
              accept="application/json,.json"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) void load("escrow", file);
              }}
            />
          </div>
        )}
        {showInvites && (
          <div className="form-field">
            <label htmlFor="invites-file">{t("keys.invites")}</label>
            <input
              id="invites-file"
              type="file"
              accept="application/json,.json"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) void load("invites", file);
              }}
            />
          </div>
        )}
      </div>
      {message && (
        <p
          role={message.ok ? "status" : "alert"}
          className={message.ok ? "hint" : "field-error"}
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
