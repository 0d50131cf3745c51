// Rounds for the Caliper run, set up through the CLI's client code: the
// admin creates each round, every seat is claimed by a fresh device key,
// and every sheet is sealed for Caliper to commit and reveal. One extra
// round is played through here first to measure the gas each call needs.
import type { Abi, LocalAccount } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";

import {
  createRound,
  type RegistrySession,
} from "../../cli/lib/create-round.ts";
import { registryAbi } from "../../cli/lib/registry-abi.ts";
import { claimSeat } from "../../cli/lib/seat-actions.ts";
import { sendContract } from "../../cli/lib/send.ts";
import {
  caseSheetComments,
  caseSheetScores,
  type CaseFile,
} from "../../core/index.ts";
import type { SendQueue } from "../scale-round.ts";
import { sealSheet, type SealedCalls } from "./payloads.ts";

/** Gas limits for Caliper's sends, per registry call. */
export interface GasLimits {
  commitSheet: number;
  revealSheet: number;
  /** The reveal that completes the set and runs the tally. */
  finalReveal: number;
}

/** The registry's phase numbers, as docs/PROTOCOL.md lists them. */
export const PHASE_FINALIZED = 3;

// The margin of cli/lib/send.ts: state changes between the estimate and
// the block, and the rounds Caliper plays hold other random scores.
const GAS_MARGIN = 1.2;

/** Creates a round, claims every seat and seals every sheet. */
export async function prepareRound(
  session: RegistrySession,
  admin: LocalAccount,
  adminQueue: SendQueue,
  caseFile: CaseFile,
): Promise<SealedCalls[]> {
  const { roundId, keys } = await adminQueue.run(() =>
    createRound(session, admin, caseFile, {
      appUrl: "http://127.0.0.1",
      saveKeys: false,
    }),
  );
  const seats = keys.invites.map((invite) => ({
    roundId,
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
  return Promise.all(
    seats.map((claimed) =>
      sealSheet(
        session,
        claimed,
        { scores: scores[claimed.seat], comments: comments[claimed.seat] },
        keys.escrow.publicKey,
      ),
    ),
  );
}

type Call = { functionName: string; args: readonly unknown[] };

async function estimate(session: RegistrySession, call: Call) {
  const sender = privateKeyToAccount(generatePrivateKey());
  const client = session.connection.client;
  const gas = await client.estimateContractGas({
    address: session.registry,
    abi: registryAbi as Abi,
    functionName: call.functionName,
    args: call.args,
    account: sender.address,
    gasPrice: 0n,
  } as Parameters<typeof client.estimateContractGas>[0]);
  return Number(gas);
}

/** Sends each call from its own fresh key, so that no two share a nonce. */
function sendAll(session: RegistrySession, calls: readonly Call[]) {
  return Promise.all(
    calls.map((call) =>
      sendContract(
        session.connection,
        privateKeyToAccount(generatePrivateKey()),
        { address: session.registry, abi: registryAbi as Abi, ...call },
      ),
    ),
  );
}

/**
 * Plays one prepared round to its result with the project's own sender
 * and returns the gas each kind of call needs, with a margin. The last
 * commit and the last reveal are estimated after the others are mined,
 * because one closes scoring and the other runs the tally.
 */
export async function calibrateGas(
  session: RegistrySession,
  sealed: readonly SealedCalls[],
): Promise<GasLimits> {
  const commits = sealed.map((calls) => ({
    functionName: "commitSheet",
    args: calls.commit,
  }));
  const reveals = sealed.map((calls) => ({
    functionName: "revealSheet",
    args: calls.reveal,
  }));
  const maxGas = async (calls: readonly Call[]) =>
    Math.max(...(await Promise.all(calls.map((c) => estimate(session, c)))));

  let commitGas = await maxGas(commits.slice(0, -1));
  await sendAll(session, commits.slice(0, -1));
  commitGas = Math.max(commitGas, await maxGas(commits.slice(-1)));
  await sendAll(session, commits.slice(-1));

  const revealGas = await maxGas(reveals.slice(0, -1));
  await sendAll(session, reveals.slice(0, -1));
  const finalGas = await maxGas(reveals.slice(-1));
  await sendAll(session, reveals.slice(-1));

  const withMargin = (gas: number) => Math.ceil(gas * GAS_MARGIN);
  return {
    commitSheet: withMargin(commitGas),
    revealSheet: withMargin(revealGas),
    finalReveal: withMargin(finalGas),
  };
}

/** Counts the rounds that reached the finalized phase with every seat open. */
export async function countFinalized(
  session: RegistrySession,
  roundIds: readonly bigint[],
): Promise<number> {
  const views = await Promise.all(
    roundIds.map(
      (roundId) =>
        session.connection.client.readContract({
          address: session.registry,
          abi: registryAbi as Abi,
          functionName: "getRound",
          args: [roundId],
        }) as Promise<{ phase: number; seats: number; revealed: number }>,
    ),
  );
  return views.filter(
    (view) => view.phase === PHASE_FINALIZED && view.revealed === view.seats,
  ).length;
}
