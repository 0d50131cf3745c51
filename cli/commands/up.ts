import { existsSync } from "node:fs";
import { join, relative, resolve } from "node:path";

import type { Command } from "commander";

import type { ChainLogger, RunningChain } from "../chain/index.ts";
import type {
  SupervisedIndexer,
  SuperviseIndexerOptions,
} from "../indexer/supervise.ts";
import { recordAppServer } from "./admin-link.ts";
import { loadAdminAccount } from "../lib/admin-key.ts";
import { connectRpc } from "../lib/chain-client.ts";
import { createRound, type RegistrySession } from "../lib/create-round.ts";
import { readDemoRound } from "../lib/demo-round.ts";
import { CliError, InvalidArgumentError } from "../lib/errors.ts";
import { DEFAULT_APP_URL, readOptions } from "../lib/options.ts";
import { isPortFree } from "../lib/ports.ts";
import { readRoundCount } from "../lib/read-status.ts";
import { resolveRegistry } from "../lib/registry-address.ts";
import { roundFolder } from "../lib/round-keys.ts";
import { compileIfMissing } from "../lib/compile.ts";
import {
  parseLoopbackRpc,
  readDemoRecord,
  refreshGeneratedDeployments,
  writeDemoRecord,
} from "../lib/up-steps.ts";
import { signInLinksDir } from "../serve/signin-links.ts";
import { printJson } from "../output/json.ts";
import { renderUpSummary, type UpSummary } from "../output/up.ts";

const DEADLINE_HELP = `
The demo round comes from examples/demo-round.json, but its fixed scoring
deadline would expire, so \`up\` replaces it: 23:59 KST today, or 23:59 KST
tomorrow when today's is less than 8 hours away. The reveal deadline is 24
hours later. The demo round is created only while the registry has no round;
a restart reuses the chain state, the registry and every round.`;

export function defineUp(program: Command): void {
  program
    .command("up")
    .description(
      "start the embedded chain on 127.0.0.1, deploy the registry, create " +
        "the demo round on first start, and run until Ctrl-C",
    )
    .option(
      "--app-url <url>",
      "origin of the Jurybox app that the tablet invite URLs open",
      DEFAULT_APP_URL,
    )
    .option("--app-port <port>", "TCP port of the web app server", "5173")
    .option(
      "--indexer-port <port>",
      "TCP port of the indexer's GraphQL server on 127.0.0.1",
      "42069",
    )
    .option(
      "--lan",
      "serve the web app over HTTPS on every network interface, with a " +
        "self-signed certificate, so tablets on the LAN can open it",
    )
    .option(
      "--block-time <seconds>",
      "seconds between blocks; 0 mines a block per transaction",
      "1",
    )
    .addHelpText("after", DEADLINE_HELP)
    .action(async (_options: object, command: Command) => {
      await runUp(command);
    });
}

async function runUp(command: Command): Promise<void> {
  const options = readOptions<{
    appUrl: string;
    appPort: string;
    indexerPort: string;
    lan?: boolean;
    blockTime: string;
  }>(command);
  const appPort = parsePort("--app-port", options.appPort);
  const indexerPort = parsePort("--indexer-port", options.indexerPort);
  const { host, port } = parseLoopbackRpc(options.rpc);
  const blockTime = parseBlockTime(options.blockTime);
  const logger = makeLogger(Boolean(options.json));
  const dataDir = resolve(".jurybox");
  const appHost = options.lan ? "0.0.0.0" : "127.0.0.1";
  // Checked before the chain starts, because the app server starts last.
  if (!(await isPortFree(appHost, appPort))) {
    throw new CliError(
      `Port ${appPort} on ${appHost} is already in use, so the web app ` +
        "cannot listen there.",
      {
        hint:
          "Stop the process that listens on it, or pass another port " +
          "with --app-port.",
      },
    );
  }

  const hre = (await import("hardhat")).default;
  await compileIfMissing(hre, logger.info);

  // Loaded here because they import Hardhat and Ignition.
  const { startChain } = await import("../chain/index.ts");
  const { ensureDeployed } = await import("../deploy/ensure-deployed.ts");
  const chain = await startChain({ dataDir, host, port, blockTime, logger });
  const services: Service[] = [chain];
  const removeHandlers = stopOnSignals(services, logger);

  try {
    const deployment = await ensureDeployed({ chain, dataDir, logger });
    await refreshGeneratedDeployments(
      chain.chainId,
      deployment.registry,
      logger.info,
    );
    const adminKeyFile =
      options.adminKeyFile ?? join(dataDir, "keys", "admin.json");
    const { startAppServer } = await import("../serve/index.ts");
    const app = await startAppServer({
      host: appHost,
      port: appPort,
      https: Boolean(options.lan),
      chainRpcUrl: chain.rpcUrl,
      chainId: chain.chainId,
      registry: deployment.registry,
      adminKeyFile,
      adminSignInLinksDir: signInLinksDir(dataDir),
      log: logger.info,
    });
    services.unshift(app);
    await recordAppServer(dataDir, app);
    const indexer = await startIndexerOrWarn({
      rpcUrl: chain.rpcUrl,
      chainId: chain.chainId,
      dataDir,
      port: indexerPort,
      logger,
      // The public pages read the indexer through the app server's /graphql.
      // The supervisor passes undefined only when the indexer died and it
      // starts it again.
      onUrl: (url) =>
        url === undefined ? app.setIndexerRestarting() : app.setIndexerUrl(url),
    });
    if (indexer) services.unshift(indexer);

    const connection = await connectRpc(chain.rpcUrl);
    const session = await resolveRegistry(connection, deployment.registry);
    // Invite URLs must open the server that is actually running, so the
    // served origin wins over the default of --app-url.
    const appUrl =
      options.appUrl === DEFAULT_APP_URL
        ? app.url.replace(/\/$/, "")
        : options.appUrl;
    const summary = await prepareDemoRound(session, {
      dataDir,
      appUrl,
      adminKeyFile,
      log: logger.info,
    });
    summary.appUrl = app.url;
    summary.graphqlUrl = indexer?.current?.url ?? null;
    summary.adminSignInUrl = app.adminSignInUrl ?? null;

    if (options.json) printJson(summary);
    else process.stdout.write(renderUpSummary(summary) + "\n");
  } catch (error) {
    removeHandlers();
    await stopAll(services, logger);
    throw error;
  }

  const exit = await chain.exited;
  removeHandlers();
  await stopAll(
    services.filter((service) => service !== chain),
    logger,
  );
  if (exit.reason === "failed") {
    throw new CliError(`The embedded chain stopped: ${exit.error.message}`, {
      hint: "Read .jurybox/chain/anvil.log, then run `npm start` again.",
      cause: exit.error,
    });
  }
  // The state is saved and anvil has exited. Exit now rather than wait
  // for a timer or socket that a library may still hold open.
  process.exit(process.exitCode ?? 0);
}

/**
 * Creates the demo round when the registry has no round yet; otherwise
 * reuses the recorded demo round, or points at the latest round.
 */
async function prepareDemoRound(
  session: RegistrySession,
  settings: {
    dataDir: string;
    appUrl: string;
    adminKeyFile: string;
    log: (line: string) => void;
  },
): Promise<UpSummary> {
  const { connection, registry } = session;
  const rounds = await readRoundCount(session);
  let demoRoundId = await readDemoRecord(
    settings.dataDir,
    connection.chainId,
    registry,
  );
  let created = false;

  if (rounds === 0n) {
    const admin = await loadAdminAccount(settings.adminKeyFile);
    const definition = await readDemoRound(new Date());
    const round = await createRound(session, admin, definition, {
      appUrl: settings.appUrl,
      saveKeys: true,
    });
    demoRoundId = round.roundId;
    created = true;
    await writeDemoRecord(settings.dataDir, {
      chainId: connection.chainId,
      registry,
      roundId: round.roundId,
    });
    settings.log(`Created the demo round ${round.roundId}`);
  }

  const shownRound = demoRoundId ?? (rounds === 0n ? null : rounds);
  const folder =
    shownRound === null
      ? null
      : roundFolder(connection.chainId, registry, shownRound);
  return {
    rpcUrl: connection.rpcUrl,
    chainId: connection.chainId,
    registry,
    rounds: Number(created ? rounds + 1n : rounds),
    demoRoundId: demoRoundId?.toString() ?? null,
    demoRoundCreated: created,
    shownRoundId: shownRound?.toString() ?? null,
    invitesFile:
      folder && existsSync(join(folder, "invites.json"))
        ? relative(process.cwd(), join(folder, "invites.json"))
        : null,
  };
}

function parsePort(option: string, text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) {
    throw new InvalidArgumentError(option, text, "a TCP port, 0 to 65535");
  }
  return port;
}

/**
 * Starts the indexer and starts it again whenever it dies. The chain, the
 * app and Verify work without it (the public pages read the chain), so a
 * failed first start is logged and `up` goes on.
 */
async function startIndexerOrWarn(
  options: SuperviseIndexerOptions,
): Promise<SupervisedIndexer | undefined> {
  const { superviseIndexer } = await import("../indexer/supervise.ts");
  try {
    return await superviseIndexer(options);
  } catch (error) {
    options.logger?.warn(
      `The indexer did not start, so GraphQL is not served: ` +
        `${(error as Error).message} Read .jurybox/indexer/ponder.log.`,
    );
    return undefined;
  }
}

function parseBlockTime(text: string): number {
  const seconds = Number(text);
  if (!/^\d+$/.test(text) || seconds > 3600) {
    throw new InvalidArgumentError(
      "--block-time",
      text,
      "whole seconds from 0 to 3600",
    );
  }
  return seconds;
}

/** A process that `up` started and stops on the way out. */
type Service = Pick<RunningChain, "stop">;

/** Stops services in order, logging a failure and going on with the rest. */
async function stopAll(services: Service[], logger: ChainLogger) {
  for (const service of services) {
    try {
      await service.stop();
    } catch (error) {
      logger.error(`Stopping a service failed: ${(error as Error).message}`);
      process.exitCode = 1;
    }
  }
}

/**
 * Stops every service on Ctrl-C or SIGTERM, the chain last: the supervisor
 * saves the state before anvil stops and logs the block it saved.
 */
function stopOnSignals(services: Service[], logger: ChainLogger): () => void {
  const handler = (signal: NodeJS.Signals) => {
    logger.info(`Received ${signal}; saving the state and stopping`);
    void stopAll(services, logger);
  };
  process.once("SIGINT", handler);
  process.once("SIGTERM", handler);
  return () => {
    process.off("SIGINT", handler);
    process.off("SIGTERM", handler);
  };
}

/**
 * Creates the log of `up`: lines with a time stamp, on stderr with --json so
 * that stdout carries only the JSON document.
 */
function makeLogger(json: boolean): ChainLogger & {
  info: (line: string) => void;
} {
  const write = (stream: NodeJS.WriteStream, text: string) =>
    stream.write(`${new Date().toISOString()} ${text}\n`);
  const infoStream = json ? process.stderr : process.stdout;
  return {
    info: (message) => write(infoStream, message),
    warn: (message) => write(process.stderr, `WARN ${message}`),
    error: (message) => write(process.stderr, `ERROR ${message}`),
  };
}
