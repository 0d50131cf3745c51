import { readFileSync } from "node:fs";
import { join } from "node:path";

import {
  getAbiItem,
  keccak256,
  stringToHex,
  toEventSelector,
  toFunctionSelector,
} from "viem";
import { formatAbiItem } from "viem/utils";
import { describe, expect, it } from "vitest";

import { evaluationRegistryAbi } from "../../core/generated/registry-abi.ts";
import { juryboxTypes } from "../../core/eip712.ts";
import { PLEDGE_HASHES, PLEDGE_LANGUAGES } from "../../core/pledge.ts";
import {
  CHAIN_CHECK_IDS,
  CHECK_IDS,
  ROUND_EVENT_NAMES,
} from "../../core/verify/index.ts";
import { PROJECT_ROOT } from "../cli/run-cli.ts";

// docs/VERIFY.md is what an independent verifier is written from, so every
// signature, topic, selector and type hash in it must match the contract.

const doc = readFileSync(join(PROJECT_ROOT, "docs", "VERIFY.md"), "utf8");

/** Returns the table row of docs/VERIFY.md whose first cell is `name`. */
function row(name: string): string {
  const line = doc
    .split("\n")
    .find((l) => l.startsWith(`| ${name} `) || l.startsWith(`| ${name}|`));
  if (line === undefined) throw new Error(`docs/VERIFY.md has no row ${name}`);
  return line;
}

describe("docs/VERIFY.md", () => {
  it.each(ROUND_EVENT_NAMES)("gives %s's signature and topic", (name) => {
    const item = getAbiItem({ abi: evaluationRegistryAbi, name }) as never;
    expect(row(name)).toContain(`\`${formatAbiItem(item)}\``);
    expect(row(name)).toContain(`\`${toEventSelector(item)}\``);
  });

  it.each(["claimSeat", "commitSheet", "recuse", "getRound"])(
    "gives %s's selector",
    (name) => {
      const item = evaluationRegistryAbi.find(
        (entry) => entry.type === "function" && entry.name === name,
      ) as never;
      expect(doc).toContain(`\`${toFunctionSelector(item)}\``);
    },
  );

  it.each(["claimSeat", "commitSheet", "recuse"])(
    "gives %s's signature in the calldata table",
    (name) => {
      const item = evaluationRegistryAbi.find(
        (entry) => entry.type === "function" && entry.name === name,
      ) as never;
      const line = doc
        .split("\n")
        .find((l) => l.includes(`\`${formatAbiItem(item)}\``));
      expect(line).toContain(`\`${toFunctionSelector(item)}\``);
    },
  );

  it.each(Object.keys(juryboxTypes))("gives the %s type hash", (name) => {
    const fields = juryboxTypes[name as keyof typeof juryboxTypes]
      .map((field) => `${field.type} ${field.name}`)
      .join(",");
    const typeString = `${name}(${fields})`;
    expect(row(name)).toContain(`\`${typeString}\``);
    expect(row(name)).toContain(`\`${keccak256(stringToHex(typeString))}\``);
  });

  it("gives the domain type hash", () => {
    const domain =
      "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)";
    expect(doc).toContain(domain);
    expect(doc).toContain(keccak256(stringToHex(domain)));
  });

  it.each([...CHECK_IDS])("describes the %s check", (id) => {
    expect(row(`\`${id}\``)).toMatch(/\|.+\|.+\|/);
  });

  it.each([...CHAIN_CHECK_IDS])("describes the %s comparison", (id) => {
    expect(row(`\`${id}\``)).toMatch(/\|.+\|/);
  });

  it.each([...PLEDGE_LANGUAGES])("gives the %s pledge hash", (language) => {
    expect(row(`\`${language}\``)).toContain(`\`${PLEDGE_HASHES[language]}\``);
  });

  it("gives a seat's topic as its index", () => {
    expect(doc).not.toContain("`0x…0003` for seat 3");
    expect(doc).toContain("`0x…0002` for seat 3 (index 2)");
  });
});
