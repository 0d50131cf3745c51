import {
  concat,
  encodeAbiParameters,
  hashTypedData,
  keccak256,
  recoverTypedDataAddress,
  stringToHex,
} from "viem";
import type { Hex } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";
import { hashReason, juryboxDomain, juryboxTypedData } from "./eip712.ts";
import {
  PLEDGE_HASHES,
  PLEDGE_TEXTS,
  hashPledge,
  pledgeLanguageOf,
} from "./pledge.ts";

const REGISTRY = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const domain = juryboxDomain(1337, REGISTRY);

// The EIP-712 digest built by hand from the type strings of the protocol.
function manualDigest(typeString: string, values: [string, unknown][]): Hex {
  const domainTypeHash = keccak256(
    stringToHex(
      "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)",
    ),
  );
  const domainSeparator = keccak256(
    encodeAbiParameters(
      [
        { type: "bytes32" },
        { type: "bytes32" },
        { type: "bytes32" },
        { type: "uint256" },
        { type: "address" },
      ],
      [
        domainTypeHash,
        keccak256(stringToHex("Jurybox")),
        keccak256(stringToHex("1")),
        1337n,
        REGISTRY,
      ],
    ),
  );
  const structHash = keccak256(
    encodeAbiParameters(
      [{ type: "bytes32" }, ...values.map(([type]) => ({ type }))],
      [keccak256(stringToHex(typeString)), ...values.map(([, value]) => value)],
    ),
  );
  return keccak256(concat(["0x1901", domainSeparator, structHash]));
}

const commitment = keccak256(stringToHex("a commitment"));
const device = privateKeyToAccount(generatePrivateKey()).address;

describe("typed data", () => {
  it.each([
    [
      "Claim",
      juryboxTypedData(domain, "Claim", { roundId: 3n, seat: 2, device }),
      "Claim(uint256 roundId,uint16 seat,address device)",
      [
        ["uint256", 3n],
        ["uint16", 2],
        ["address", device],
      ],
    ],
    [
      "Pledge",
      juryboxTypedData(domain, "Pledge", {
        roundId: 3n,
        seat: 2,
        pledgeHash: PLEDGE_HASHES.ko,
      }),
      "Pledge(uint256 roundId,uint16 seat,bytes32 pledgeHash)",
      [
        ["uint256", 3n],
        ["uint16", 2],
        ["bytes32", PLEDGE_HASHES.ko],
      ],
    ],
    [
      "Sheet",
      juryboxTypedData(domain, "Sheet", {
        roundId: 9n,
        seat: 65535,
        commitment,
      }),
      "Sheet(uint256 roundId,uint16 seat,bytes32 commitment)",
      [
        ["uint256", 9n],
        ["uint16", 65535],
        ["bytes32", commitment],
      ],
    ],
    [
      "Recusal",
      juryboxTypedData(domain, "Recusal", {
        roundId: 1n,
        seat: 0,
        reasonHash: hashReason("이해관계"),
      }),
      "Recusal(uint256 roundId,uint16 seat,bytes32 reasonHash)",
      [
        ["uint256", 1n],
        ["uint16", 0],
        ["bytes32", keccak256(stringToHex("이해관계"))],
      ],
    ],
  ] as const)(
    "%s digest matches the hand-built one",
    (_, typedData, typeString, values) => {
      expect(hashTypedData(typedData)).toBe(
        manualDigest(typeString, values as unknown as [string, unknown][]),
      );
    },
  );

  it("recovers the signer of a Sheet", async () => {
    const account = privateKeyToAccount(generatePrivateKey());
    const typedData = juryboxTypedData(domain, "Sheet", {
      roundId: 1n,
      seat: 4,
      commitment,
    });
    const signature = await account.signTypedData(typedData);
    expect(await recoverTypedDataAddress({ ...typedData, signature })).toBe(
      account.address,
    );
  });

  it("changes the digest with the chain and the registry", () => {
    const message = { roundId: 1n, seat: 4, commitment };
    const digest = hashTypedData(juryboxTypedData(domain, "Sheet", message));
    const otherChain = juryboxDomain(1, REGISTRY);
    const otherRegistry = juryboxDomain(1337, device);
    expect(
      hashTypedData(juryboxTypedData(otherChain, "Sheet", message)),
    ).not.toBe(digest);
    expect(
      hashTypedData(juryboxTypedData(otherRegistry, "Sheet", message)),
    ).not.toBe(digest);
  });
});

describe("pledge", () => {
  it("hashes the UTF-8 text", () => {
    expect(PLEDGE_HASHES.ko).toBe(
      keccak256(new TextEncoder().encode(PLEDGE_TEXTS.ko)),
    );
    expect(hashPledge(PLEDGE_TEXTS.en)).toBe(PLEDGE_HASHES.en);
  });

  it("covers conflicts, confidentiality and impartiality", () => {
    expect(PLEDGE_TEXTS.en).toMatch(/no conflict of interest/);
    expect(PLEDGE_TEXTS.en).toMatch(/confidential/);
    expect(PLEDGE_TEXTS.en).toMatch(/impartially/);
    expect(PLEDGE_TEXTS.ko).toMatch(/이해관계/);
    expect(PLEDGE_TEXTS.ko).toMatch(/누설하지 않겠습니다/);
    expect(PLEDGE_TEXTS.ko).toMatch(/공정하게/);
  });

  it("finds the language of a hash", () => {
    expect(pledgeLanguageOf(PLEDGE_HASHES.ko)).toBe("ko");
    expect(
      pledgeLanguageOf(
        PLEDGE_HASHES.en.toUpperCase().replace("0X", "0x") as Hex,
      ),
    ).toBe("en");
    expect(pledgeLanguageOf(commitment)).toBeUndefined();
  });
});
