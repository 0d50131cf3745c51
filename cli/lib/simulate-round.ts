import type { LocalAccount } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";

import {
  caseSheetComments,
  caseSheetScores,
  formatResult,
  type BidderResult,
  type CaseFile,
  type FormattedResult,
} from "../../core/index.ts";
import { plural } from "../../core/verify/check.ts";
import { createRound, type RegistrySession } from "./create-round.ts";
import { CliError } from "./errors.ts";
import { readRoundStatus } from "./read-status.ts";
import { registryAbi } from "./registry-abi.ts";
import { claimSeat, commitSheet, revealSheet } from "./seat-actions.ts";

/**
 * Runs a case file through a whole round: create, claim every seat, commit
 * every sheet (the last commit closes scoring), reveal every sheet (the
 * last reveal finalises), then returns the result the chain computed.
 */
export async function simulateRound(
  session: RegistrySession,
  admin: LocalAccount,
  caseFile: CaseFile,
  onProgress: (line: string) => void,
): Promise<FormattedResult> {
  const created = await createRound(session, admin, caseFile, {
    appUrl: "http://127.0.0.1",
    saveKeys: false,
  });
  const { roundId, keys } = created;
  onProgress(
    `Created round ${roundId} with ${caseFile.evaluators} seats and ` +
      `${caseFile.bidders.length} bidders (block ${created.receipt.blockNumber})`,
  );

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
  onProgress(`Claimed ${seats.length} seats with fresh device keys`);

  const scores = caseSheetScores(caseFile);
  const comments = caseSheetComments(caseFile);
  const sealed = await inTwoSteps(seats, ({ seat, device }) =>
    commitSheet(
      session,
      roundId,
      seat,
      device,
      { scores: scores[seat], comments: comments[seat] },
      keys.escrow.publicKey,
    ),
  );
  const afterCommits = await readRoundStatus(session, roundId);
  if (afterCommits.phase !== "revealing") {
    throw new CliError(
      `Round ${roundId} is still ${afterCommits.phase} after every sheet ` +
        "was committed.",
      { hint: "Check that minEvaluators is at most the number of seats." },
    );
  }
  onProgress(
    `Committed ${plural(seats.length, "sealed sheet")}; scoring closed`,
  );

  await inTwoSteps(seats, ({ seat, device }) =>
    revealSheet(session, roundId, seat, device, sealed[seat]),
  );
  return readFinalResult(session, roundId, onProgress);
}

/**
 * Reads the result from the chain: the bidder names from RoundCreated, the
 * block from RoundFinalized, and the numbers from getResult, checked
 * against the numbers RoundFinalized emitted.
 */
async function readFinalResult(
  session: RegistrySession,
  roundId: bigint,
  onProgress: (line: string) => void,
): Promise<FormattedResult> {
  const status = await readRoundStatus(session, roundId);
  if (status.phase !== "finalized" || status.result === null) {
    throw new CliError(
      `Round ${roundId} is ${status.phase} after every sheet was revealed.`,
      { hint: "The last reveal should have finalised the round." },
    );
  }
  onProgress(
    `Revealed ${plural(status.counts.revealed, "sheet")}; the last reveal finalised ` +
      `the round in block ${status.result.blockNumber}`,
  );

  const [results] = (await session.connection.client.readContract({
    address: session.registry,
    abi: registryAbi,
    functionName: "getResult",
    args: [roundId],
  })) as [BidderResult[], string];
  const source = { roundId, block: status.result.blockNumber };
  const bidders = status.bidderNames.map((name) => ({ name }));
  const fromView = formatResult({ bidders }, results, source);
  const fromEvent = formatResult({ bidders }, status.result.bidders, source);
  if (JSON.stringify(fromView) !== JSON.stringify(fromEvent)) {
    throw new CliError(
      `getResult and RoundFinalized disagree on the result of round ${roundId}.`,
      { hint: "This is a registry defect; report it with the round id." },
    );
  }
  return fromView;
}

/**
 * Sends every seat's action but the last at once, then the last alone. The
 * last commit also closes scoring and the last reveal also finalises, so
 * its gas must be estimated on the state after all the others.
 */
async function inTwoSteps<Seat, Result>(
  seats: readonly Seat[],
  act: (seat: Seat) => Promise<Result>,
): Promise<Result[]> {
  const first = await Promise.all(seats.slice(0, -1).map(act));
  const last = await act(seats[seats.length - 1]);
  return [...first, last];
}
