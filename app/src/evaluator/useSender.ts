import { useCallback, useEffect, useRef, useState } from "react";
import type { PublicClient } from "viem";

import { sendRegistryCall, type RegistryCall } from "../chain/client.ts";
import { describeError, isNetworkError } from "../chain/errors.ts";
import {
  chainNow,
  type RoundWatcher,
  type WatchState,
} from "../chain/watch.ts";
import { seatKey, type SeatLocator } from "../lib/route.ts";
import type {
  Submissions,
  TabletSession,
  TabletStore,
} from "../storage/tablet-store.ts";
import { nextChainAction, type ChainAction } from "./next-action.ts";

export type SendStatus =
  | { state: "idle" }
  | { state: "sending"; action: ChainAction["kind"] }
  | { state: "queued"; action: ChainAction["kind"] }
  | { state: "failed"; action: ChainAction["kind"]; message: string };

/** Milliseconds between attempts while the network is down. */
const OFFLINE_RETRY_MS = 3_000;
/** Milliseconds before a rejected transaction is tried again. */
const FAILED_RETRY_MS = 15_000;

function callFor(
  action: ChainAction,
  locator: SeatLocator,
  session: TabletSession,
): RegistryCall | undefined {
  const { roundId, seat } = locator;
  switch (action.kind) {
    case "claim":
      return {
        functionName: "claimSeat",
        args: [
          roundId,
          seat,
          session.device,
          session.pledge!.hash,
          session.inviteSig,
          session.pledge!.sig,
        ],
      };
    case "commit":
      return {
        functionName: "commitSheet",
        args: [
          roundId,
          seat,
          action.sheet.commitment,
          action.sheet.sheetSig,
          action.sheet.escrow,
        ],
      };
    case "reveal":
      return {
        functionName: "revealSheet",
        args: [
          roundId,
          seat,
          action.sheet.scores,
          action.sheet.comments,
          action.sheet.salt,
        ],
      };
    case "confirm":
      return undefined;
  }
}

/**
 * Sends whatever the tablet owes the chain (claim, commit, reveal) from the
 * device key, one transaction at a time, and keeps trying: every 3 s and
 * at once when the browser comes back online while the network is down,
 * every 15 s after a rejection.
 */
export function useSender(options: {
  client: PublicClient;
  locator: SeatLocator;
  store: TabletStore;
  session: TabletSession;
  submissions: Submissions;
  onSubmissions: (next: Submissions) => void;
  watch: WatchState;
  watcher: RoundWatcher;
  scoringDeadline: number;
  ready: boolean;
}): { status: SendStatus; retry: () => void } {
  const [status, setStatus] = useState<SendStatus>({ state: "idle" });
  const [tick, setTick] = useState(0);
  const running = useRef(false);
  const retryTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const latest = useRef(options);
  latest.current = options;
  const kick = useCallback(() => setTick((count) => count + 1), []);

  const action = options.ready
    ? nextChainAction(
        options.watch.progress,
        options.locator.seat,
        options.session,
        options.submissions,
        chainNow(options.watch),
        options.scoringDeadline,
      )
    : undefined;
  const actionKey = action
    ? `${action.kind}:${"sheet" in action ? action.sheet.commitment : ""}`
    : "";

  useEffect(() => {
    if (!action || running.current) return;
    running.current = true;
    clearTimeout(retryTimer.current);
    const { client, locator, store, session, watcher } = latest.current;
    const run = async () => {
      if (action.kind === "confirm") {
        const next = await store.confirm(
          seatKey(locator),
          action.sheet.commitment,
        );
        latest.current.onSubmissions(next);
        return;
      }
      setStatus({ state: "sending", action: action.kind });
      await sendRegistryCall(
        client,
        locator.registry,
        session.devicePrivateKey,
        callFor(action, locator, session)!,
      );
      if (action.kind === "commit") {
        const next = await store.confirm(
          seatKey(locator),
          action.sheet.commitment,
        );
        latest.current.onSubmissions(next);
      }
      // The watcher must see the transaction before the next decision.
      await watcher.poll();
    };
    run().then(
      () => {
        running.current = false;
        setStatus({ state: "idle" });
        kick();
      },
      (error: unknown) => {
        running.current = false;
        const offline = isNetworkError(error);
        setStatus(
          offline
            ? { state: "queued", action: action.kind }
            : {
                state: "failed",
                action: action.kind,
                message: describeError(error),
              },
        );
        retryTimer.current = setTimeout(
          kick,
          offline ? OFFLINE_RETRY_MS : FAILED_RETRY_MS,
        );
        void watcher.poll();
      },
    );
    // actionKey names the action; everything else is read through `latest`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [actionKey, tick]);

  useEffect(() => {
    window.addEventListener("online", kick);
    return () => {
      window.removeEventListener("online", kick);
      clearTimeout(retryTimer.current);
    };
  }, [kick]);

  return { status: action ? status : { state: "idle" }, retry: kick };
}
