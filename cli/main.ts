import { Command } from "commander";

import { defineAdminLink } from "./commands/admin-link.ts";
import { defineExport } from "./commands/export.ts";
import { defineGrantAdmin } from "./commands/grant-admin.ts";
import { defineNetwork } from "./commands/network.ts";
import { defineRound } from "./commands/round.ts";
import { defineSimulate } from "./commands/simulate.ts";
import { defineUp } from "./commands/up.ts";
import { defineVerify } from "./commands/verify.ts";
import { DEFAULT_RPC_URL } from "./lib/options.ts";
import { printError } from "./output/errors.ts";

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
  });

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
  const json = program.opts<{ json?: boolean }>().json === true;
  process.exitCode = printError(error, { json });
}
