import type { Address, Hex } from "viem";

/** The evaluator's seat as named by a tablet link. */
export interface SeatLocator {
  chainId: number;
  registry: Address;
  roundId: bigint;
  seat: number;
}

export type Route =
  | { name: "home" }
  | ({ name: "evaluator"; inviteKey?: Hex } & SeatLocator)
  | { name: "admin"; path: string[] }
  | { name: "admin-signin"; token: string }
  | ({ name: "results" } & Omit<SeatLocator, "seat">)
  | { name: "rounds"; chainId: number; registry: Address }
  | { name: "invalid-link" }
  | { name: "invalid-results-link" };

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const PRIVATE_KEY = /^0x[0-9a-fA-F]{64}$/;
const DECIMAL = /^[0-9]{1,30}$/;

/**
 * Parses the location hash. Tablet links look like
 * `#/e/<chainId>/<registry>/<roundId>/<seat>[/<inviteKey>]`; the fragment
 * never reaches a server, so the invite key stays on the tablet.
 */
export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, "").split("/").filter(Boolean);
  if (parts.length === 0) return { name: "home" };
  const [head, ...rest] = parts;
  if (head === "e") return parseEvaluator(rest);
  if (head === "r") return parseResults(rest);
  if (head === "admin") {
    if (rest[0] === "signin" && rest.length === 2) {
      return { name: "admin-signin", token: rest[1] };
    }
    return { name: "admin", path: rest };
  }
  return { name: "invalid-link" };
}

function parseEvaluator(parts: string[]): Route {
  if (parts.length !== 4 && parts.length !== 5) return { name: "invalid-link" };
  const [chainText, registry, roundText, seatText, inviteKey] = parts;
  if (!DECIMAL.test(chainText) || !DECIMAL.test(roundText)) {
    return { name: "invalid-link" };
  }
  if (!DECIMAL.test(seatText) || !ADDRESS.test(registry)) {
    return { name: "invalid-link" };
  }
  const chainId = Number(chainText);
  const roundId = BigInt(roundText);
  const seat = Number(seatText);
  if (chainId < 1 || roundId < 1n || seat > 65535) {
    return { name: "invalid-link" };
  }
  if (inviteKey !== undefined && !PRIVATE_KEY.test(inviteKey)) {
    return { name: "invalid-link" };
  }
  return {
    name: "evaluator",
    chainId,
    registry: registry as Address,
    roundId,
    seat,
    ...(inviteKey ? { inviteKey: inviteKey as Hex } : {}),
  };
}

function parseResults(parts: string[]): Route {
  const [chainText, registry, roundText] = parts;
  if (
    parts.length === 2 &&
    DECIMAL.test(chainText) &&
    ADDRESS.test(registry) &&
    Number(chainText) >= 1
  ) {
    return {
      name: "rounds",
      chainId: Number(chainText),
      registry: registry as Address,
    };
  }
  const valid =
    parts.length === 3 &&
    DECIMAL.test(chainText) &&
    ADDRESS.test(registry) &&
    DECIMAL.test(roundText) &&
    Number(chainText) >= 1 &&
    BigInt(roundText) >= 1n;
  if (!valid) return { name: "invalid-results-link" };
  return {
    name: "results",
    chainId: Number(chainText),
    registry: registry as Address,
    roundId: BigInt(roundText),
  };
}

/** Builds the public results link of a round. */
export function resultsHash(locator: Omit<SeatLocator, "seat">): string {
  return `#/r/${locator.chainId}/${locator.registry}/${locator.roundId}`;
}

/** Builds the public link of a registry's round list. */
export function roundsHash(chainId: number, registry: Address): string {
  return `#/r/${chainId}/${registry}`;
}

/** Builds the tablet link for a seat; without `inviteKey` it is the link a claimed tablet keeps. */
export function evaluatorHash(locator: SeatLocator, inviteKey?: Hex): string {
  const base =
    `#/e/${locator.chainId}/${locator.registry}/` +
    `${locator.roundId}/${locator.seat}`;
  return inviteKey ? `${base}/${inviteKey}` : base;
}

/** The storage key of one seat on one registry and chain. */
export function seatKey(locator: SeatLocator): string {
  return [
    locator.chainId,
    locator.registry.toLowerCase(),
    locator.roundId.toString(),
    locator.seat,
  ].join(":");
}
