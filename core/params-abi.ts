import type { AbiParameter } from "viem";

// ABI shapes of the structs in contracts/RoundTypes.sol, for encoding
// `createRound` arguments and decoding events without the compiled ABI.

export const rulesAbiParameter = {
  name: "rules",
  type: "tuple",
  components: [
    { name: "version", type: "string" },
    { name: "trim", type: "uint8" },
    { name: "technicalScoring", type: "uint8" },
    { name: "priceFormula", type: "uint8" },
    { name: "qualifyingPercent", type: "uint8" },
    { name: "minEvaluators", type: "uint16" },
    { name: "technicalWeight", type: "uint32" },
    { name: "priceWeight", type: "uint32" },
    { name: "estimatedPrice", type: "uint128" },
    { name: "tieBreak", type: "uint8[]" },
  ],
} as const satisfies AbiParameter;

export const roundParamsAbiParameter = {
  name: "params",
  type: "tuple",
  components: [
    { name: "title", type: "string" },
    { name: "referenceNumber", type: "string" },
    rulesAbiParameter,
    {
      name: "criteria",
      type: "tuple[]",
      components: [
        { name: "name", type: "string" },
        { name: "maxPoints", type: "uint16" },
        { name: "quantitative", type: "bool" },
      ],
    },
    {
      name: "bidders",
      type: "tuple[]",
      components: [
        { name: "name", type: "string" },
        { name: "bidPrice", type: "uint128" },
        { name: "priceScore", type: "uint32" },
        { name: "quantitativeScores", type: "uint16[]" },
      ],
    },
    { name: "invites", type: "address[]" },
    { name: "scoringDeadline", type: "uint64" },
    { name: "revealDeadline", type: "uint64" },
    { name: "escrowPublicKey", type: "bytes" },
  ],
} as const satisfies AbiParameter;

export const bidderResultAbiParameter = {
  name: "results",
  type: "tuple[]",
  components: [
    { name: "technical", type: "uint64" },
    { name: "price", type: "uint64" },
    { name: "total", type: "uint64" },
    { name: "qualified", type: "bool" },
    { name: "rankByTotal", type: "uint16" },
    { name: "negotiationOrder", type: "uint16" },
  ],
} as const satisfies AbiParameter;
