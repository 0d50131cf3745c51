import {
  encodeAbiParameters,
  encodeFunctionData,
  keccak256,
  stringToHex,
} from "viem";
import type { Hex } from "viem";
import { describe, expect, it } from "vitest";

import { evaluationRegistryAbi } from "../generated/registry-abi.ts";
import { decodeSignedCall, findSignedCall } from "./calldata.ts";
import { SAMPLE_REGISTRY } from "./sample-record.ts";

const commitment = keccak256(stringToHex("commitment"));
const sheetSig = `0x${"ab".repeat(65)}` as Hex;
const escrow = `0x01${"cd".repeat(80)}` as Hex;
const commitData = encodeFunctionData({
  abi: evaluationRegistryAbi,
  functionName: "commitSheet",
  args: [7n, 3, commitment, sheetSig, escrow],
});
const matchesSeat3 = (call: { seat: number; commitment: Hex }) =>
  call.seat === 3 && call.commitment === commitment;

/** A wrapper call that carries registry calls as `bytes[]`, as a multicall. */
function wrapped(calls: Hex[]): Hex {
  const selector = "0xac9650d8";
  const encoded = encodeAbiParameters([{ type: "bytes[]" }], [calls]);
  return `${selector}${encoded.slice(2)}`;
}

describe("decodeSignedCall", () => {
  it("decodes commitSheet", () => {
    expect(decodeSignedCall(commitData)).toEqual({
      functionName: "commitSheet",
      roundId: 7n,
      seat: 3,
      commitment,
      sheetSig,
      escrow,
    });
  });

  it("ignores other functions", () => {
    const data = encodeFunctionData({
      abi: evaluationRegistryAbi,
      functionName: "finalize",
      args: [7n],
    });
    expect(decodeSignedCall(data)).toBeUndefined();
    expect(decodeSignedCall("0x12345678")).toBeUndefined();
  });
});

describe("findSignedCall", () => {
  it("finds a direct call to the registry", () => {
    const transaction = { to: SAMPLE_REGISTRY, input: commitData };
    const call = findSignedCall(
      transaction,
      SAMPLE_REGISTRY,
      "commitSheet",
      matchesSeat3,
    );
    expect(call?.sheetSig).toBe(sheetSig);
  });

  it("finds a call wrapped by another contract", () => {
    const other = encodeFunctionData({
      abi: evaluationRegistryAbi,
      functionName: "commitSheet",
      args: [7n, 4, commitment, `0x${"11".repeat(65)}`, escrow],
    });
    const transaction = {
      to: "0x000000000000000000000000000000000000dEaD" as const,
      input: wrapped([other, commitData]),
    };
    const call = findSignedCall(
      transaction,
      SAMPLE_REGISTRY,
      "commitSheet",
      matchesSeat3,
    );
    expect(call?.seat).toBe(3);
    expect(call?.sheetSig).toBe(sheetSig);
  });

  it("returns undefined when no call matches the event", () => {
    const transaction = { to: SAMPLE_REGISTRY, input: commitData };
    const call = findSignedCall(
      transaction,
      SAMPLE_REGISTRY,
      "commitSheet",
      (found) => found.seat === 9,
    );
    expect(call).toBeUndefined();
  });

  it("ignores a direct call to another contract", () => {
    const transaction = {
      to: "0x000000000000000000000000000000000000dEaD" as const,
      input: commitData,
    };
    const call = findSignedCall(
      transaction,
      SAMPLE_REGISTRY,
      "commitSheet",
      matchesSeat3,
    );
    expect(call).toBeUndefined();
  });
});
