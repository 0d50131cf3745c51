// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

// Shared by the registry, the tally library and their tests. Units and
// enumerations are listed in docs/PROTOCOL.md.

/// @notice How a round is scored and ranked.
struct Rules {
    string version;
    uint8 trim;
    uint8 technicalScoring;
    uint8 priceFormula;
    uint8 qualifyingPercent;
    uint16 minEvaluators;
    uint32 technicalWeight;
    uint32 priceWeight;
    uint128 estimatedPrice;
    uint8[] tieBreak;
}

/// @notice One evaluation criterion; `maxPoints` is in hundredths of a point.
struct Criterion {
    string name;
    uint16 maxPoints;
    bool quantitative;
}

/// @notice One bidder in presentation order.
struct Bidder {
    string name;
    uint128 bidPrice;
    uint32 priceScore;
    uint16[] quantitativeScores;
}

/// @notice Everything `createRound` needs, in one transaction.
struct RoundParams {
    string title;
    string referenceNumber;
    Rules rules;
    Criterion[] criteria;
    Bidder[] bidders;
    address[] invites;
    uint64 scoringDeadline;
    uint64 revealDeadline;
    bytes escrowPublicKey;
}

/// @notice One bidder's published result; scores are in ten-thousandths.
struct BidderResult {
    uint64 technical;
    uint64 price;
    uint64 total;
    bool qualified;
    uint16 rankByTotal;
    uint16 negotiationOrder;
}

/// @notice Everything the tally reads, in the units of `RoundParams`. `sheets` holds one sheet per revealed seat in
/// seat order, each flat and bidder-major over the qualitative criteria: `sheets[s][b * Q + q]`, in hundredths.
struct TallyInput {
    uint8 trim;
    uint8 technicalScoring;
    uint8 priceFormula;
    uint8 qualifyingPercent;
    uint32 technicalWeight;
    uint32 priceWeight;
    uint128 estimatedPrice;
    uint8[] tieBreak;
    uint16[] maxPoints;
    bool[] quantitative;
    uint128[] bidPrices;
    uint32[] givenPriceScores;
    uint16[][] quantitativeScores;
    uint16[][] sheets;
    bytes32 lotterySeed;
}

uint8 constant TRIM_HIGH_LOW_TOTAL = 0;
uint8 constant TRIM_HIGH_LOW_CRITERION = 1;
uint8 constant TRIM_NONE = 2;

uint8 constant SCORING_ABSOLUTE = 0;
uint8 constant SCORING_RELATIVE_TO_BEST = 1;

uint8 constant PRICE_LOWEST_OVER_BID = 0;
uint8 constant PRICE_KR_NEGOTIATED = 1;
uint8 constant PRICE_GIVEN = 2;

uint8 constant TIE_TECHNICAL = 0;
uint8 constant TIE_LARGEST_CRITERION = 1;
uint8 constant TIE_LOTTERY = 2;
