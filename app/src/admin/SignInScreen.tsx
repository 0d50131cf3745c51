import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PublicClient } from "viem";

import { appRpcUrl } from "../chain/client.ts";
import { Screen } from "../ui/Screen.tsx";
import type { ConsoleConfig } from "./config.ts";
import type { AdminSigner } from "./signer.ts";

/** Sign-in: the one-time link on the embedded chain, or a browser wallet. */
export function SignInScreen({
  config,
  client,
  error,
  onSigner,
}: {
  config: ConsoleConfig;
  client: PublicClient;
  error?: string;
  onSigner: (signer: AdminSigner) => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [walletError, setWalletError] = useState<string>();

  async function connect() {
    setBusy(true);
    setWalletError(undefined);
    try {
      const { connectWallet } = await import("./wallet.ts");
      onSigner(await connectWallet(client, config.registry, appRpcUrl()));
    } catch (cause) {
      setWalletError((cause as Error).message);
      setBusy(false);
    }
  }

  const message = error ?? walletError;
  return (
    <Screen title={t("admin.signInTitle")}>
      <p>{t("admin.signInBody")}</p>
      {message && (
        <p className="field-error" role="alert">
          {t("admin.signInFailed", { message })}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => void connect()}
        >
          {busy ? t("admin.signingIn") : t("admin.connectWallet")}
        </button>
      </div>
    </Screen>
  );
}
