import { parseAbi } from "viem";

// TODO: re-export core/generated/registry-abi.ts once it is generated; this
// hand-written ABI follows the signatures in docs/PROTOCOL.md and lacks the
// registry's custom errors, so reverts show only their selector.
export const registryAbi = parseAbi([
  "struct Rules { string version; uint8 trim; uint8 technicalScoring; uint8 priceFormula; uint8 qualifyingPercent; uint16 minEvaluators; uint32 technicalWeight; uint32 priceWeight; uint128 estimatedPrice; uint8[] tieBreak; }",
  "struct Criterion { string name; uint16 maxPoints; bool quantitative; }",
  "struct Bidder { string name; uint128 bidPrice; uint32 priceScore; uint16[] quantitativeScores; }",
  "struct RoundParams { string title; string referenceNumber; Rules rules; Criterion[] criteria; Bidder[] bidders; address[] invites; uint64 scoringDeadline; uint64 revealDeadline; bytes escrowPublicKey; }",
  "struct BidderResult { uint64 technical; uint64 price; uint64 total; bool qualified; uint16 rankByTotal; uint16 negotiationOrder; }",
  "function createRound(RoundParams params) returns (uint256 roundId)",
  "function claimSeat(uint256 roundId, uint16 seat, address device, bytes32 pledgeHash, bytes inviteSig, bytes pledgeSig)",
  "function reissueSeat(uint256 roundId, uint16 seat, address newInvite)",
  "function recuse(uint256 roundId, uint16 seat, string reason, bytes deviceSig)",
  "function commitSheet(uint256 roundId, uint16 seat, bytes32 commitment, bytes sheetSig, bytes escrow)",
  "function closeScoring(uint256 roundId)",
  "function revealSheet(uint256 roundId, uint16 seat, uint16[] scores, string[] comments, bytes32 salt)",
  "function finalize(uint256 roundId)",
  "function cancelRound(uint256 roundId, string reason)",
  "event RoundCreated(uint256 indexed roundId, address indexed admin, RoundParams params, string tallyVersion)",
  "event SeatClaimed(uint256 indexed roundId, uint16 indexed seat, address device, bytes32 pledgeHash)",
  "event SeatReissued(uint256 indexed roundId, uint16 indexed seat, address invite)",
  "event SeatRecused(uint256 indexed roundId, uint16 indexed seat, string reason)",
  "event SheetCommitted(uint256 indexed roundId, uint16 indexed seat, bytes32 commitment, bytes escrow)",
  "event ScoringClosed(uint256 indexed roundId, uint16 committed, uint16 absent, bool automatic)",
  "event SheetRevealed(uint256 indexed roundId, uint16 indexed seat, uint16[] scores, string[] comments, bytes32 salt)",
  "event RoundFinalized(uint256 indexed roundId, bytes32 lotterySeed, uint16 revealedSeats, BidderResult[] results)",
  "event RoundCancelled(uint256 indexed roundId, string reason)",
]);
