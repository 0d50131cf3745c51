import { isAddressEqual } from "viem";
import type { Address } from "viem";
import { hashReason } from "../eip712.ts";
import { pledgeLanguageOf } from "../pledge.ts";
import { makeCheck, plural, seatText } from "./check.ts";
import type { VerifyCheck } from "./check.ts";
import type { EvaluationRecord } from "./record.ts";
import { recoverMessageSigner } from "./signatures.ts";
import type { RecoveredSigner, SignatureDomain } from "./signatures.ts";
import type { Replay } from "./timeline.ts";

// The checks that every signed message came from the key the registry
// required when it accepted the message: the seat's invite key for a Claim,
// the device bound to the seat for a Pledge, a Sheet and a Recusal.

function signerProblem(
  subject: string,
  recovered: RecoveredSigner,
  expected: Address | null,
  expectedName: string,
): string | undefined {
  if (!recovered.ok) return `${subject}: ${recovered.reason}`;
  if (expected === null) return `${subject}: no device was bound to the seat`;
  if (isAddressEqual(recovered.signer, expected)) return undefined;
  return `${subject}: signed by ${recovered.signer}, not by ${expectedName} ${expected}`;
}

function domainOf(record: EvaluationRecord): SignatureDomain {
  return { chainId: record.chainId, registry: record.registry };
}

function present(problems: readonly (string | undefined)[]): string[] {
  return problems.filter((problem) => problem !== undefined);
}

/** Checks each Claim signature against the seat's invite at that time. */
export async function checkClaims(
  record: EvaluationRecord,
  replay: Replay,
): Promise<VerifyCheck> {
  const roundId = BigInt(record.roundId);
  const problems = await Promise.all(
    replay.claims.map(async ({ claim, invite }) => {
      const message = { roundId, seat: claim.seat, device: claim.device };
      const recovered = await recoverMessageSigner(
        domainOf(record),
        "Claim",
        message,
        claim.inviteSignature,
      );
      const subject = `${seatText(claim.seat)} claim in block ${claim.block}`;
      return signerProblem(subject, recovered, invite, "its invite");
    }),
  );
  return makeCheck(
    "claims-signed",
    "Every claim was signed by the seat's invite key",
    present(problems),
    `${plural(replay.claims.length, "claim")}, each signed by its seat's invite key`,
  );
}

/** Checks each Pledge signature against the device that claimed. */
export async function checkPledges(
  record: EvaluationRecord,
  replay: Replay,
): Promise<VerifyCheck> {
  const roundId = BigInt(record.roundId);
  const problems = await Promise.all(
    replay.claims.map(async ({ claim }) => {
      const message = {
        roundId,
        seat: claim.seat,
        pledgeHash: claim.pledgeHash,
      };
      const recovered = await recoverMessageSigner(
        domainOf(record),
        "Pledge",
        message,
        claim.pledgeSignature,
      );
      const subject = `${seatText(claim.seat)} pledge in block ${claim.block}`;
      return signerProblem(subject, recovered, claim.device, "its device");
    }),
  );
  const unknown = replay.claims.filter(
    ({ claim }) => pledgeLanguageOf(claim.pledgeHash) === undefined,
  ).length;
  const texts =
    unknown === 0
      ? "all of a published Jurybox pledge text"
      : `${unknown} of a text that Jurybox does not publish`;
  return makeCheck(
    "pledges-signed",
    "Every pledge was signed by the device that claimed the seat",
    present(problems),
    `${plural(replay.claims.length, "pledge")}, each signed by the device that claimed the seat, ${texts}`,
  );
}

/** Checks each Sheet signature against the device bound at the commit. */
export async function checkSheets(
  record: EvaluationRecord,
  replay: Replay,
): Promise<VerifyCheck> {
  const roundId = BigInt(record.roundId);
  const problems = await Promise.all(
    replay.commits.map(async ({ commit, device }) => {
      const message = {
        roundId,
        seat: commit.seat,
        commitment: commit.commitment,
      };
      const recovered = await recoverMessageSigner(
        domainOf(record),
        "Sheet",
        message,
        commit.signature,
      );
      const subject = `${seatText(commit.seat)} commit in block ${commit.block}`;
      return signerProblem(subject, recovered, device, "its device");
    }),
  );
  return makeCheck(
    "sheets-signed",
    "Every committed sheet was signed by the device bound to its seat",
    present(problems),
    `${plural(replay.commits.length, "commit")}, each signed by the device ` +
      "bound to its seat at that time",
  );
}

/** Checks each Recusal signature against the seat's device. */
export async function checkRecusals(
  record: EvaluationRecord,
  replay: Replay,
): Promise<VerifyCheck> {
  const roundId = BigInt(record.roundId);
  const problems = await Promise.all(
    replay.recusals.map(async ({ recusal, device }) => {
      const message = {
        roundId,
        seat: recusal.seat,
        reasonHash: hashReason(recusal.reason),
      };
      const recovered = await recoverMessageSigner(
        domainOf(record),
        "Recusal",
        message,
        recusal.signature,
      );
      const subject = `${seatText(recusal.seat)} recusal in block ${recusal.block}`;
      return signerProblem(subject, recovered, device, "its device");
    }),
  );
  const passed =
    replay.recusals.length === 0
      ? "no seat recused"
      : `${plural(replay.recusals.length, "recusal")}, each signed by its seat's device`;
  return makeCheck(
    "recusals-signed",
    "Every recusal was signed by the seat's device",
    present(problems),
    passed,
  );
}
