import { spawn, type ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

import {
  createPublicClient,
  createWalletClient,
  defineChain,
  http,
  parseEventLogs,
  type Abi,
  type Address,
  type Hex,
} from "viem";
import {
  generatePrivateKey,
  privateKeyToAccount,
  privateKeyToAddress,
} from "viem/accounts";

import {
  generateEscrowKey,
  parseRoundFile,
  toRoundParams,
} from "../../../core/index.ts";

// A private chain for the browser tests: anvil with zero gas prices, the
// registry deployed from the Hardhat artifact, and rounds created the way
// the CLI creates them.

const ANVIL = fileURLToPath(
  new URL("../../../node_modules/.bin/anvil", import.meta.url),
);
const ARTIFACT = new URL(
  "../../../artifacts/contracts/EvaluationRegistry.sol/EvaluationRegistry.json",
  import.meta.url,
);

export interface TestChain {
  rpcUrl: string;
  chainId: number;
  stop(): Promise<void>;
}

/** Starts anvil on 127.0.0.1:`port` with chain id 1337 and zero base fee and gas price. */
export async function startAnvil(port: number): Promise<TestChain> {
  const child: ChildProcess = spawn(
    ANVIL,
    [
      "--host",
      "127.0.0.1",
      "--port",
      String(port),
      "--chain-id",
      "1337",
      "--base-fee",
      "0",
      "--gas-price",
      "0",
      "--disable-min-priority-fee",
      "--silent",
    ],
    { stdio: "ignore" },
  );
  const rpcUrl = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries += 1) {
    try {
      const response = await fetch(rpcUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId" }),
      });
      if (response.ok) break;
    } catch {
      if (tries > 150) throw new Error(`anvil did not start on ${rpcUrl}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    rpcUrl,
    chainId: 1337,
    stop: async () => {
      child.kill();
    },
  };
}

function clients(rpcUrl: string, privateKey: Hex) {
  const chain = defineChain({
    id: 1337,
    name: "test",
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
  const transport = http(rpcUrl);
  return {
    publicClient: createPublicClient({ chain, transport }),
    walletClient: createWalletClient({
      account: privateKeyToAccount(privateKey),
      chain,
      transport,
    }),
  };
}

interface Artifact {
  abi: Abi;
  bytecode: Hex;
  linkReferences: Record<
    string,
    Record<string, { start: number; length: number }[]>
  >;
}

async function loadArtifact(): Promise<Artifact> {
  return JSON.parse(await readFile(ARTIFACT, "utf8")) as Artifact;
}

async function deploy(
  rpcUrl: string,
  adminKey: Hex,
  artifact: Artifact,
  bytecode: Hex,
  args: readonly unknown[],
): Promise<Address> {
  const { publicClient, walletClient } = clients(rpcUrl, adminKey);
  const hash = await walletClient.deployContract({
    abi: artifact.abi,
    bytecode,
    args,
    gasPrice: 0n,
  });
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  return receipt.contractAddress!;
}

/**
 * Deploys a registry whose admin is the given key's address, after the
 * libraries it links to (the registry calls the Tally library externally).
 */
export async function deployRegistry(
  rpcUrl: string,
  adminKey: Hex,
): Promise<Address> {
  const registry = await loadArtifact();
  let bytecode = registry.bytecode.slice(2);
  for (const [source, libraries] of Object.entries(registry.linkReferences)) {
    for (const [name, places] of Object.entries(libraries)) {
      const path = source.replace(/^project\//, "");
      const library = JSON.parse(
        await readFile(
          new URL(`../../../artifacts/${path}/${name}.json`, import.meta.url),
          "utf8",
        ),
      ) as Artifact;
      const address = await deploy(
        rpcUrl,
        adminKey,
        library,
        library.bytecode,
        [],
      );
      for (const { start, length } of places) {
        bytecode =
          bytecode.slice(0, start * 2) +
          address.slice(2).toLowerCase() +
          bytecode.slice((start + length) * 2);
      }
    }
  }
  return deploy(rpcUrl, adminKey, registry, `0x${bytecode}`, [
    privateKeyToAddress(adminKey),
  ]);
}

export interface CreatedRound {
  roundId: bigint;
  tabletUrls: string[];
  escrowPrivateKey: Hex;
}

/** Creates a round from a round or case file and returns each seat's tablet link. */
export async function createRound(
  rpcUrl: string,
  registry: Address,
  adminKey: Hex,
  roundJson: unknown,
  appUrl: string,
): Promise<CreatedRound> {
  const { abi } = await loadArtifact();
  const {
    sheets: _sheets,
    expected: _expected,
    ...roundOnly
  } = roundJson as Record<string, unknown>;
  const schedule = (roundOnly.schedule as object | undefined) ?? {
    scoringDeadline: `${new Date(Date.now() + 2 * 3600_000).toISOString().slice(0, 19)}+00:00`,
  };
  const round = parseRoundFile({ ...roundOnly, schedule });
  const inviteKeys = Array.from({ length: round.evaluators }, () =>
    generatePrivateKey(),
  );
  const escrow = generateEscrowKey();
  const params = toRoundParams(round, {
    invites: inviteKeys.map((key) => privateKeyToAddress(key)),
    escrowPublicKey: escrow.publicKey,
  });
  const { publicClient, walletClient } = clients(rpcUrl, adminKey);
  const hash = await walletClient.writeContract({
    address: registry,
    abi,
    functionName: "createRound",
    args: [params],
    gasPrice: 0n,
  });
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  const [created] = parseEventLogs({
    abi,
    logs: receipt.logs,
    eventName: "RoundCreated",
  }) as unknown as {
    args: { roundId: bigint };
  }[];
  const roundId = created.args.roundId;
  const base = appUrl.replace(/\/$/, "");
  return {
    roundId,
    escrowPrivateKey: escrow.privateKey,
    tabletUrls: inviteKeys.map(
      (key, seat) => `${base}/#/e/1337/${registry}/${roundId}/${seat}/${key}`,
    ),
  };
}

/** Moves the test chain's clock forward and mines a block at the new time (anvil only). */
export async function advanceChainTime(
  rpcUrl: string,
  seconds: number,
): Promise<void> {
  for (const [method, params] of [
    ["evm_increaseTime", [seconds]],
    ["evm_mine", []],
  ] as const) {
    const response = await fetch(rpcUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
    });
    const body = (await response.json()) as { error?: { message: string } };
    if (body.error) throw new Error(`${method} failed: ${body.error.message}`);
  }
}
