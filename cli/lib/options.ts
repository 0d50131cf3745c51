import type { Command } from "commander";

export const DEFAULT_RPC_URL = "http://127.0.0.1:8545";
export const DEFAULT_APP_URL = "http://127.0.0.1:5173";

/** Options that every subcommand accepts, set before or after its name. */
export interface GlobalOptions {
  rpc: string;
  registry?: string;
  adminKeyFile?: string;
  json?: boolean;
}

/** Reads the global options merged with the subcommand's own options. */
export function readOptions<T extends object>(
  command: Command,
): GlobalOptions & T {
  return command.optsWithGlobals() as GlobalOptions & T;
}

/** True when --rpc was given on the command line rather than defaulted. */
export function rpcWasGiven(command: Command): boolean {
  let current: Command | null = command;
  while (current) {
    if (current.getOptionValueSource("rpc") === "cli") return true;
    current = current.parent;
  }
  return false;
}
