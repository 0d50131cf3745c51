import { readFileSync } from "node:fs";

// Cleanup steps that a drill registers while it starts processes and
// folders, so that the runner can stop whatever a failed drill left behind.

type Cleanup = () => Promise<void> | void;

const pending: { label: string; cleanup: Cleanup }[] = [];

/** Registers a cleanup step; returns a function that runs it once. */
export function onCleanup(
  label: string,
  cleanup: Cleanup,
): () => Promise<void> {
  const entry = { label, cleanup };
  pending.push(entry);
  return async () => {
    const index = pending.indexOf(entry);
    if (index === -1) return;
    pending.splice(index, 1);
    await cleanup();
  };
}

/**
 * Runs every registered step, newest first, and returns one line per step
 * that failed. A failing step does not stop the others.
 */
export async function runCleanups(): Promise<string[]> {
  const failures: string[] = [];
  while (pending.length > 0) {
    const { label, cleanup } = pending.pop()!;
    try {
      await cleanup();
    } catch (error) {
      failures.push(`${label}: ${(error as Error).message}`);
    }
  }
  return failures;
}

/**
 * Sends SIGKILL to a process id unless the process is gone. With `command`,
 * only a process whose command line contains that word is killed, so a
 * process id that the system reused for another program is left alone.
 */
export function killPid(pid: number | undefined, command?: string): void {
  if (pid === undefined) return;
  if (command !== undefined && !commandLineOf(pid).includes(command)) return;
  try {
    process.kill(pid, "SIGKILL");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

/** True while a process with this id exists and is not a zombie. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const state = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[0];
    return state !== "Z" && state !== "X";
  } catch {
    return false;
  }
}

/** Returns the command line of a process, or "" when it is gone. */
export function commandLineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "";
  }
}
