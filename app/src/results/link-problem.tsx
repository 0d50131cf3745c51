import type { ReactNode } from "react";
import type { Address } from "viem";

import { ChainMismatch } from "./ChainMismatch.tsx";
import { RegistryMissing } from "./RegistryMissing.tsx";
import type { RegistryCheck } from "./registry-check.ts";

/**
 * Returns the page shown instead of a round or a round list when the
 * server runs another chain than the link names, or when the link's
 * address contains no registry. Returns null when the link is fine.
 */
export function linkProblemScreen(
  chainId: number,
  registry: Address,
  wrongChain: number | undefined,
  registryProblem: Exclude<RegistryCheck, "registry"> | undefined,
): ReactNode | null {
  if (wrongChain !== undefined) {
    return (
      <ChainMismatch
        expected={chainId}
        actual={wrongChain}
        registry={registry}
      />
    );
  }
  if (registryProblem) {
    return (
      <RegistryMissing
        chainId={chainId}
        registry={registry}
        problem={registryProblem}
      />
    );
  }
  return null;
}
