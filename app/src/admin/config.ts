import { getAddress, type Address } from "viem";

/** Where the console finds its chain, from /config.json beside the app. */
export interface ConsoleConfig {
  chainId: number;
  registry: Address;
  /** True when the app server offers the one-time admin sign-in link. */
  adminSignIn: boolean;
}

export class ConsoleConfigError extends Error {
  constructor(reason: string) {
    super(
      `config.json ${reason}; serve the app with \`jurybox up\` or put a ` +
        'config.json with "chainId" and "registry" beside index.html.',
    );
    this.name = "ConsoleConfigError";
  }
}

/** Loads and checks /config.json. */
export async function loadConfig(): Promise<ConsoleConfig> {
  let raw: { chainId?: unknown; registry?: unknown; adminSignIn?: unknown };
  try {
    const response = await fetch(new URL("config.json", window.location.href), {
      cache: "no-store",
    });
    if (!response.ok) throw new Error(String(response.status));
    raw = await response.json();
  } catch {
    throw new ConsoleConfigError("could not be loaded");
  }
  if (typeof raw.chainId !== "number" || typeof raw.registry !== "string") {
    throw new ConsoleConfigError("has no chainId or registry");
  }
  return {
    chainId: raw.chainId,
    registry: getAddress(raw.registry),
    adminSignIn: raw.adminSignIn === true,
  };
}
