// Public API of core/verify: read a round's evaluation record from any
// JSON-RPC node, check it, and export it as JSON, CSV or an OCDS release.
// Browser-safe: it uses viem and zod only, so the web app's Verify button
// runs the same code as `jurybox verify`.

export { CHECK_IDS, describeCancellation, verifyRecord } from "./verify.ts";
export type {
  Cancellation,
  CheckId,
  CheckOutcome,
  VerifyCheck,
  VerifyReport,
} from "./verify.ts";
export { fetchRoundRecord, fetchRoundRecordDetailed } from "./fetch.ts";
export type { FetchRecordOptions, FetchedRecord } from "./fetch.ts";
export {
  ROUND_EVENT_NAMES,
  ROUND_EVENT_TOPICS,
  readRoundLogs,
} from "./logs.ts";
export type { RecordClient, RoundEventName } from "./logs.ts";
export { decodeSignedCall, findSignedCall } from "./calldata.ts";
export { recoverMessageSigner } from "./signatures.ts";
export {
  RECORD_FORMAT,
  RECORD_VERSION,
  evaluationRecordSchema,
  parseRecord,
  stringifyRecord,
} from "./record.ts";
export type { EvaluationRecord } from "./record.ts";
export { SCORES_CSV_HEADER, csvField, recordToScoresCsv } from "./csv.ts";
export {
  OCID_PREFIX_PATTERN,
  ocidPrefixProblem,
  recordToOcdsRelease,
} from "./ocds.ts";
export type { OcdsOptions, OcdsRelease } from "./ocds.ts";
export { bidderResultOfRecord, specOfRecord } from "./spec.ts";
export {
  ExportError,
  RecordFormatError,
  RoundEventsError,
  RoundNotFoundError,
  StateUnavailableError,
} from "./errors.ts";
export {
  SAMPLE_CHAIN_ID,
  SAMPLE_REGISTRY,
  sampleAccount,
  sampleRecord,
} from "./sample-record.ts";
export type { SampleOptions } from "./sample-record.ts";
export {
  CHAIN_CHECK_IDS,
  compareRecordWithChain,
  firstDifference,
} from "./compare.ts";
export type { ChainCheck, ChainCheckId, CompareOptions } from "./compare.ts";
