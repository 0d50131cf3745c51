import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PublicClient } from "viem";

import { createChainClient } from "../chain/client.ts";
import { addStrings } from "../i18n/index.ts";
import { MessageScreen } from "../ui/Screen.tsx";
import { AdminStore } from "./admin-store.ts";
import { loadConfig, type ConsoleConfig } from "./config.ts";
import { CreateRoundScreen } from "./CreateRoundScreen.tsx";
import { LabelsScreen } from "./LabelsScreen.tsx";
import { RoundList } from "./RoundList.tsx";
import { RoundScreen } from "./RoundScreen.tsx";
import { localSigner, type AdminSigner } from "./signer.ts";
import { SignInScreen } from "./SignInScreen.tsx";
import { adminStrings } from "./strings.ts";
import "./admin.css";

addStrings(adminStrings);

/** Everything an admin screen needs. */
export interface AdminContext {
  config: ConsoleConfig;
  client: PublicClient;
  store: AdminStore;
  signer: AdminSigner;
}

type Loaded =
  | { status: "loading" }
  | { status: "error"; message: string }
  | {
      status: "ready";
      config: ConsoleConfig;
      client: PublicClient;
      store: AdminStore;
      signer?: AdminSigner;
      signInError?: string;
    };

/** Raised when the server rejects a used, expired or unknown sign-in link. */
class SignInLinkRejectedError extends Error {
  constructor() {
    super("The sign-in link is invalid, expired or was already used.");
    this.name = "SignInLinkRejectedError";
  }
}

async function exchangeToken(token: string): Promise<`0x${string}`> {
  const response = await fetch(new URL("admin/signin", window.location.href), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ token }),
  });
  const body = (await response.json()) as {
    privateKey?: `0x${string}`;
    error?: string;
  };
  if (response.status === 403) throw new SignInLinkRejectedError();
  if (!response.ok || !body.privateKey) {
    throw new Error(body.error ?? `HTTP ${response.status}`);
  }
  return body.privateKey;
}

/** The admin console: configuration, sign-in, and its screens by path. */
export function AdminApp({
  path,
  signInToken,
}: {
  path: string[];
  signInToken?: string;
}) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded>({ status: "loading" });

  useEffect(() => {
    let active = true;
    void (async () => {
      try {
        const config = await loadConfig();
        const client = createChainClient(config.chainId);
        const store = await AdminStore.open();
        let signInError: string | undefined;
        if (signInToken) {
          try {
            const key = await exchangeToken(signInToken);
            await store.saveAdminKey(config.chainId, config.registry, key);
          } catch (error) {
            signInError =
              error instanceof SignInLinkRejectedError
                ? t("admin.linkRejected")
                : (error as Error).message;
          }
          // The token works once; it leaves the address bar either way.
          history.replaceState(history.state, "", "#/admin");
        }
        const key = await store.loadAdminKey(config.chainId, config.registry);
        const signer = key
          ? localSigner(client, config.registry, key)
          : undefined;
        if (active) {
          setLoaded({
            status: "ready",
            config,
            client,
            store,
            signer,
            signInError,
          });
        }
      } catch (error) {
        if (active)
          setLoaded({ status: "error", message: (error as Error).message });
      }
    })();
    return () => {
      active = false;
    };
  }, [signInToken]);

  const setSigner = useCallback((signer: AdminSigner | undefined) => {
    setLoaded((current) =>
      current.status === "ready" ? { ...current, signer } : current,
    );
  }, []);

  if (loaded.status === "loading") {
    return <p className="loading">{t("admin.loadingConfig")}</p>;
  }
  if (loaded.status === "error") {
    return (
      <MessageScreen
        title={t("problem.unexpectedTitle")}
        body={loaded.message}
        tone="error"
      />
    );
  }
  const { config, client, store, signer } = loaded;
  if (!signer) {
    return (
      <SignInScreen
        config={config}
        client={client}
        error={loaded.signInError}
        onSigner={setSigner}
      />
    );
  }
  const context: AdminContext = { config, client, store, signer };
  const signOut = async () => {
    if (signer.kind === "local") {
      await store.deleteAdminKey(config.chainId, config.registry);
    }
    setSigner(undefined);
  };

  return (
    <div className="admin">
      <p className="signed-in">
        {t("admin.signedInAs", {
          address: signer.address,
          kind:
            signer.kind === "local"
              ? t("admin.kindLocal")
              : t("admin.kindWallet"),
        })}{" "}
        <button type="button" className="quiet" onClick={() => void signOut()}>
          {t("admin.signOut")}
        </button>
      </p>
      <AdminRoute path={path} context={context} />
    </div>
  );
}

function AdminRoute({
  path,
  context,
}: {
  path: string[];
  context: AdminContext;
}) {
  const [head, id, sub] = path;
  if (head === "new") return <CreateRoundScreen context={context} />;
  if (head === "round" && id && /^\d+$/.test(id)) {
    const roundId = BigInt(id);
    if (sub === "labels")
      return <LabelsScreen context={context} roundId={roundId} />;
    return <RoundScreen key={id} context={context} roundId={roundId} />;
  }
  return <RoundList context={context} />;
}
