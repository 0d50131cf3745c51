import { spawn } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:net";

import { afterEach, describe, expect, it } from "vitest";

import { resolveJuryboxPaths } from "../../cli/chain/paths.ts";
import { describeProcess } from "../../cli/chain/process-record.ts";
import {
  deployProbe,
  freePort,
  isAlive,
  killIfAlive,
  makeTempDir,
  sleep,
  startSupervisorProcess,
  storeValue,
  waitForExit,
  type SupervisorProcess,
} from "./helpers.ts";

const started: number[] = [];

function track(supervisor: SupervisorProcess): SupervisorProcess {
  started.push(supervisor.pid, supervisor.anvilPid);
  return supervisor;
}

afterEach(async () => {
  for (const pid of started.splice(0)) killIfAlive(pid);
});

async function readValue(
  probe: Awaited<ReturnType<typeof deployProbe>>,
  key: bigint,
): Promise<bigint> {
  return (await probe.publicClient.readContract({
    address: probe.address,
    abi: probe.abi,
    functionName: "values",
    args: [key],
  })) as bigint;
}

describe("chain after a killed supervisor", () => {
  it("keeps state when the supervisor is killed", async () => {
    const dataDir = await makeTempDir();
    const port = await freePort();
    const first = track(await startSupervisorProcess({ dataDir, port }));
    const probe = await deployProbe(`http://127.0.0.1:${port}`);
    await storeValue(probe, 1n, 111n);
    await sleep(1600);
    // Sent just before the kill: the orphaned anvil still mines it.
    const late = await storeValue(probe, 2n, 222n);

    process.kill(first.pid, "SIGKILL");
    await waitForExit(first.child);
    expect(await isAlive(first.anvilPid)).toBe(true);

    const second = track(await startSupervisorProcess({ dataDir, port }));
    expect(second.output()).toContain(
      `anvil (pid ${first.anvilPid}) from an earlier supervisor still runs`,
    );
    expect(await isAlive(first.anvilPid)).toBe(false);
    expect(second.anvilPid).not.toBe(first.anvilPid);
    expect(await readValue(probe, 1n)).toBe(111n);
    expect(await readValue(probe, 2n)).toBe(222n);
    expect(await probe.publicClient.getBlockNumber()).toBeGreaterThanOrEqual(
      late.blockNumber,
    );

    second.child.kill("SIGTERM");
    expect(await waitForExit(second.child)).toBe(0);
    expect(await isAlive(second.anvilPid)).toBe(false);
  });

  it("keeps saved state when supervisor and anvil die", async () => {
    const dataDir = await makeTempDir();
    const port = await freePort();
    const first = track(await startSupervisorProcess({ dataDir, port }));
    const probe = await deployProbe(`http://127.0.0.1:${port}`);
    const saved = await storeValue(probe, 3n, 333n);
    await sleep(1600);

    process.kill(first.anvilPid, "SIGKILL");
    process.kill(first.pid, "SIGKILL");
    await waitForExit(first.child);

    const second = track(await startSupervisorProcess({ dataDir, port }));
    expect(await readValue(probe, 3n)).toBe(333n);
    expect(await probe.publicClient.getBlockNumber()).toBeGreaterThanOrEqual(
      saved.blockNumber,
    );
    second.child.kill("SIGTERM");
    await waitForExit(second.child);
  });

  it("rejects a second supervisor on one directory", async () => {
    const dataDir = await makeTempDir();
    const port = await freePort();
    const first = track(await startSupervisorProcess({ dataDir, port }));

    const attempt = startSupervisorProcess({ dataDir, port });
    await expect(attempt).rejects.toThrow(/ChainAlreadyRunningError/);
    expect(await isAlive(first.anvilPid)).toBe(true);
    const probe = await deployProbe(`http://127.0.0.1:${port}`);
    expect(probe.address).toMatch(/^0x[0-9a-fA-F]{40}$/);

    first.child.kill("SIGTERM");
    await waitForExit(first.child);
  });

  it("leaves a foreign process from a stale pid file alone", async () => {
    const dataDir = await makeTempDir();
    const port = await freePort();
    const paths = resolveJuryboxPaths(dataDir);
    const bystander = spawn("sleep", ["60"], { stdio: "ignore" });
    started.push(bystander.pid as number);
    await sleep(100);
    const record = await describeProcess(bystander.pid as number, {
      host: "127.0.0.1",
      port,
    });
    await mkdir(paths.chainDir, { recursive: true });
    await writeFile(paths.anvilPidFile, JSON.stringify(record));

    const supervisor = track(await startSupervisorProcess({ dataDir, port }));
    expect(await isAlive(bystander.pid as number)).toBe(true);
    const pidFile = JSON.parse(await readFile(paths.anvilPidFile, "utf8"));
    expect(pidFile.pid).toBe(supervisor.anvilPid);

    supervisor.child.kill("SIGTERM");
    await waitForExit(supervisor.child);
    bystander.kill("SIGKILL");
  });

  it("reports a port taken by another program", async () => {
    const dataDir = await makeTempDir();
    const port = await freePort();
    const server = createServer();
    await new Promise<void>((resolve) =>
      server.listen(port, "127.0.0.1", resolve),
    );
    try {
      await expect(startSupervisorProcess({ dataDir, port })).rejects.toThrow(
        /ChainPortInUseError: Port \d+ on 127.0.0.1 is already in use/,
      );
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    const paths = resolveJuryboxPaths(dataDir);
    await expect(readFile(paths.supervisorPidFile)).rejects.toThrow(/ENOENT/);
  });
});
