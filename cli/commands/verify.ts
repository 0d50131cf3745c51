import { readFile } from "node:fs/promises";

import type { Command } from "commander";

import { formatResult, type FormattedResult } from "../../core/index.ts";
import {
  bidderResultOfRecord,
  compareRecordWithChain,
  describeCancellation,
  fetchRoundRecord,
  fetchRoundRecordDetailed,
  parseRecord,
  verifyRecord,
  type ChainCheck,
  type EvaluationRecord,
  type FetchRecordOptions,
  type VerifyCheck,
  type VerifyReport,
} from "../../core/verify/index.ts";
import { connectRpc, type ChainConnection } from "../lib/chain-client.ts";
import {
  CliError,
  FileReadError,
  InvalidArgumentError,
} from "../lib/errors.ts";
import { readOptions, rpcWasGiven } from "../lib/options.ts";
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
        "json` instead of reading the chain; with --rpc, also compare it " +
        "with that chain at the record's block",
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
      code: "round-id-with-record",
    });
  }
  const record =
    options.record !== undefined
      ? await readRecordFile(options.record)
      : await fetchRecordFromChain(id, command);
  const source: "rpc" | "record" =
    options.record === undefined ? "rpc" : "record";
  // A record read from a file is compared with a chain only when --rpc
  // names one: the default URL is a local demo chain, not a trusted node.
  const chainChecks =
    source === "record" && rpcWasGiven(command)
      ? await compareWithChain(record, command)
      : null;
  const report = await verifyRecord(record);
  const ok = report.ok && (chainChecks ?? []).every((check) => check.ok);
  const result = verifiedResult(record);
  const comparedWithChain = source === "rpc" || chainChecks !== null;

  if (options.json) {
    printJson({
      roundId: record.roundId,
      chainId: record.chainId,
      registry: record.registry,
      asOfBlock: record.asOf.block,
      asOfBlockHash: record.asOf.blockHash,
      source,
      comparedWithChain,
      rpc: comparedWithChain ? options.rpc : null,
      ok,
      cancelled: report.cancelled,
      checks: report.checks,
      chainChecks: chainChecks ?? [],
      result,
    });
  } else {
    const outcome = { record, report, chainChecks, ok, result, source };
    process.stdout.write(renderReport(outcome, options.rpc) + "\n");
  }
  if (!ok) process.exitCode = 1;
}

/**
 * Reads the round of `record` from the chain that --rpc names, at the
 * record's `asOf` block, and compares the two. Rejects a node of another
 * chain id and a node whose head is below the record's block.
 */
async function compareWithChain(
  record: EvaluationRecord,
  command: Command,
): Promise<ChainCheck[]> {
  const options = readOptions<BlockRangeOptions>(command);
  const connection = await connectRpc(options.rpc);
  if (connection.chainId !== record.chainId) {
    throw new CliError(
      `The node at ${options.rpc} runs chain ${connection.chainId}, but the ` +
        `record is of chain ${record.chainId}.`,
      {
        hint: `Pass the JSON-RPC URL of a node of chain ${record.chainId} with --rpc.`,
        code: "chain-id-mismatch",
      },
    );
  }
  if (
    options.registry !== undefined &&
    options.registry.toLowerCase() !== record.registry.toLowerCase()
  ) {
    throw new CliError(
      `--registry ${options.registry} is not the record's registry ${record.registry}.`,
      {
        hint: "Leave out --registry: the record's registry is compared.",
        code: "registry-mismatch",
      },
    );
  }
  await requireBlock(connection, record.asOf.block);
  const session = await resolveRegistry(connection, record.registry, "record");
  // A node without the state of the record's block (a pruned node, or the
  // embedded anvil after a restart) can still be compared for a final round.
  const onChain = await fetchRoundRecordDetailed(
    connection.client,
    session.registry,
    BigInt(record.roundId),
    {
      ...readFetchOptions(options),
      toBlock: BigInt(record.asOf.block),
      finalStatusAtHead: true,
    },
  );
  return compareRecordWithChain(record, onChain.record, {
    statusBlock: onChain.statusBlock,
  });
}

async function requireBlock(
  connection: ChainConnection,
  block: number,
): Promise<void> {
  const head = await connection.client.getBlockNumber();
  if (head < BigInt(block)) {
    throw new CliError(
      `The chain at ${connection.rpcUrl} is at block ${head}, below the ` +
        `record's block ${block}.`,
      {
        hint:
          "Wait until the node has synced past that block, or check that " +
          "--rpc names a node of the chain the record came from.",
        code: "block-not-reached",
      },
    );
  }
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
  return fetchRoundRecord(
    connection.client,
    session.registry,
    roundId,
    readFetchOptions(options),
  );
}

function readFetchOptions(options: BlockRangeOptions): FetchRecordOptions {
  return {
    fromBlock: parseBlockOption("--from-block", options.fromBlock, 0n),
    maxBlockRange: parseBlockOption(
      "--max-block-range",
      options.maxBlockRange,
      1n,
    ),
  };
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
  // Editors on Windows may save UTF-8 with a byte order mark, which
  // JSON.parse rejects.
  if (text.startsWith("\uFEFF")) text = text.slice(1);
  if (text.trim() === "") {
    throw new CliError(`The record file ${file} is empty.`, {
      hint: "Pass the file written by `jurybox export ID --format json`.",
      code: "record-empty",
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CliError(`The record file ${file} is not valid JSON.`, {
      hint: "Pass the file written by `jurybox export ID --format json`.",
      cause: error,
      code: "record-not-json",
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

/**
 * Returns the line that counts the passed, failed and cancelled checks.
 * With `alone` (a record not compared with a chain) a pass states that
 * the record is consistent, not that its result is confirmed.
 */
function summaryLine(
  checks: readonly (VerifyCheck | ChainCheck)[],
  alone: boolean,
): string {
  const count = (outcome: VerifyCheck["outcome"]) =>
    checks.filter((check) => check.outcome === outcome);
  const failed = count("failed");
  const cancelled = count("cancelled");
  const total = checks.length;
  if (failed.length > 0) {
    return (
      `${failed.length} of ${total} checks failed: ` +
      failed.map((check) => check.id).join(", ") +
      "."
    );
  }
  const scope = alone
    ? "; the record is consistent in itself, which does not confirm its " +
      "result on any chain."
    : ".";
  if (cancelled.length === 0) return `All ${total} checks passed${scope}`;
  return (
    `${total - cancelled.length} of ${total} checks passed; ` +
    `${cancelled.map((check) => check.id).join(", ")} do not apply ` +
    `because the round was cancelled${scope}`
  );
}

/** Ends `text` with a full stop unless it already ends with a sentence mark. */
function sentence(text: string): string {
  const capital = text[0].toUpperCase() + text.slice(1);
  return /[.!?。！？]$/.test(capital) ? capital : `${capital}.`;
}

/** The report, comparison and result that `renderReport` prints. */
interface ShownReport {
  record: EvaluationRecord;
  report: VerifyReport;
  /** The comparison with --rpc, or null when the record was not compared. */
  chainChecks: ChainCheck[] | null;
  ok: boolean;
  result: FormattedResult | null;
  source: "rpc" | "record";
}

function checkLines(checks: readonly (VerifyCheck | ChainCheck)[]): string[] {
  const lines: string[] = [];
  for (const check of checks) {
    if (check.outcome === "passed") {
      lines.push(`✓ ${check.label}: ${check.detail}`);
    } else if (check.outcome === "cancelled") {
      lines.push(`– ${check.label}: does not apply, ${check.detail}`);
    } else {
      lines.push(`✗ ${check.label} [${check.id}]`);
      for (const problem of check.problems) lines.push(`    - ${problem}`);
    }
  }
  return lines;
}

function renderReport(outcome: ShownReport, rpcUrl: string): string {
  const { record, report, chainChecks, ok, result, source } = outcome;
  const from =
    source === "rpc"
      ? `as of block ${record.asOf.block}`
      : `from a record of block ${record.asOf.block}`;
  const alone = source === "record" && chainChecks === null;
  const lines = [
    `Verifying round ${record.roundId} of registry ${record.registry} on ` +
      `chain ${record.chainId}, ${from}`,
    "",
  ];
  // The warning comes before the check marks, so that a reader sees it
  // before a column of passes.
  if (alone) lines.push(...uncomparedNotice(record), "");
  lines.push(...checkLines(report.checks));
  if (chainChecks !== null) {
    lines.push(
      "",
      `Compared with the chain at ${rpcUrl} as of block ${record.asOf.block}:`,
      ...checkLines(chainChecks),
    );
  }
  lines.push(
    "",
    summaryLine([...report.checks, ...(chainChecks ?? [])], alone),
  );
  if (report.cancelled !== null) {
    lines.push(sentence(describeCancellation(report.cancelled)));
  }
  if (result !== null)
    lines.push("", resultHeading(outcome), renderResult(result));
  return lines.join("\n");
}

/** Returns the warning lines for a record not compared with a chain. */
function uncomparedNotice(record: EvaluationRecord): string[] {
  return [
    "Warning: the record is checked for internal consistency only; it is " +
      "not compared with any chain.",
    "Only the score sheets in a record are signed, so a forged record can " +
      "pass these checks.",
    `To compare it, run again with --rpc URL of a node of chain ${record.chainId} ` +
      "that you trust, or check on such a node that block " +
      `${record.asOf.block} has hash ${record.asOf.blockHash}.`,
  ];
}

function resultHeading(outcome: ShownReport): string {
  const { ok, source, chainChecks } = outcome;
  if (source === "record" && chainChecks === null) {
    return ok
      ? "The result in the record, recomputed (NOT compared with a chain):"
      : "The result in the record, NOT confirmed:";
  }
  if (ok) return "The result on chain, recomputed and confirmed:";
  // The result shown is the record's, whether it was read from a file or
  // from the chain; a failed check means it is not confirmed.
  return source === "record"
    ? "The result in the record, NOT confirmed by the chain:"
    : "The result on chain, NOT confirmed:";
}
