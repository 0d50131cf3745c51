import assert from "node:assert/strict";

import type { Page } from "playwright-core";
import {
  createPublicClient,
  createWalletClient,
  http,
  isAddressEqual,
  toHex,
  type Address,
  type Hex,
} from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";

import { evaluationRegistryAbi } from "../../../core/generated/registry-abi.ts";
import { createRoundWithForm, type CaseFile } from "../support/admin.ts";
import type { TestBrowser } from "../support/browser.ts";
import { captureScreen } from "../support/screens.ts";
import type { TestSystem } from "../support/system.ts";

// Headless Chromium has no wallet extension, so this scenario does not run
// one. It replaces the extension with an EIP-1193 provider that the test
// injects before the page loads, as an extension's content script does:
// `window.ethereum` and an EIP-6963 announcement. The provider's key is
// generated here, transactions are signed in Node, and every other request
// goes to the test chain. What it covers is the console's wallet path
// through wagmi's injected connector, not a real wallet's prompts.

interface TestWallet {
  address: Address;
  /** Hashes of the transactions the wallet sent to the chain. */
  sent: Hex[];
  /** Every EIP-1193 method the page requested, in order. */
  methods: string[];
}

interface ProviderReply {
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

class ProviderRpcError extends Error {
  readonly code: number;
  constructor(code: number, message: string) {
    super(message);
    this.code = code;
  }
}

/** Runs in the page before its scripts: the provider an extension injects. */
function injectProvider(): void {
  type Listener = (...args: unknown[]) => void;
  type Bridge = (method: string, params: unknown) => Promise<ProviderReply>;
  const bridge = (window as unknown as { juryboxWallet: Bridge }).juryboxWallet;
  const listeners = new Map<string, Set<Listener>>();
  const provider = {
    async request(args: { method: string; params?: unknown }) {
      const reply = await bridge(args.method, args.params ?? []);
      if (reply.error) {
        throw Object.assign(new Error(reply.error.message), reply.error);
      }
      return reply.result;
    },
    on(event: string, listener: Listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
      return provider;
    },
    removeListener(event: string, listener: Listener) {
      listeners.get(event)?.delete(listener);
      return provider;
    },
  };
  (window as unknown as { ethereum: unknown }).ethereum = provider;

  const detail = Object.freeze({
    info: {
      uuid: "0b4ac1f4-7d0e-4a57-9a62-5d0c1a3e2f10",
      name: "Jurybox test wallet",
      icon: "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E",
      rdns: "org.jurybox.test-wallet",
    },
    provider,
  });
  const announce = () =>
    window.dispatchEvent(
      new CustomEvent("eip6963:announceProvider", { detail }),
    );
  window.addEventListener("eip6963:requestProvider", announce);
  announce();
}

/** Installs a wallet with a new key in the page, before it loads. */
async function installWallet(
  page: Page,
  system: TestSystem,
): Promise<TestWallet> {
  const account = privateKeyToAccount(generatePrivateKey());
  const chain = createPublicClient({ transport: http(system.rpcUrl) });
  const chainId = toHex(system.chainId);
  const wallet: TestWallet = {
    address: account.address,
    sent: [],
    methods: [],
  };

  async function sendTransaction(params: unknown): Promise<Hex> {
    const [tx] = params as {
      from: Address;
      to: Address;
      data?: Hex;
      value?: Hex;
      gas?: Hex;
      gasPrice?: Hex;
    }[];
    if (!isAddressEqual(tx.from, account.address)) {
      throw new ProviderRpcError(4100, `unknown account ${tx.from}`);
    }
    const request = {
      account: account.address,
      to: tx.to,
      data: tx.data,
      value: tx.value ? BigInt(tx.value) : 0n,
    };
    const gasPrice = tx.gasPrice
      ? BigInt(tx.gasPrice)
      : await chain.getGasPrice();
    const signed = await account.signTransaction({
      type: "legacy",
      chainId: system.chainId,
      to: tx.to,
      data: tx.data,
      value: request.value,
      gas: tx.gas
        ? BigInt(tx.gas)
        : await chain.estimateGas({ ...request, gasPrice }),
      gasPrice,
      nonce: await chain.getTransactionCount({
        address: account.address,
        blockTag: "pending",
      }),
    });
    const hash = await chain.sendRawTransaction({
      serializedTransaction: signed,
    });
    wallet.sent.push(hash);
    return hash;
  }

  async function handle(method: string, params: unknown): Promise<unknown> {
    switch (method) {
      case "eth_accounts":
      case "eth_requestAccounts":
        return [account.address];
      case "wallet_requestPermissions":
        return [
          {
            parentCapability: "eth_accounts",
            caveats: [
              { type: "restrictReturnedAccounts", value: [account.address] },
            ],
          },
        ];
      case "eth_chainId":
        return chainId;
      case "wallet_switchEthereumChain": {
        const [{ chainId: wanted }] = params as { chainId: Hex }[];
        if (wanted.toLowerCase() === chainId) return null;
        throw new ProviderRpcError(4902, `unknown chain ${wanted}`);
      }
      case "eth_sendTransaction":
        return sendTransaction(params);
      case "eth_sign":
      case "personal_sign":
      case "eth_signTypedData_v4":
        throw new ProviderRpcError(4200, `${method} is not supported`);
      default:
        return chain.request({ method, params } as never);
    }
  }

  await page.exposeFunction(
    "juryboxWallet",
    async (method: string, params: unknown): Promise<ProviderReply> => {
      wallet.methods.push(method);
      try {
        return { result: await handle(method, params) };
      } catch (error) {
        const { code, message, data } = error as {
          code?: number;
          message: string;
          data?: unknown;
        };
        return { error: { code: code ?? -32603, message, data } };
      }
    },
  );
  await page.addInitScript(injectProvider);
  return wallet;
}

/** Opens the console in a new browser context and signs in with a wallet. */
async function signInWithWallet(
  system: TestSystem,
  browser: TestBrowser,
): Promise<{ page: Page; wallet: TestWallet }> {
  const { page } = await browser.newTablet();
  const wallet = await installWallet(page, system);
  await page.goto(new URL("#/admin", system.appUrl).toString());
  await page.getByRole("heading", { name: "관리자 로그인" }).waitFor();
  await page.getByRole("button", { name: "지갑 연결" }).click();
  await page
    .getByText(`관리자 ${wallet.address} (지갑)`)
    .waitFor({ timeout: 15_000 });
  return { page, wallet };
}

/** Grants ROUND_ADMIN_ROLE as `jurybox grant-admin` does. */
async function grantAdmin(system: TestSystem, account: Address) {
  const registryAdmin = privateKeyToAccount(system.adminKey);
  const chain = createPublicClient({ transport: http(system.rpcUrl) });
  const sender = createWalletClient({
    account: registryAdmin,
    transport: http(system.rpcUrl),
  });
  const contract = {
    address: system.registry,
    abi: evaluationRegistryAbi,
  } as const;
  const role = await chain.readContract({
    ...contract,
    functionName: "ROUND_ADMIN_ROLE",
  });
  const hash = await sender.writeContract({
    ...contract,
    functionName: "grantRole",
    args: [role, account],
    chain: null,
    gasPrice: 0n,
  });
  const receipt = await chain.waitForTransactionReceipt({ hash });
  assert.equal(receipt.status, "success");
  assert.ok(
    await chain.readContract({
      ...contract,
      functionName: "hasRole",
      args: [role, account],
    }),
  );
}

async function roundCount(system: TestSystem): Promise<number> {
  const chain = createPublicClient({ transport: http(system.rpcUrl) });
  const logs = await chain.getContractEvents({
    address: system.registry,
    abi: evaluationRegistryAbi,
    eventName: "RoundCreated",
    fromBlock: 0n,
  });
  return logs.length;
}

/**
 * A wallet without ROUND_ADMIN_ROLE signs in, is told why it cannot create a
 * round, and sends nothing. A wallet granted the role signs in and
 * creates a small round with the form, and the chain records that wallet
 * as the round's administrator.
 */
export async function walletSignIn(
  system: TestSystem,
  browser: TestBrowser,
  psat: CaseFile,
) {
  const round: CaseFile = {
    ...psat,
    title: `${psat.title} (wallet)`,
    reference: `${psat.reference}-WALLET`,
    evaluators: 4,
  };
  const chain = createPublicClient({ transport: http(system.rpcUrl) });

  const stranger = await signInWithWallet(system, browser);
  const roundsBefore = await roundCount(system);
  await assert.rejects(
    createRoundWithForm(stranger.page, round, 4, 3),
    /회차를 만들 권한\(ROUND_ADMIN_ROLE\)이 없어 아무것도 보내지 않았습니다/,
  );
  const refusal = (await stranger.page.getByRole("alert").allInnerTexts()).join(
    "\n",
  );
  assert.ok(
    refusal.includes(`jurybox grant-admin ${stranger.wallet.address}`),
    `the message names the fix: ${refusal}`,
  );
  assert.doesNotMatch(refusal, /AccessControl|revert/i);
  await captureScreen(stranger.page, "admin-wallet-no-role");
  assert.deepEqual(stranger.wallet.sent, []);
  assert.ok(!stranger.wallet.methods.includes("eth_sendTransaction"));
  assert.equal(
    await chain.getTransactionCount({ address: stranger.wallet.address }),
    0,
  );
  assert.equal(await roundCount(system), roundsBefore);
  await stranger.page.context().close();

  const admin = await signInWithWallet(system, browser);
  await grantAdmin(system, admin.wallet.address);
  const roundId = await createRoundWithForm(admin.page, round, 4, 3);
  await admin.page.getByRole("button", { name: "저장했습니다" }).click();
  await captureScreen(admin.page, "admin-wallet-round");
  assert.equal(admin.wallet.sent.length, 1, "one createRound transaction");

  const status = await chain.readContract({
    address: system.registry,
    abi: evaluationRegistryAbi,
    functionName: "getRound",
    args: [roundId],
  });
  assert.ok(isAddressEqual(status.admin, admin.wallet.address));
  assert.equal(status.seats, 4);
  const receipt = await chain.getTransactionReceipt({
    hash: admin.wallet.sent[0],
  });
  assert.ok(isAddressEqual(receipt.from, admin.wallet.address));
  const [created] = await chain.getContractEvents({
    address: system.registry,
    abi: evaluationRegistryAbi,
    eventName: "RoundCreated",
    args: { roundId },
    fromBlock: receipt.blockNumber,
    toBlock: receipt.blockNumber,
  });
  assert.equal(created.transactionHash, admin.wallet.sent[0]);
  await admin.page.context().close();
}
