import { useTranslation } from "react-i18next";
import type { Address } from "viem";

import { roundsHash } from "../lib/route.ts";
import { MessageScreen } from "../ui/Screen.tsx";

/**
 * Replaces a public page whose link names another chain than the one the
 * server reads: nothing of that page is read or verified, because the
 * registry address may hold another deployment on this chain.
 */
export function ChainMismatch({
  expected,
  actual,
  registry,
}: {
  expected: number;
  actual: number;
  registry: Address;
}) {
  const { t } = useTranslation();
  return (
    <MessageScreen
      title={t("results.wrongChainTitle")}
      body={t("results.wrongChainBody", { expected, actual })}
      tone="warning"
      action={
        <p>
          <a className="button" href={roundsHash(actual, registry)}>
            {t("results.listOnChain", { chainId: actual })}
          </a>
        </p>
      }
    />
  );
}
