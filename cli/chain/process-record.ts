import { readFile, readlink, rm, writeFile } from "node:fs/promises";

/**
 * A pid file's content. The start time (clock ticks after boot, field 22 of
 * `/proc/PID/stat`) and the executable tell our process from an unrelated
 * one that got the same pid later.
 */
export interface ProcessRecord {
  pid: number;
  startTime: string;
  executable: string;
  host?: string;
  port?: number;
}

/**
 * Reads the start time of a running process. Returns undefined when the
 * process is gone or a zombie: a zombie has released its files and ports.
 */
export async function readProcessStartTime(
  pid: number,
): Promise<string | undefined> {
  let stat: string;
  try {
    stat = await readFile(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined;
  }
  // The command name in field 2 may contain spaces and parentheses, so the
  // fields are counted from the last ")": field 3 is the state.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  if (fields[0] === "Z" || fields[0] === "X") return undefined;
  return fields[19];
}

/** Builds the record of a live process for its pid file. */
export async function describeProcess(
  pid: number,
  extra: Pick<ProcessRecord, "host" | "port"> = {},
): Promise<ProcessRecord> {
  const startTime = await readProcessStartTime(pid);
  if (startTime === undefined) {
    throw new Error(`Process ${pid} exited before its pid file was written.`);
  }
  const executable = await readlink(`/proc/${pid}/exe`);
  return { pid, startTime, executable, ...extra };
}

/**
 * Returns true when the process in `record` still runs: same pid, same start
 * time and same executable (a replaced binary shows as "PATH (deleted)").
 * A process that is exiting but still has open files counts as running.
 */
export async function isRecordedProcessAlive(
  record: ProcessRecord,
): Promise<boolean> {
  const startTime = await readProcessStartTime(record.pid);
  if (startTime !== record.startTime) return false;
  let executable: string;
  try {
    executable = await readlink(`/proc/${record.pid}/exe`);
  } catch {
    // The kernel drops the executable link early in exit, before it closes
    // the files and sockets, so the process is not gone yet.
    return true;
  }
  return (
    executable === record.executable ||
    executable === `${record.executable} (deleted)`
  );
}

/** Reads a pid file; returns undefined when it is missing or unreadable. */
export async function readProcessRecord(
  file: string,
): Promise<ProcessRecord | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return undefined;
  }
  try {
    const record = JSON.parse(text) as ProcessRecord;
    if (!Number.isInteger(record.pid) || typeof record.startTime !== "string") {
      return undefined;
    }
    return record;
  } catch {
    return undefined;
  }
}

export async function writeProcessRecord(
  file: string,
  record: ProcessRecord,
): Promise<void> {
  await writeFile(file, `${JSON.stringify(record)}\n`, { mode: 0o600 });
}

export async function removeProcessRecord(file: string): Promise<void> {
  await rm(file, { force: true });
}

/**
 * Sends SIGTERM to a recorded process, waits up to `graceMs` for it to exit
 * and then sends SIGKILL. Returns true if the process had to be killed.
 */
export async function terminateProcess(
  record: ProcessRecord,
  graceMs: number,
): Promise<boolean> {
  if (!(await isRecordedProcessAlive(record))) return false;
  signal(record.pid, "SIGTERM");
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!(await isRecordedProcessAlive(record))) return false;
    await sleep(50);
  }
  signal(record.pid, "SIGKILL");
  while (await isRecordedProcessAlive(record)) await sleep(20);
  return true;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    // ESRCH: the process exited between the check and the signal.
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
