import type { Address, Hex } from "viem";
import { z } from "zod";
import { formatPath } from "../schema/issues.ts";
import { RecordFormatError } from "./errors.ts";

// The evaluation record: everything a verifier needs to recheck one round
// without the chain, as plain JSON. Numbers that may exceed 2^53 (round id,
// money, published scores) are decimal strings; byte values are 0x hex.
// `parseRecord` reads a record back and rejects anything malformed.

/** The value of the record's `format` field. */
export const RECORD_FORMAT = "jurybox-evaluation-record";
/** The record layout this code writes and reads. */
export const RECORD_VERSION = 1;

/** Builds a schema of strings matching `pattern`, typed as viem's 0x hex. */
function hexPattern(pattern: RegExp, message: string) {
  return z.custom<Hex>(
    (value) => typeof value === "string" && pattern.test(value),
    message,
  );
}

const hexSchema = hexPattern(/^0x([0-9a-fA-F]{2})*$/, "must be 0x hex");
const bytes32Schema = hexPattern(
  /^0x[0-9a-fA-F]{64}$/,
  "must be 32 bytes of 0x hex",
);
const addressSchema = z.custom<Address>(
  (value) => typeof value === "string" && /^0x[0-9a-fA-F]{40}$/.test(value),
  "must be a 20-byte 0x address",
);
const decimalSchema = z
  .string()
  .regex(/^(0|[1-9]\d*)$/, "must be a whole decimal number");
const wholeSchema = (maximum: number) => z.number().int().min(0).max(maximum);
const uint8Schema = wholeSchema(255);
const uint16Schema = wholeSchema(65_535);
const uint32Schema = wholeSchema(4_294_967_295);
const safeSchema = wholeSchema(Number.MAX_SAFE_INTEGER);
const signatureSchema = hexSchema.nullable();

/** Position of an event on chain: block, log index, transaction, block time. */
const positionShape = {
  block: safeSchema,
  logIndex: safeSchema,
  transactionHash: bytes32Schema,
  /** UTC seconds of the block. */
  timestamp: safeSchema,
};

const rulesSchema = z.strictObject({
  version: z.string(),
  trim: uint8Schema,
  technicalScoring: uint8Schema,
  priceFormula: uint8Schema,
  qualifyingPercent: uint8Schema,
  minEvaluators: uint16Schema,
  technicalWeight: uint32Schema,
  priceWeight: uint32Schema,
  estimatedPrice: decimalSchema,
  tieBreak: z.array(uint8Schema),
});

const paramsSchema = z.strictObject({
  title: z.string(),
  referenceNumber: z.string(),
  rules: rulesSchema,
  criteria: z.array(
    z.strictObject({
      name: z.string(),
      maxPoints: uint16Schema,
      quantitative: z.boolean(),
    }),
  ),
  bidders: z.array(
    z.strictObject({
      name: z.string(),
      bidPrice: decimalSchema,
      priceScore: uint32Schema,
      quantitativeScores: z.array(uint16Schema),
    }),
  ),
  invites: z.array(addressSchema),
  scoringDeadline: safeSchema,
  revealDeadline: safeSchema,
  escrowPublicKey: hexSchema,
});

const statusSchema = z.strictObject({
  admin: addressSchema,
  phase: uint8Schema,
  seats: uint16Schema,
  claimed: uint16Schema,
  committed: uint16Schema,
  revealed: uint16Schema,
  recused: uint16Schema,
  minEvaluators: uint16Schema,
  bidders: uint16Schema,
  criteria: uint16Schema,
  qualitativeCriteria: uint16Schema,
  scoringDeadline: safeSchema,
  revealDeadline: safeSchema,
  createdAt: safeSchema,
  closedAt: safeSchema,
  finalizedAt: safeSchema,
});

const bidderResultSchema = z.strictObject({
  technical: decimalSchema,
  price: decimalSchema,
  total: decimalSchema,
  qualified: z.boolean(),
  rankByTotal: uint16Schema,
  negotiationOrder: uint16Schema,
});

export const evaluationRecordSchema = z.strictObject({
  format: z.literal(RECORD_FORMAT),
  version: z.literal(RECORD_VERSION),
  chainId: safeSchema.min(1),
  registry: addressSchema,
  roundId: decimalSchema,
  /** The block the record was read at: events up to it, views at it. */
  asOf: z.strictObject({
    block: safeSchema,
    blockHash: bytes32Schema,
    timestamp: safeSchema,
  }),
  created: z.strictObject({
    ...positionShape,
    admin: addressSchema,
    tallyVersion: z.string(),
    params: paramsSchema,
  }),
  /** `getRound` at `asOf.block`. */
  status: statusSchema,
  reissues: z.array(
    z.strictObject({
      ...positionShape,
      seat: uint16Schema,
      invite: addressSchema,
    }),
  ),
  claims: z.array(
    z.strictObject({
      ...positionShape,
      seat: uint16Schema,
      device: addressSchema,
      pledgeHash: bytes32Schema,
      /** The Claim signature from the claimSeat calldata; null if not found. */
      inviteSignature: signatureSchema,
      /** The Pledge signature from the claimSeat calldata; null if not found. */
      pledgeSignature: signatureSchema,
    }),
  ),
  recusals: z.array(
    z.strictObject({
      ...positionShape,
      seat: uint16Schema,
      reason: z.string(),
      /** The Recusal signature from the recuse calldata; null if not found. */
      signature: signatureSchema,
    }),
  ),
  commits: z.array(
    z.strictObject({
      ...positionShape,
      seat: uint16Schema,
      commitment: bytes32Schema,
      escrow: hexSchema,
      /** The Sheet signature from the commitSheet calldata; null if not found. */
      signature: signatureSchema,
    }),
  ),
  closing: z
    .strictObject({
      ...positionShape,
      committed: uint16Schema,
      absent: uint16Schema,
      automatic: z.boolean(),
    })
    .nullable(),
  reveals: z.array(
    z.strictObject({
      ...positionShape,
      seat: uint16Schema,
      scores: z.array(uint16Schema),
      comments: z.array(z.string()),
      salt: bytes32Schema,
    }),
  ),
  result: z
    .strictObject({
      ...positionShape,
      lotterySeed: bytes32Schema,
      revealedSeats: uint16Schema,
      bidders: z.array(bidderResultSchema),
    })
    .nullable(),
  cancellation: z
    .strictObject({ ...positionShape, reason: z.string() })
    .nullable(),
});

/** One round's evaluation record, as JSON-ready data. */
export type EvaluationRecord = z.infer<typeof evaluationRecordSchema>;
export type RecordParams = EvaluationRecord["created"]["params"];
export type RecordStatus = EvaluationRecord["status"];
export type RecordClaim = EvaluationRecord["claims"][number];
export type RecordReissue = EvaluationRecord["reissues"][number];
export type RecordRecusal = EvaluationRecord["recusals"][number];
export type RecordCommit = EvaluationRecord["commits"][number];
export type RecordReveal = EvaluationRecord["reveals"][number];
export type RecordClosing = NonNullable<EvaluationRecord["closing"]>;
export type RecordResult = NonNullable<EvaluationRecord["result"]>;
export type RecordBidderResult = RecordResult["bidders"][number];
/** Position of an event on chain: block, log index, transaction, block time. */
export type RecordPosition = Pick<
  RecordCommit,
  "block" | "logIndex" | "transactionHash" | "timestamp"
>;

/**
 * Reads an evaluation record from parsed JSON. Throws a `RecordFormatError`
 * that lists every invalid field, or that names the unknown format or
 * version.
 */
export function parseRecord(value: unknown): EvaluationRecord {
  const header = value as Record<string, unknown> | null;
  if (typeof header !== "object" || header === null || Array.isArray(header)) {
    throw new RecordFormatError("The evaluation record is not a JSON object.", {
      hint: "Pass the file written by `jurybox export ID --format json`.",
    });
  }
  if (header.format !== RECORD_FORMAT) {
    throw new RecordFormatError(describeWrongFormat(header), {
      hint: "Pass the file written by `jurybox export ID --format json`.",
    });
  }
  if (header.version !== RECORD_VERSION) {
    throw new RecordFormatError(
      `The record's version ${JSON.stringify(header.version)} is not ${RECORD_VERSION}.`,
      {
        hint: `This code reads version ${RECORD_VERSION}; use a matching Jurybox.`,
      },
    );
  }
  const parsed = evaluationRecordSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const count = issues.length === 1 ? "1 field" : `${issues.length} fields`;
    throw new RecordFormatError(`The evaluation record has ${count} invalid.`, {
      hint: "Export the record again; a record edited by hand must keep the layout.",
      details: issues.map(
        (issue) => `${formatPath(issue.path)}: ${issue.message}`,
      ),
    });
  }
  return parsed.data;
}

/** Returns the message for JSON that is not an evaluation record. */
function describeWrongFormat(value: Record<string, unknown>): string {
  if ("ocid" in value && "tag" in value) {
    return (
      "The file looks like an OCDS release (it has ocid and tag), not an " +
      "evaluation record, and has no format field."
    );
  }
  if (!("format" in value)) {
    return `The file has no format field, so it is not a "${RECORD_FORMAT}".`;
  }
  return `The record's format ${JSON.stringify(value.format)} is not "${RECORD_FORMAT}".`;
}

/** Serialises a record as indented JSON, the form `parseRecord` reads. */
export function stringifyRecord(record: EvaluationRecord): string {
  return JSON.stringify(record, null, 2) + "\n";
}
