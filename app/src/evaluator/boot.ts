import type { Hex, PublicClient } from "viem";
import { generatePrivateKey, privateKeyToAddress } from "viem/accounts";

import { createChainClient } from "../chain/client.ts";
import {
  RoundNotFoundError,
  loadRound,
  roundFromStored,
  roundToStored,
  type RoundInfo,
} from "../chain/round.ts";
import { evaluatorHash, seatKey, type SeatLocator } from "../lib/route.ts";
import { openIdbStore } from "../storage/kv.ts";
import { TabletStore, type TabletSession } from "../storage/tablet-store.ts";
import { signClaim } from "./protocol.ts";

export type BootProblem =
  | { kind: "insecure" }
  | { kind: "storage" }
  | { kind: "no-session" }
  | { kind: "wrong-chain"; actual: number }
  | { kind: "not-found" }
  | { kind: "unreachable" }
  | { kind: "unexpected"; message: string };

export type Boot =
  | { status: "problem"; problem: BootProblem }
  | {
      status: "ready";
      store: TabletStore;
      session: TabletSession;
      round: RoundInfo;
      client: PublicClient;
    };

/** The storage key of a round, shared by the seats of one tablet. */
export function roundKey(locator: SeatLocator): string {
  return seatKey({ ...locator, seat: 0 }).replace(/:0$/, "");
}

/**
 * Replaces the session when the link carries an invite the tablet has not
 * seen: a fresh device key, and the invite's Claim signature over it. The
 * invite key itself is never stored; only its signature is.
 */
async function adoptInvite(
  store: TabletStore,
  locator: SeatLocator,
  inviteKey: Hex,
): Promise<TabletSession> {
  const key = seatKey(locator);
  const inviteAddress = privateKeyToAddress(inviteKey);
  const existing = await store.loadSession(key);
  if (existing?.inviteAddress === inviteAddress) return existing;

  const devicePrivateKey = generatePrivateKey();
  const device = privateKeyToAddress(devicePrivateKey);
  const session: TabletSession = {
    device,
    devicePrivateKey,
    inviteAddress,
    inviteSig: await signClaim(inviteKey, locator, device),
    createdAt: Date.now(),
  };
  if (existing) {
    // Sheets signed by the replaced device key cannot be committed for the
    // new one; the draft stays, so the evaluator signs it again.
    await store.clearSubmissions(key);
  }
  await store.saveSession(key, session);
  return session;
}

async function bootOnce(
  locator: SeatLocator,
  inviteKey: Hex | undefined,
): Promise<Boot> {
  const problem = (value: BootProblem): Boot => ({
    status: "problem",
    problem: value,
  });
  if (!window.isSecureContext || !crypto?.subtle) {
    return problem({ kind: "insecure" });
  }

  let store: TabletStore;
  try {
    store = await TabletStore.open(await openIdbStore());
  } catch {
    return problem({ kind: "storage" });
  }

  let session = await store.loadSession(seatKey(locator));
  if (inviteKey) {
    session = await adoptInvite(store, locator, inviteKey);
    // Only now that the session is on disk may the key leave the address bar.
    history.replaceState(history.state, "", evaluatorHash(locator));
  }
  if (!session) return problem({ kind: "no-session" });

  const client = createChainClient(locator.chainId);
  const cached = await store.loadRound(roundKey(locator));
  try {
    const actual = await client.getChainId();
    if (actual !== locator.chainId) {
      return problem({ kind: "wrong-chain", actual });
    }
    const round = await loadRound(client, locator.registry, locator.roundId);
    await store.saveRound(roundKey(locator), roundToStored(round));
    return { status: "ready", store, session, round, client };
  } catch (error) {
    if (error instanceof RoundNotFoundError) {
      return problem({ kind: "not-found" });
    }
    // Offline: a tablet that has read the round before keeps working.
    if (cached) {
      return {
        status: "ready",
        store,
        session,
        round: roundFromStored(cached),
        client,
      };
    }
    return problem({ kind: "unreachable" });
  }
}

const boots = new Map<string, Promise<Boot>>();

/**
 * Opens the tablet's storage, takes over the link's invite, checks the
 * chain and loads the round. Concurrent calls for the same link share one
 * run, so a device key is never generated twice.
 */
export function bootTablet(
  locator: SeatLocator,
  inviteKey: Hex | undefined,
): Promise<Boot> {
  const key = `${seatKey(locator)}:${inviteKey ?? ""}`;
  let boot = boots.get(key);
  if (!boot) {
    boot = bootOnce(locator, inviteKey).catch((error: unknown): Boot => ({
      status: "problem",
      problem: {
        kind: "unexpected",
        message: error instanceof Error ? error.message : String(error),
      },
    }));
    boots.set(key, boot);
    // A finished boot may be retried (e.g. after the network returns).
    void boot.then(() => boots.delete(key));
  }
  return boot;
}
