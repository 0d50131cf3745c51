import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Address } from "viem";

import { loadConfig } from "../admin/config.ts";
import { roundsHash } from "../lib/route.ts";
import { MessageScreen } from "../ui/Screen.tsx";
import type { RegistryCheck } from "./registry-check.ts";

/**
 * Replaces a public page whose link names an address without a Jurybox
 * registry on the server's chain: nothing of that page is read. Links to
 * the round list of the registry that config.json names, when that is
 * another registry on the same chain.
 */
export function RegistryMissing({
  chainId,
  registry,
  problem,
}: {
  chainId: number;
  registry: Address;
  problem: Exclude<RegistryCheck, "registry">;
}) {
  const { t } = useTranslation();
  const served = useServedRounds(chainId, registry);
  return (
    <MessageScreen
      title={t(`results.${problem}Title`)}
      body={t(`results.${problem}Body`, { chainId, registry })}
      tone="warning"
      action={
        served && (
          <p>
            <a className="button" href={served}>
              {t("results.servedRounds")}
            </a>
          </p>
        )
      }
    />
  );
}

/**
 * Returns the round list link of the server's registry from config.json,
 * or undefined when config.json is missing, names another chain or names
 * `registry` itself.
 */
function useServedRounds(
  chainId: number,
  registry: Address,
): string | undefined {
  const [href, setHref] = useState<string>();
  useEffect(() => {
    let current = true;
    loadConfig().then(
      (config) => {
        if (!current) return;
        const other =
          config.chainId === chainId &&
          config.registry.toLowerCase() !== registry.toLowerCase();
        setHref(
          other ? roundsHash(config.chainId, config.registry) : undefined,
        );
      },
      // Without config.json there is no served registry to link to.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [chainId, registry]);
  return href;
}
