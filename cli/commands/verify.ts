import { readFile } from "node:fs/promises";

import type { Command } from "commander";

import { formatResult, type FormattedResult } from "../../core/index.ts";
import {
  bidderResultOfRecord,
  describeCancellation,
  fetchRoundRecord,
  parseRecord,
  verifyRecord,
  type EvaluationRecord,
  type FetchRecordOptions,
  type VerifyCheck,
  type VerifyReport,
} from "../../core/verify/index.ts";
import { connectRpc } from "../lib/chain-client.ts";
import {
  CliError,
  FileReadError,
  InvalidArgumentError,
} from "../lib/errors.ts";
import { readOptions } from "../lib/options.ts";
import { resolveRegistry } from "../lib/registry-address.ts";
import { printJson } from "../output/json.ts";
import { renderResult } from "../output/result.ts";
import { parseRoundId } from "./round.ts";

/** Options of `verify` and `export` that choose the blocks to search. */
export interface BlockRangeOptions {
  fromBlock?: string;
  maxBlockRange?: string;
}

export function defineVerify(program: Command): void {
  const command = program
    .command("verify")
    .argument("[id]", "round id (1, 2, …); leave it out with --record")
    .option(
      "--record <file>",
      "check an evaluation record written by `jurybox export ID --format " +
        "json` instead of reading the chain",
    )
    .description(
      "recompute a round's result from the registry's raw events and check " +
        "every signature, commitment, count and escrow copy; exits with 1 " +
        "when a check fails. On a cancelled round the checks that need a " +
        "result report the cancellation instead of failing",
    )
    .action(async (id: string | undefined, _options, cmd: Command) => {
      await runVerify(id, cmd);
    });
  addBlockRangeOptions(command);
}

/** Adds --from-block and --max-block-range to a command that reads events. */
export function addBlockRangeOptions(command: Command): void {
  command
    .option(
      "--from-block <number>",
      "first block to search for the round's events (default: found from " +
        "the round's creation time)",
    )
    .option(
      "--max-block-range <number>",
      "at most this many blocks per eth_getLogs request (default: the " +
        "whole range, halved whenever the node rejects a request)",
    );
}

async function runVerify(id: string | undefined, command: Command) {
  const options = readOptions<{ record?: string } & BlockRangeOptions>(command);
  if (options.record !== undefined && id !== undefined) {
    throw new CliError("Give either a round id or --record, not both.", {
      hint: "Use `jurybox verify ID` for the chain or `--record FILE` for a file.",
    });
  }
  const record =
    options.record !== undefined
      ? await readRecordFile(options.record)
      : await fetchRecordFromChain(id, command);
  const report = await verifyRecord(record);
  const result = verifiedResult(record);
  const source = options.record === undefined ? "rpc" : "record";

  if (options.json) {
    printJson({
      roundId: record.roundId,
      chainId: record.chainId,
      registry: record.registry,
      asOfBlock: record.asOf.block,
      source,
      ok: report.ok,
      cancelled: report.cancelled,
      checks: report.checks,
      result,
    });
  } else {
    process.stdout.write(renderReport(record, report, result, source) + "\n");
  }
  if (!report.ok) process.exitCode = 1;
}

/** Reads the record of round `id` from the chain that --rpc names. */
export async function fetchRecordFromChain(
  id: string | undefined,
  command: Command,
): Promise<EvaluationRecord> {
  if (id === undefined) {
    throw new CliError("No round id was given.", {
      hint: "Pass the round id, e.g. `jurybox verify 1`, or --record FILE.",
    });
  }
  const roundId = parseRoundId(id);
  const options = readOptions<BlockRangeOptions>(command);
  const connection = await connectRpc(options.rpc);
  const session = await resolveRegistry(connection, options.registry);
  const fetchOptions: FetchRecordOptions = {
    fromBlock: parseBlockOption("--from-block", options.fromBlock, 0n),
    maxBlockRange: parseBlockOption(
      "--max-block-range",
      options.maxBlockRange,
      1n,
    ),
  };
  return fetchRoundRecord(
    connection.client,
    session.registry,
    roundId,
    fetchOptions,
  );
}

function parseBlockOption(
  name: string,
  text: string | undefined,
  lowest: bigint,
): bigint | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,20}$/.test(text) || BigInt(text) < lowest) {
    throw new InvalidArgumentError(
      name,
      text,
      `a whole number of at least ${lowest}`,
    );
  }
  return BigInt(text);
}

/** Reads and validates an evaluation record file. */
export async function readRecordFile(file: string): Promise<EvaluationRecord> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new FileReadError(file, error);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CliError(`The record file ${file} is not valid JSON.`, {
      hint: "Pass the file written by `jurybox export ID --format json`.",
      cause: error,
    });
  }
  return parseRecord(value);
}

function verifiedResult(record: EvaluationRecord): FormattedResult | null {
  if (record.result === null) return null;
  const { bidders } = record.created.params;
  if (record.result.bidders.length !== bidders.length) return null;
  return formatResult(
    { bidders },
    record.result.bidders.map(bidderResultOfRecord),
    { roundId: record.roundId, block: record.result.block },
  );
}

/** Returns the line that counts the passed, failed and cancelled checks. */
function summaryLine(report: VerifyReport): string {
  const count = (outcome: VerifyCheck["outcome"]) =>
    report.checks.filter((check) => check.outcome === outcome);
  const failed = count("failed");
  const cancelled = count("cancelled");
  const total = report.checks.length;
  if (failed.length > 0) {
    return (
      `${failed.length} of ${total} checks failed: ` +
      failed.map((check) => check.id).join(", ") +
      "."
    );
  }
  if (cancelled.length === 0) return `All ${total} checks passed.`;
  return (
    `${total - cancelled.length} of ${total} checks passed; ` +
    `${cancelled.map((check) => check.id).join(", ")} do not apply ` +
    "because the round was cancelled."
  );
}

function renderReport(
  record: EvaluationRecord,
  report: VerifyReport,
  result: FormattedResult | null,
  source: "rpc" | "record",
): string {
  const from =
    source === "rpc"
      ? `as of block ${record.asOf.block}`
      : `from a record of block ${record.asOf.block}`;
  const lines = [
    `Verifying round ${record.roundId} of registry ${record.registry} on ` +
      `chain ${record.chainId}, ${from}`,
    "",
  ];
  for (const check of report.checks) {
    if (check.outcome === "passed") {
      lines.push(`✓ ${check.label}: ${check.detail}`);
    } else if (check.outcome === "cancelled") {
      lines.push(`– ${check.label}: does not apply, ${check.detail}`);
    } else {
      lines.push(`✗ ${check.label} [${check.id}]`);
      for (const problem of check.problems) lines.push(`    - ${problem}`);
    }
  }
  lines.push("", summaryLine(report));
  if (report.cancelled !== null) {
    const cancelled = describeCancellation(report.cancelled);
    lines.push(cancelled[0].toUpperCase() + cancelled.slice(1) + ".");
  }
  if (result !== null) {
    const heading = report.ok
      ? "The result on chain, recomputed and confirmed:"
      : "The result on chain, NOT confirmed:";
    lines.push("", heading, renderResult(result));
  }
  return lines.join("\n");
}
