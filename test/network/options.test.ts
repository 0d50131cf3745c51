import { describe, expect, it } from "vitest";

import { CliError } from "../../cli/lib/errors.ts";
import { GasLimitTooLowError } from "../../cli/network/errors.ts";
import type { HeaviestTransaction } from "../../cli/network/gas-snapshot.ts";
import {
  parseNetworkOptions,
  type RawNetworkOptions,
} from "../../cli/network/options.ts";

const HEAVIEST: HeaviestTransaction = {
  name: "finalizingRevealGas15x30x20",
  gas: 9_000_000n,
};

/** Parses options over a valid base; `heaviest: null` means no snapshot. */
function parse(
  options: Partial<RawNetworkOptions>,
  heaviest: HeaviestTransaction | null = HEAVIEST,
) {
  return parseNetworkOptions(
    {
      validators: "4",
      blockPeriod: "1",
      out: "network",
      chainId: "202612",
      ...options,
    },
    heaviest ?? undefined,
  );
}

/** Returns the CliError that parsing throws, failing when none is thrown. */
function rejection(options: Partial<RawNetworkOptions>): CliError {
  try {
    parse(options);
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    return error as CliError;
  }
  throw new Error(`no error for ${JSON.stringify(options)}`);
}

describe("network options", () => {
  it("accept four validators without warning", () => {
    const { plan, warnings } = parse({});
    expect(plan.validators).toBe(4);
    expect(plan.gasLimit).toBe(30_000_000n);
    expect(plan.requestTimeoutSeconds).toBeGreaterThan(plan.blockPeriodSeconds);
    expect(warnings).toEqual([]);
  });

  it.each(["0", "-1", "two", "2.5", ""])("reject %j validators", (value) => {
    const error = rejection({ validators: value });
    expect(error.message).toContain("--validators");
    expect(error.message).toContain("nothing was written");
    expect(error.hint).toBeTruthy();
  });

  it.each(["1", "2", "3"])("warn about %s validators", (value) => {
    const { plan, warnings } = parse({ validators: value });
    expect(plan.validators).toBe(Number(value));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/QBFT needs 4 or more/);
  });

  it("reject more validators than the layout holds", () => {
    expect(rejection({ validators: "65" }).message).toMatch(/at most 64/);
  });

  it.each(["0", "1.5", "-2", "fast"])("reject block period %j", (value) => {
    const error = rejection({ blockPeriod: value });
    expect(error.message).toContain(`--block-period "${value}"`);
  });

  it("warn about a slow block period", () => {
    const { warnings } = parse({ blockPeriod: "5" });
    expect(warnings.join("\n")).toMatch(/5 s/);
  });

  it("reject a gas limit below 30,000,000", () => {
    const error = rejection({ gasLimit: "29999999" });
    expect(error).toBeInstanceOf(GasLimitTooLowError);
    expect(error.hint).toContain("--gas-limit 30000000");
  });

  it("reject a gas limit below the heaviest transaction", () => {
    const heaviest = { name: "bigReveal", gas: 45_000_000n };
    expect(() => parse({ gasLimit: "40000000" }, heaviest)).toThrow(
      /bigReveal/,
    );
    const { plan } = parse({}, heaviest);
    expect(plan.gasLimit).toBe(45_000_000n);
  });

  it("accept a hex gas limit", () => {
    expect(parse({ gasLimit: "0x1C9C380" }).plan.gasLimit).toBe(30_000_000n);
    expect(rejection({ gasLimit: "30M" }).message).toContain("--gas-limit");
  });

  it("warn when the gas snapshot is missing", () => {
    const { warnings } = parse({}, null);
    expect(warnings.join("\n")).toMatch(/gas-snapshot\.json was not found/);
  });

  it.each(["56", "137", "0"])("reject chain id %s", (value) => {
    expect(rejection({ chainId: value }).message).toContain("--chain-id");
  });

  it.each(["1337", "31337"])("warn about local chain id %s", (value) => {
    const { warnings } = parse({ chainId: value });
    expect(warnings.join("\n")).toContain(`chain-${value}`);
  });

  it("spread one host over every node", () => {
    const { plan } = parse({ bootnodeHost: ["10.0.0.7"] });
    expect(plan.hosts).toEqual(Array(4).fill("10.0.0.7"));
  });

  it("accept comma-separated hosts", () => {
    const { plan } = parse({
      bootnodeHost: ["10.0.0.1,10.0.0.2", "10.0.0.3", "10.0.0.4"],
    });
    expect(plan.hosts).toEqual([
      "10.0.0.1",
      "10.0.0.2",
      "10.0.0.3",
      "10.0.0.4",
    ]);
  });

  it("reject a host count that fits neither rule", () => {
    const error = rejection({ bootnodeHost: ["10.0.0.1", "10.0.0.2"] });
    expect(error.message).toContain("2 hosts given for 4 validators");
  });

  it("reject a domain name as host", () => {
    const error = rejection({ bootnodeHost: ["validator1.example.org"] });
    expect(error.message).toContain("expected an IPv4 address");
  });

  it("reject an RPC node outside the network", () => {
    expect(rejection({ rpcNode: "5" }).message).toContain("1 to 4");
    expect(rejection({ rpcHost: "localhost" }).message).toContain("--rpc-host");
  });

  it("warn about an RPC host on every interface", () => {
    const { warnings } = parse({ rpcHost: "0.0.0.0" });
    expect(warnings.join("\n")).toMatch(/every network interface/);
  });

  it("reject a malformed account", () => {
    expect(rejection({ account: ["0x1234"] }).message).toContain("--account");
    expect(rejection({ deployer: "admin" }).message).toContain("--deployer");
  });

  it("keep each account once, checksummed", () => {
    const lower = "0x52908400098527886e0f7030069857d2e4169ee7";
    const { plan } = parse({
      account: [lower, lower.toUpperCase().replace("0X", "0x")],
    });
    expect(plan.accounts).toEqual([
      "0x52908400098527886E0F7030069857D2E4169EE7",
    ]);
  });
});
