import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { generatePrivateKey } from "viem/accounts";

import { startAppServer, type AppServer } from "../../../cli/serve/index.ts";
import { deployRegistry, startAnvil, type TestChain } from "./chain.ts";

// TODO: start the system with `jurybox up` once it can run isolated. Today
// `up` records its deployment in the project's ignition/deployments and
// core/generated files, which a test run must not touch, so the browser
// tests start the same parts themselves: anvil with zero gas, a registry,
// and the app server from cli/serve that `up` also uses.

export interface TestSystem {
  appUrl: string;
  adminSignInUrl: string;
  rpcUrl: string;
  chainId: number;
  registry: `0x${string}`;
  /** Private key of the registry's administrator, for rounds driven from Node. */
  adminKey: `0x${string}`;
  /** Points the app server's /graphql at an indexer, or at none. */
  setIndexerUrl(url: string | undefined): void;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts a fresh chain, registry and app server on free loopback ports. */
export async function startSystem(): Promise<TestSystem> {
  const folder = await mkdtemp(join(tmpdir(), "jurybox-e2e-"));
  const adminKey = generatePrivateKey();
  const keyFile = join(folder, "admin.json");
  await writeFile(keyFile, JSON.stringify({ privateKey: adminKey }), {
    mode: 0o600,
  });

  let chain: TestChain | undefined;
  let server: AppServer | undefined;
  try {
    chain = await startAnvil(await freePort());
    const registry = await deployRegistry(chain.rpcUrl, adminKey);
    server = await startAppServer({
      port: await freePort(),
      chainRpcUrl: chain.rpcUrl,
      chainId: chain.chainId,
      registry,
      adminKeyFile: keyFile,
      log: () => {},
    });
    const started = { chain, server };
    return {
      appUrl: server.url,
      adminSignInUrl: server.adminSignInUrl!,
      rpcUrl: chain.rpcUrl,
      chainId: chain.chainId,
      registry,
      adminKey,
      setIndexerUrl: (url) => started.server.setIndexerUrl(url),
      stop: async () => {
        await started.server.stop();
        await started.chain.stop();
        await rm(folder, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await server?.stop();
    await chain?.stop();
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}
