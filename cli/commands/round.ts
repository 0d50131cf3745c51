import type { Command } from "commander";

import { loadAdminAccount } from "../lib/admin-key.ts";
import { connectRpc } from "../lib/chain-client.ts";
import { createRound } from "../lib/create-round.ts";
import { InvalidArgumentError } from "../lib/errors.ts";
import { DEFAULT_APP_URL, readOptions } from "../lib/options.ts";
import { readRoundStatus } from "../lib/read-status.ts";
import { resolveRegistry } from "../lib/registry-address.ts";
import { readRoundFile } from "../lib/round-file.ts";
import { printJson } from "../output/json.ts";
import {
  renderCreatedRound,
  renderRoundStatus,
  roundStatusJson,
} from "../output/round.ts";

export function defineRound(program: Command): void {
  const round = program
    .command("round")
    .description("create a round or show its progress");

  round
    .command("create")
    .argument("<file>", "round file (JSON) to validate and send")
    .option(
      "--app-url <url>",
      "origin of the Jurybox app that the tablet invite URLs open",
      DEFAULT_APP_URL,
    )
    .description(
      "validate a round file, generate the seat invites and the escrow " +
        "key, and send createRound",
    )
    .action(async (file: string, _options: object, command: Command) => {
      await runCreate(file, command);
    });

  round
    .command("status")
    .argument("<id>", "round id (1, 2, …)")
    .description(
      "show a round's phase, deadlines (KST and UTC), seats and result",
    )
    .action(async (id: string, _options: object, command: Command) => {
      await runStatus(id, command);
    });
}

async function runCreate(file: string, command: Command): Promise<void> {
  const options = readOptions<{ appUrl: string }>(command);

  // Validate the whole file before touching the chain or any key.
  const definition = await readRoundFile(file, "round");

  const connection = await connectRpc(options.rpc);
  const session = await resolveRegistry(connection, options.registry);
  const admin = await loadAdminAccount(options.adminKeyFile);
  const created = await createRound(session, admin, definition, {
    appUrl: options.appUrl,
    saveKeys: true,
  });

  if (options.json) {
    printJson({ roundId: created.roundId.toString() });
    return;
  }
  process.stdout.write(renderCreatedRound(session, definition, created) + "\n");
}

async function runStatus(id: string, command: Command): Promise<void> {
  const options = readOptions(command);
  const roundId = parseRoundId(id);

  const connection = await connectRpc(options.rpc);
  const session = await resolveRegistry(connection, options.registry);
  const status = await readRoundStatus(session, roundId);

  if (options.json) {
    printJson(roundStatusJson(session, status));
    return;
  }
  process.stdout.write(renderRoundStatus(session, status) + "\n");
}

/** Parses a positive whole round id. */
export function parseRoundId(text: string): bigint {
  if (!/^[1-9]\d{0,76}$/.test(text)) {
    throw new InvalidArgumentError("round id", text, "a whole number from 1");
  }
  return BigInt(text);
}
