import { join, resolve } from "node:path";

/** Locations of everything the embedded chain keeps under `.jurybox/`. */
export interface JuryboxPaths {
  /** The `.jurybox` directory itself. */
  dataDir: string;
  chainDir: string;
  /** Newest verified state: anvil's gzip-compressed JSON dump. */
  stateFile: string;
  /** The state file before the newest write, used when the newest is damaged. */
  previousStateFile: string;
  /** Decompressed copy of the chosen state, passed to `anvil --load-state`. */
  loadStateFile: string;
  anvilPidFile: string;
  supervisorPidFile: string;
  anvilLogFile: string;
  keysDir: string;
  adminKeyFile: string;
}

/**
 * Resolves the `.jurybox` layout under `dataDir`, which defaults to
 * `.jurybox` in the current working directory.
 */
export function resolveJuryboxPaths(dataDir?: string): JuryboxPaths {
  const root = resolve(dataDir ?? join(process.cwd(), ".jurybox"));
  const chainDir = join(root, "chain");
  const keysDir = join(root, "keys");
  return {
    dataDir: root,
    chainDir,
    stateFile: join(chainDir, "state.json.gz"),
    previousStateFile: join(chainDir, "state.previous.json.gz"),
    loadStateFile: join(chainDir, "load-state.json"),
    anvilPidFile: join(chainDir, "anvil.pid"),
    supervisorPidFile: join(chainDir, "supervisor.pid"),
    anvilLogFile: join(chainDir, "anvil.log"),
    keysDir,
    adminKeyFile: join(keysDir, "admin.json"),
  };
}
