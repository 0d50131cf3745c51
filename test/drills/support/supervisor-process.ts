import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

import { killPid, onCleanup } from "./cleanup.ts";

const MAIN = fileURLToPath(new URL("./supervisor-main.ts", import.meta.url));

/** A chain supervisor running as a child process of the drill. */
export interface SupervisorProcess {
  child: ChildProcess;
  pid: number;
  anvilPid: number;
  /** Everything the supervisor printed so far. */
  output(): string;
  /** Resolves with the exit code or signal once the process has ended. */
  exited: Promise<string>;
}

/**
 * Starts `startChain` in a child process with the Node that runs the
 * drills, and resolves once it prints its ready line. The drill's cleanup
 * kills the supervisor and its anvil by process id.
 */
export async function startSupervisorProcess(options: {
  dataDir: string;
  port: number;
  blockTime?: number;
}): Promise<SupervisorProcess> {
  const child = spawn(process.execPath, [MAIN, JSON.stringify(options)], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (text) => (output += text));
  child.stderr.setEncoding("utf8").on("data", (text) => (output += text));
  const exited = new Promise<string>((resolve) =>
    child.once("exit", (code, signal) => resolve(signal ?? `code ${code}`)),
  );

  const ready = await new Promise<{ anvilPid: number }>((resolve, reject) => {
    const onData = () => {
      const line = output.split("\n").find((text) => text.startsWith("{"));
      if (line !== undefined) resolve(JSON.parse(line));
    };
    child.stdout.on("data", onData);
    void exited.then((how) =>
      reject(new Error(`The supervisor exited (${how}):\n${output}`)),
    );
  });
  const pid = child.pid as number;
  onCleanup(`kill supervisor ${pid} and anvil ${ready.anvilPid}`, () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGKILL");
    }
    killPid(ready.anvilPid, "anvil");
  });
  return {
    child,
    pid,
    anvilPid: ready.anvilPid,
    output: () => output,
    exited,
  };
}
