import type { Address, PublicClient } from "viem";

import type {
  EvaluationRecord,
  VerifyReport,
} from "../../../core/verify/index.ts";

export type { EvaluationRecord, VerifyReport };

/**
 * Loads core/verify on first use. The results chunk imports it dynamically
 * so that neither the evaluator route nor the first paint of this page
 * carries the verifier, its schemas and the tally.
 */
export function loadVerifier() {
  return import("../../../core/verify/index.ts");
}

/** Reads a round's evaluation record from raw chain events through /rpc. */
export async function readRecord(
  client: PublicClient,
  registry: Address,
  roundId: bigint,
): Promise<EvaluationRecord> {
  const verifier = await loadVerifier();
  return verifier.fetchRoundRecord(client, registry, roundId);
}

/** Reads the round's record afresh and runs every check of core/verify. */
export async function verifyRound(
  client: PublicClient,
  registry: Address,
  roundId: bigint,
): Promise<VerifyReport> {
  const verifier = await loadVerifier();
  const record = await verifier.fetchRoundRecord(client, registry, roundId);
  return verifier.verifyRecord(record);
}

/** Offers `text` as a file download named `fileName`. */
export function downloadText(
  fileName: string,
  text: string,
  type: string,
): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next task, after the browser has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
