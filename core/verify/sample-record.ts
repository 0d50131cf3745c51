import { keccak256, stringToHex } from "viem";
import type { Address, Hex, LocalAccount } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { computeCommitment, lotterySeed } from "../commitment.ts";
import { juryboxDomain, juryboxTypedData, hashReason } from "../eip712.ts";
import { encryptSheet, generateEscrowKey } from "../escrow.ts";
import { tallyInputFromSpec, toRoundSpec } from "../params.ts";
import { PLEDGE_HASHES } from "../pledge.ts";
import type { CaseFile } from "../schema.ts";
import { caseSheetComments, caseSheetScores } from "../sheet.ts";
import { tally } from "../tally.ts";
import { RECORD_FORMAT, RECORD_VERSION } from "./record.ts";
import type { EvaluationRecord, RecordPosition } from "./record.ts";
import { recordOfSpec } from "./spec.ts";

// Builds the evaluation record that a correct registry would produce for a
// case file, without a chain: real signatures from keys derived from fixed
// labels, real commitments and escrow copies, and core's tally as the
// result. Tests and demos of the verifier start from it and then alter it.

/** Options of `sampleRecord`; each names a seat that takes a detour. */
export type SampleOptions = {
  /** This seat's first invite is replaced before the seat is claimed. */
  reissueSeat?: number;
  /** This seat claims, then recuses; its case sheet is never committed. */
  recuseSeat?: number;
  /** This seat first commits a sheet with other scores, then its own. */
  recommitSeat?: number;
  /**
   * The administrator cancels the round with this reason after every
   * commit, while scoring is still open, so the round has no result.
   */
  cancelReason?: string;
};

export const SAMPLE_CHAIN_ID = 1337;
export const SAMPLE_REGISTRY: Address =
  "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const SAMPLE_ROUND_ID = 1n;
const START_TIME = 1_800_000_000;

/** Returns the account of a fixed label: a key for tests, never for real use. */
export function sampleAccount(label: string): LocalAccount {
  return privateKeyToAccount(keccak256(stringToHex(`jurybox sample ${label}`)));
}

/**
 * Builds a record of a finalized round, or of a cancelled one with
 * `cancelReason`, that passes every check.
 */
export async function sampleRecord(
  caseFile: CaseFile,
  options: SampleOptions = {},
): Promise<EvaluationRecord> {
  const spec = toRoundSpec(caseFile);
  const domain = juryboxDomain(SAMPLE_CHAIN_ID, SAMPLE_REGISTRY);
  const roundId = SAMPLE_ROUND_ID;
  const escrowKey = generateEscrowKey();
  const seats = caseFile.sheets.map((_, seat) => seat);
  const scores = caseSheetScores(caseFile);
  const comments = caseSheetComments(caseFile);
  const invite = (seat: number, generation = 0) =>
    sampleAccount(`invite ${seat}.${generation}`);
  const device = (seat: number) => sampleAccount(`device ${seat}`);
  const salt = (seat: number, version = 0) =>
    keccak256(stringToHex(`salt ${seat}.${version}`));

  let block = 0;
  const next = (logIndex = 0): RecordPosition => {
    if (logIndex === 0) block += 1;
    const transactionHash = keccak256(stringToHex(`transaction ${block}`));
    return {
      block,
      logIndex,
      transactionHash,
      timestamp: START_TIME + block * 2,
    };
  };

  const created = next();
  const record: EvaluationRecord = {
    format: RECORD_FORMAT,
    version: RECORD_VERSION,
    chainId: SAMPLE_CHAIN_ID,
    registry: SAMPLE_REGISTRY,
    roundId: roundId.toString(),
    asOf: { block: 0, blockHash: keccak256("0x00"), timestamp: 0 },
    created: {
      ...created,
      admin: sampleAccount("admin").address,
      tallyVersion: "1",
      params: {
        title: caseFile.title,
        referenceNumber: caseFile.reference,
        ...recordOfSpec(spec),
        invites: seats.map((seat) => invite(seat).address),
        scoringDeadline: START_TIME + 3600,
        revealDeadline: START_TIME + 90_000,
        escrowPublicKey: escrowKey.publicKey,
      },
    },
    status: {} as EvaluationRecord["status"],
    reissues: [],
    claims: [],
    recusals: [],
    commits: [],
    closing: null,
    reveals: [],
    result: null,
    cancellation: null,
  };

  for (const seat of seats) {
    let generation = 0;
    if (seat === options.reissueSeat) {
      generation = 1;
      record.reissues.push({
        ...next(),
        seat,
        invite: invite(seat, 1).address,
      });
    }
    const message = { roundId, seat, device: device(seat).address };
    const pledgeHash = PLEDGE_HASHES.ko;
    record.claims.push({
      ...next(),
      seat,
      device: message.device,
      pledgeHash,
      inviteSignature: await invite(seat, generation).signTypedData(
        juryboxTypedData(domain, "Claim", message),
      ),
      pledgeSignature: await device(seat).signTypedData(
        juryboxTypedData(domain, "Pledge", { roundId, seat, pledgeHash }),
      ),
    });
  }

  const committing = seats.filter((seat) => seat !== options.recuseSeat);
  if (options.recuseSeat !== undefined) {
    const seat = options.recuseSeat;
    const reason = "A bidder is a former employer.";
    record.recusals.push({
      ...next(),
      seat,
      reason,
      signature: await device(seat).signTypedData(
        juryboxTypedData(domain, "Recusal", {
          roundId,
          seat,
          reasonHash: hashReason(reason),
        }),
      ),
    });
  }

  const commit = async (
    seat: number,
    sheetScores: number[],
    sheetSalt: Hex,
  ) => {
    const sheet = {
      scores: sheetScores,
      comments: comments[seat],
      salt: sheetSalt,
    };
    const commitment = computeCommitment({ roundId, seat, ...sheet });
    record.commits.push({
      ...next(),
      seat,
      commitment,
      escrow: encryptSheet(escrowKey.publicKey, sheet),
      signature: await device(seat).signTypedData(
        juryboxTypedData(domain, "Sheet", { roundId, seat, commitment }),
      ),
    });
  };
  for (const seat of committing) {
    if (seat === options.recommitSeat) {
      await commit(
        seat,
        scores[seat].map((score) => Math.floor(score / 2)),
        salt(seat, 1),
      );
    }
    await commit(seat, scores[seat], salt(seat));
  }
  if (options.cancelReason !== undefined) {
    const cancelled = next();
    record.cancellation = { ...cancelled, reason: options.cancelReason };
    record.asOf = {
      block: cancelled.block,
      blockHash: keccak256(stringToHex(`block ${cancelled.block}`)),
      timestamp: cancelled.timestamp,
    };
    record.status = {
      ...statusOf(record, spec, committing.length, created.timestamp),
      phase: 4,
      revealed: 0,
      closedAt: 0,
      finalizedAt: 0,
    };
    return record;
  }
  record.closing = {
    ...next(1),
    committed: committing.length,
    absent: 0,
    automatic: true,
  };

  for (const seat of committing) {
    record.reveals.push({
      ...next(),
      seat,
      scores: scores[seat],
      comments: comments[seat],
      salt: salt(seat),
    });
  }
  const seed = lotterySeed(committing.map((seat) => salt(seat)));
  const results = tally(
    tallyInputFromSpec(spec, {
      sheets: committing.map((seat) => scores[seat]),
      lotterySeed: seed,
    }),
  );
  const finalized = next(1);
  record.result = {
    ...finalized,
    lotterySeed: seed,
    revealedSeats: committing.length,
    bidders: results.map((result) => ({
      ...result,
      technical: result.technical.toString(),
      price: result.price.toString(),
      total: result.total.toString(),
    })),
  };

  record.asOf = {
    block: finalized.block,
    blockHash: keccak256(stringToHex(`block ${finalized.block}`)),
    timestamp: finalized.timestamp,
  };
  record.status = {
    ...statusOf(record, spec, committing.length, created.timestamp),
    closedAt: record.closing.timestamp,
    finalizedAt: finalized.timestamp,
  };
  return record;
}

/** Returns the `getRound` status of a finalized sample round, as `sampleRecord` builds it. */
function statusOf(
  record: EvaluationRecord,
  spec: ReturnType<typeof toRoundSpec>,
  committed: number,
  createdAt: number,
): EvaluationRecord["status"] {
  const seats = record.created.params.invites.length;
  return {
    admin: record.created.admin,
    phase: 3,
    seats,
    claimed: committed,
    committed,
    revealed: committed,
    recused: seats - committed,
    minEvaluators: spec.rules.minEvaluators,
    bidders: spec.bidders.length,
    criteria: spec.criteria.length,
    qualitativeCriteria: spec.criteria.filter((c) => !c.quantitative).length,
    scoringDeadline: record.created.params.scoringDeadline,
    revealDeadline: record.created.params.revealDeadline,
    createdAt,
    closedAt: 0,
    finalizedAt: 0,
  };
}
