import { writeFile } from "node:fs/promises";

import type { Command } from "commander";

import {
  ocidPrefixProblem,
  recordToOcdsRelease,
  recordToScoresCsv,
  stringifyRecord,
  type EvaluationRecord,
} from "../../core/verify/index.ts";
import { CliError, InvalidArgumentError } from "../lib/errors.ts";
import { readOptions } from "../lib/options.ts";
import { printJson } from "../output/json.ts";
import { addBlockRangeOptions, fetchRecordFromChain } from "./verify.ts";

const FORMATS = ["json", "csv", "ocds"] as const;
type ExportFormat = (typeof FORMATS)[number];

export function defineExport(program: Command): void {
  const command = program
    .command("export")
    .argument("<id>", "round id (1, 2, …)")
    .requiredOption(
      "--format <format>",
      "json: the evaluation record, which `jurybox verify --record` checks " +
        "offline; csv: every revealed score (seat, seatIndex, bidder, criterion, " +
        "score, comment; seat counts from 1 and seatIndex is the registry's " +
        "index from 0); ocds: an OCDS-style award or cancellation release",
    )
    .option("--out <file>", "write to this file instead of stdout")
    .option(
      "--ocid-prefix <prefix>",
      'the publisher\'s registered OCID prefix for --format ocds: "ocds-" ' +
        "and lower-case letters and digits, e.g. ocds-213czf",
      "ocds-jurybox",
    )
    .description(
      "read a round's evaluation record from the chain and write it as " +
        "JSON, CSV or an OCDS release",
    )
    .action(async (id: string, _options, cmd: Command) => {
      await runExport(id, cmd);
    });
  addBlockRangeOptions(command);
}

async function runExport(id: string, command: Command): Promise<void> {
  const options = readOptions<{
    format: string;
    out?: string;
    ocidPrefix: string;
  }>(command);
  const format = parseFormat(options.format);
  checkOcidPrefix(command, format, options.ocidPrefix);
  if (options.json && format === "csv" && options.out === undefined) {
    // --json promises one JSON document on stdout, which CSV is not.
    throw new CliError("--json with --format csv needs --out FILE.", {
      hint:
        "Write the CSV to a file with --out FILE, and --json prints a JSON " +
        "document that names it; or leave out --json to print the CSV.",
      code: "csv-needs-out",
    });
  }
  const record = await fetchRecordFromChain(id, command);
  const text = renderExport(record, format, options.ocidPrefix);

  if (options.out === undefined) {
    // JSON and OCDS exports are one JSON document already.
    process.stdout.write(text);
    return;
  }
  try {
    await writeFile(options.out, text, "utf8");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`Could not write ${options.out}: ${reason}.`, {
      hint: "Check that the folder exists and is writable.",
      cause: error,
    });
  }
  if (options.json) {
    printJson({
      ok: true,
      file: options.out,
      format,
      roundId: record.roundId,
      chainId: record.chainId,
      registry: record.registry,
      asOfBlock: record.asOf.block,
      asOfBlockHash: record.asOf.blockHash,
      bytes: Buffer.byteLength(text, "utf8"),
    });
    return;
  }
  process.stderr.write(
    `Wrote the ${format} export of round ${record.roundId} (as of block ` +
      `${record.asOf.block}) to ${options.out}\n`,
  );
}

function parseFormat(text: string): ExportFormat {
  const format = FORMATS.find((name) => name === text);
  if (format === undefined) {
    throw new InvalidArgumentError("--format", text, FORMATS.join(", "));
  }
  return format;
}

/** Rejects an invalid --ocid-prefix, and one given for another format. */
function checkOcidPrefix(
  command: Command,
  format: ExportFormat,
  prefix: string,
): void {
  if (
    command.getOptionValueSource("ocidPrefix") === "cli" &&
    format !== "ocds"
  ) {
    throw new CliError(
      `--ocid-prefix applies to --format ocds only, not --format ${format}.`,
      { hint: "Leave out --ocid-prefix, or export with --format ocds." },
    );
  }
  const problem = ocidPrefixProblem(prefix);
  if (problem !== undefined) {
    throw new InvalidArgumentError("--ocid-prefix", prefix, problem);
  }
}

function renderExport(
  record: EvaluationRecord,
  format: ExportFormat,
  ocidPrefix: string,
): string {
  if (format === "json") return stringifyRecord(record);
  if (format === "csv") return recordToScoresCsv(record);
  const release = recordToOcdsRelease(record, { ocidPrefix });
  return JSON.stringify(release, null, 2) + "\n";
}
