// One round of the scale run, end to end through the CLI's client code:
// create, claim every seat, commit every sheet with its escrow copy, reveal
// every sheet. The last commit closes scoring and the last reveal
// finalises, so each is sent after the others are mined.
import type { LocalAccount } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";

import { createRound, type RegistrySession } from "../cli/lib/create-round.ts";
import {
  claimSeat,
  commitSheet,
  revealSheet,
} from "../cli/lib/seat-actions.ts";
import {
  caseSheetComments,
  caseSheetScores,
  type CaseFile,
} from "../core/index.ts";

/**
 * Runs calls one at a time. The admin key creates every round, and two
 * concurrent sends from one key would read the same pending nonce.
 */
export class SendQueue {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.#tail.then(task);
    this.#tail = next.catch(() => undefined);
    return next;
  }
}

/** Sends every item's action but the last at once, then the last alone. */
async function lastAlone<Item, Result>(
  items: readonly Item[],
  act: (item: Item) => Promise<Result>,
): Promise<Result[]> {
  const first = await Promise.all(items.slice(0, -1).map(act));
  const last = await act(items[items.length - 1]);
  return [...first, last];
}

/** Runs one round from creation to its result; returns its id. */
export async function runRound(
  session: RegistrySession,
  admin: LocalAccount,
  adminQueue: SendQueue,
  caseFile: CaseFile,
): Promise<bigint> {
  const created = await adminQueue.run(() =>
    createRound(session, admin, caseFile, {
      appUrl: "http://127.0.0.1",
      saveKeys: false,
    }),
  );
  const { roundId, keys } = created;
  const seats = keys.invites.map((invite) => ({
    seat: invite.seat,
    invite: privateKeyToAccount(invite.privateKey),
    device: privateKeyToAccount(generatePrivateKey()),
  }));
  await Promise.all(
    seats.map(({ seat, invite, device }) =>
      claimSeat(session, roundId, seat, invite, device),
    ),
  );

  const scores = caseSheetScores(caseFile);
  const comments = caseSheetComments(caseFile);
  const sealed = await lastAlone(seats, ({ seat, device }) =>
    commitSheet(
      session,
      roundId,
      seat,
      device,
      { scores: scores[seat], comments: comments[seat] },
      keys.escrow.publicKey,
    ),
  );
  await lastAlone(seats, ({ seat, device }) =>
    revealSheet(session, roundId, seat, device, sealed[seat]),
  );
  return roundId;
}

/**
 * Runs the rounds with `concurrency` of them in flight at once and returns
 * the milliseconds from the start until each one finalised, in the order
 * they finished.
 */
export async function runRounds(
  session: RegistrySession,
  admin: LocalAccount,
  caseFiles: readonly CaseFile[],
  concurrency: number,
  progress: (line: string) => void,
): Promise<number[]> {
  const adminQueue = new SendQueue();
  const finishedAt: number[] = [];
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < caseFiles.length) {
      const caseFile = caseFiles[next];
      next += 1;
      const roundId = await runRound(session, admin, adminQueue, caseFile);
      finishedAt.push(performance.now() - started);
      const seconds = (finishedAt[finishedAt.length - 1] / 1000).toFixed(1);
      progress(
        `round ${roundId} finalised (${finishedAt.length} of ` +
          `${caseFiles.length}, ${seconds} s)`,
      );
    }
  };
  const workers = Math.min(concurrency, caseFiles.length);
  await Promise.all(Array.from({ length: workers }, worker));
  return finishedAt;
}
