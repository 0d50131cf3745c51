import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { generatePrivateKey } from "viem/accounts";

import { startAppServer } from "../../cli/serve/index.ts";
import { createRound, deployRegistry, startAnvil } from "./support/chain.ts";

// Starts a throwaway chain, registry, PSAT round and app server for trying
// the app by hand: `npx node test/e2e/dev.ts [chainPort] [appPort]`.

const chainPort = Number(process.argv[2] ?? 8545);
const appPort = Number(process.argv[3] ?? 5173);
const folder = await mkdtemp(join(tmpdir(), "jurybox-dev-"));
const adminKey = generatePrivateKey();
const keyFile = join(folder, "admin.json");
await writeFile(keyFile, JSON.stringify({ privateKey: adminKey }), {
  mode: 0o600,
});

const chain = await startAnvil(chainPort);
process.on("exit", () => void chain.stop());
const registry = await deployRegistry(chain.rpcUrl, adminKey);
const server = await startAppServer({
  port: appPort,
  chainRpcUrl: chain.rpcUrl,
  chainId: chain.chainId,
  registry,
  adminKeyFile: keyFile,
});
const caseFile = JSON.parse(
  await readFile(
    new URL("../../../shared/cases/psat-2023-q18.json", import.meta.url),
    "utf8",
  ),
);
const round = await createRound(
  chain.rpcUrl,
  registry,
  adminKey,
  caseFile,
  server.url,
);
console.log(`registry ${registry}, round ${round.roundId}`);
console.log(`admin sign-in: ${server.adminSignInUrl}`);
round.tabletUrls.forEach((url, seat) => console.log(`seat ${seat}: ${url}`));
console.log(`escrow key: kept in ${folder}`);
await writeFile(join(folder, "escrow.txt"), round.escrowPrivateKey, {
  mode: 0o600,
});

const stop = async () => {
  await server.stop();
  await chain.stop();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
