import { hashTypedData, keccak256, stringToHex } from "viem";
import type { Address, Hex } from "viem";
import { computeCommitment, hashComments } from "../commitment.ts";
import type { SheetOpening } from "../commitment.ts";
import { hashReason, juryboxDomain, juryboxTypedData } from "../eip712.ts";
import type { JuryboxMessages, JuryboxPrimaryType } from "../eip712.ts";
import { PLEDGE_HASHES } from "../pledge.ts";
import { vectorSalt } from "./tally-cases.ts";

// Commitment and EIP-712 vectors. Integers are decimal strings.

export const VECTOR_CHAIN_ID = 1337;
export const VECTOR_REGISTRY: Address =
  "0x5FbDB2315678afecb367f032d93F642f64180aa3";

export type CommitmentVector = {
  roundId: string;
  seat: string;
  scores: string[];
  comments: string[];
  salt: Hex;
  commentsHash: Hex;
  commitment: Hex;
};

function sheetOpenings(): SheetOpening[] {
  const eightyScores = Array.from(
    { length: 80 },
    (_, index) => (index * 137) % 10001,
  );
  const tenComments = Array.from({ length: 10 }, (_, bidder) =>
    bidder % 3 === 0 ? "" : `Bidder ${bidder}: clear plan, weak staffing.`,
  );
  return [
    {
      roundId: 1n,
      seat: 0,
      scores: [7250],
      comments: [""],
      salt: vectorSalt("c0"),
    },
    { roundId: 1n, seat: 1, scores: [], comments: [], salt: vectorSalt("c1") },
    {
      roundId: 7n,
      seat: 4,
      scores: [6800, 6500, 7300],
      comments: ["사업 이해도가 높음", "", "일정 관리 계획이 구체적임 ✓"],
      salt: vectorSalt("c2"),
    },
    {
      roundId: 42n,
      seat: 12,
      scores: eightyScores,
      comments: tenComments,
      salt: vectorSalt("c3"),
    },
    {
      roundId: 2n ** 256n - 1n,
      seat: 65535,
      scores: [65535, 0, 1],
      comments: ['quote " backslash \\ newline \n end', "x".repeat(70), ""],
      salt: vectorSalt("c4"),
    },
  ];
}

export function commitmentVectors(): CommitmentVector[] {
  return sheetOpenings().map((opening) => ({
    roundId: opening.roundId.toString(),
    seat: opening.seat.toString(),
    scores: opening.scores.map(String),
    comments: [...opening.comments],
    salt: opening.salt,
    commentsHash: hashComments(opening.comments),
    commitment: computeCommitment(opening),
  }));
}

export type Eip712Item = {
  primaryType: "Claim" | "Pledge" | "Sheet" | "Recusal";
  message: Record<string, string>;
  digest: Hex;
};

export type Eip712Vectors = {
  chainId: number;
  verifyingContract: Address;
  items: Eip712Item[];
};

export function eip712Vectors(): Eip712Vectors {
  const domain = juryboxDomain(VECTOR_CHAIN_ID, VECTOR_REGISTRY);
  const device: Address = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
  const commitment = computeCommitment(sheetOpenings()[2]);
  const reasonHash = hashReason("입찰자와 이해관계가 있어 평가를 회피합니다.");
  const otherHash = keccak256(stringToHex("conflict of interest"));

  function item<T extends JuryboxPrimaryType>(
    primaryType: T,
    message: JuryboxMessages[T],
  ): Eip712Item {
    const typedData = juryboxTypedData(domain, primaryType, message);
    const digest = hashTypedData(
      typedData as Parameters<typeof hashTypedData>[0],
    );
    const texts = Object.entries(message).map(([key, value]) => [
      key,
      String(value),
    ]);
    return { primaryType, message: Object.fromEntries(texts), digest };
  }

  const items: Eip712Item[] = [
    item("Claim", { roundId: 1n, seat: 0, device }),
    item("Claim", {
      roundId: 2n ** 64n,
      seat: 65535,
      device: "0x0000000000000000000000000000000000000001",
    }),
    item("Pledge", { roundId: 1n, seat: 0, pledgeHash: PLEDGE_HASHES.ko }),
    item("Pledge", { roundId: 3n, seat: 6, pledgeHash: PLEDGE_HASHES.en }),
    item("Sheet", { roundId: 7n, seat: 4, commitment }),
    item("Recusal", { roundId: 7n, seat: 2, reasonHash }),
    item("Recusal", { roundId: 8n, seat: 1, reasonHash: otherHash }),
  ];
  return {
    chainId: VECTOR_CHAIN_ID,
    verifyingContract: VECTOR_REGISTRY,
    items,
  };
}
