import { Command, CommanderError } from "commander";

import { defineAdminLink } from "./commands/admin-link.ts";
import { defineExport } from "./commands/export.ts";
import { defineGrantAdmin } from "./commands/grant-admin.ts";
import { defineNetwork } from "./commands/network.ts";
import { defineRound } from "./commands/round.ts";
import { defineSimulate } from "./commands/simulate.ts";
import { defineUp } from "./commands/up.ts";
import { defineVerify } from "./commands/verify.ts";
import { DEFAULT_RPC_URL } from "./lib/options.ts";
import { CliError } from "./lib/errors.ts";
import { printError } from "./output/errors.ts";

// A reader that closes the pipe early (`jurybox simulate | head -2`) makes
// later writes fail with EPIPE. The command still finishes its work, such
// as the rest of a round's transactions, and exits with its own code. Only
// the output after the reader closed the pipe is lost.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    // After EPIPE the stream is destroyed, and later writes fail too.
    if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") return;
    throw error;
  });
}

const program = new Command("jurybox")
  .description(
    "Record sealed proposal-evaluation score sheets on a zero-gas EVM " +
      "chain and compute the result on chain.",
  )
  .option("--rpc <url>", "JSON-RPC URL of the chain", DEFAULT_RPC_URL)
  .option(
    "--registry <address>",
    "registry contract address (default: the recorded deployment for the " +
      "chain id)",
  )
  .option(
    "--admin-key-file <file>",
    "file with the round administrator's private key (default: " +
      ".jurybox/keys/admin.json, or the JURYBOX_ADMIN_KEY variable)",
  )
  .option("--json", "print one JSON document on stdout instead of text")
  .configureHelp({ showGlobalOptions: true })
  .showHelpAfterError()
  .configureOutput({
    outputError: (text, write) => write(text),
  })
  // Commander throws its parse errors instead of exiting, so that --json
  // can print them as a JSON document too. Subcommands inherit this.
  .exitOverride();

defineRound(program);
defineSimulate(program);
defineGrantAdmin(program);
defineUp(program);
defineAdminLink(program);
defineNetwork(program);
defineVerify(program);
defineExport(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // A parse error can come before Commander reads --json, so look for it
  // among the arguments too.
  const json =
    program.opts<{ json?: boolean }>().json === true ||
    process.argv.slice(2).includes("--json");
  if (error instanceof CommanderError) {
    process.exitCode = commanderExit(error, json);
  } else {
    process.exitCode = printError(error, { json });
  }
}

/**
 * Handles an error Commander threw, which it has printed on stderr with
 * the usage already: help and --version end with code 0, and with --json
 * a parse error is also printed as the JSON error document.
 */
function commanderExit(error: CommanderError, json: boolean): number {
  if (error.exitCode === 0) return 0;
  if (json) {
    const message = error.message.replace(/^error: /, "");
    const failure = new CliError(sentenceOf(message), {
      hint: "Run the command with --help to see its arguments and options.",
      exitCode: error.exitCode,
      code: "usage",
    });
    printError(failure, { json: true, quiet: true });
  }
  return error.exitCode;
}

function sentenceOf(text: string): string {
  const first = text.split("\n")[0].trim();
  const capital = first.charAt(0).toUpperCase() + first.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
