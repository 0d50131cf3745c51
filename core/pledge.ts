import { keccak256, stringToBytes } from "viem";
import type { Hex } from "viem";

// The pledge an evaluator reads and signs when claiming a seat. The chain
// stores only keccak256 of the UTF-8 text read, so these texts must never
// change in place: a new wording gets a new key in PLEDGE_TEXTS.

export const PLEDGE_LANGUAGES = ["ko", "en"] as const;
export type PledgeLanguage = (typeof PLEDGE_LANGUAGES)[number];

export const PLEDGE_TEXTS: Readonly<Record<PledgeLanguage, string>> = {
  ko: [
    "평가위원 서약서",
    "",
    "1. 본인은 이 평가에 참여하는 어떠한 입찰자와도 이해관계가 없으며, " +
      "이해관계가 있음을 알게 되면 즉시 평가를 회피하겠습니다.",
    "2. 본인은 평가 과정에서 알게 된 점수와 의견, 평가 내용을 결과 공개 " +
      "전에 누구에게도 누설하지 않겠습니다.",
    "3. 본인은 공고된 평가 기준에 따라 양심에 따라 공정하게 평가하겠습니다.",
  ].join("\n"),
  en: [
    "Evaluator pledge",
    "",
    "1. I have no conflict of interest with any bidder in this evaluation, " +
      "and I will recuse myself at once if I learn of one.",
    "2. I will keep the scores, comments and deliberations of this " +
      "evaluation confidential until the result is published.",
    "3. I will score every bidder impartially, by the published criteria " +
      "only.",
  ].join("\n"),
};

/** `keccak256` of a pledge text's UTF-8 bytes, as `claimSeat` records it. */
export function hashPledge(text: string): Hex {
  return keccak256(stringToBytes(text));
}

/** The hash of each published pledge text, by language. */
export const PLEDGE_HASHES: Readonly<Record<PledgeLanguage, Hex>> = {
  ko: hashPledge(PLEDGE_TEXTS.ko),
  en: hashPledge(PLEDGE_TEXTS.en),
};

/** Returns the language of a published pledge hash, or undefined. */
export function pledgeLanguageOf(pledgeHash: Hex): PledgeLanguage | undefined {
  const lower = pledgeHash.toLowerCase();
  return PLEDGE_LANGUAGES.find((language) => PLEDGE_HASHES[language] === lower);
}
