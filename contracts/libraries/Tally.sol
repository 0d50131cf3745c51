// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {
    BidderResult,
    TallyInput,
    TRIM_HIGH_LOW_TOTAL,
    TRIM_HIGH_LOW_CRITERION,
    TRIM_NONE,
    SCORING_ABSOLUTE,
    SCORING_RELATIVE_TO_BEST,
    PRICE_LOWEST_OVER_BID,
    PRICE_GIVEN,
    TIE_TECHNICAL,
    TIE_LARGEST_CRITERION,
    TIE_LOTTERY
} from "../RoundTypes.sol";

/// @title Tally
/// @notice Computes a round's published result from its revealed sheets with the rules of docs/PROTOCOL.md, "Tally".
/// @dev All arithmetic is on integers. Each published component (technical, price) is an exact rational that is
/// rounded half-up to ten-thousandths once, and the total is the sum of the two rounded components.
library Tally {
    /// @notice Thrown when the input holds no sheet.
    error TallyNoSheets();

    /// @notice Thrown when a trimming rule is applied to fewer than 3 sheets.
    /// @param sheets The number of sheets given.
    error TallyTooFewSheetsToTrim(uint256 sheets);

    /// @notice Thrown when `trim` is not one of the trim values (0, 1, 2).
    /// @param trim The value given.
    error TallyInvalidTrim(uint8 trim);

    /// @notice Thrown when `technicalScoring` is not one of the technical scoring values (0, 1).
    /// @param technicalScoring The value given.
    error TallyInvalidTechnicalScoring(uint8 technicalScoring);

    /// @notice Thrown when `priceFormula` is not one of the price formula values (0, 1, 2).
    /// @param priceFormula The value given.
    error TallyInvalidPriceFormula(uint8 priceFormula);

    /// @notice Thrown when a tie-break step is not one of the step values (0, 1, 2).
    /// @param index The position of the step in `tieBreak`.
    /// @param step The value given.
    error TallyInvalidTieBreakStep(uint256 index, uint8 step);

    /// @notice Thrown when `maxPoints` and `quantitative` differ in length.
    /// @param maxPoints The length of `maxPoints`.
    /// @param quantitative The length of `quantitative`.
    error TallyCriteriaLengthMismatch(uint256 maxPoints, uint256 quantitative);

    /// @notice Thrown when the per-bidder arrays differ in length.
    /// @param bidPrices The length of `bidPrices`, which sets the bidder count.
    /// @param givenPriceScores The length of `givenPriceScores`.
    /// @param quantitativeScores The length of `quantitativeScores`.
    error TallyBidderLengthMismatch(uint256 bidPrices, uint256 givenPriceScores, uint256 quantitativeScores);

    /// @notice Thrown when there are more bidders than a `uint16` rank can number.
    /// @param bidders The bidder count.
    error TallyTooManyBidders(uint256 bidders);

    /// @notice Thrown when a bidder's quantitative scores do not match the quantitative criteria one to one.
    /// @param bidder The bidder index.
    /// @param count The number of quantitative scores given.
    /// @param expected The number of quantitative criteria.
    error TallyQuantitativeScoreCountMismatch(uint256 bidder, uint256 count, uint256 expected);

    /// @notice Thrown when a sheet does not hold one score per bidder and qualitative criterion.
    /// @param sheet The sheet index.
    /// @param length The sheet's length.
    /// @param expected The bidder count times the qualitative criterion count.
    error TallySheetLengthMismatch(uint256 sheet, uint256 length, uint256 expected);

    /// @notice Thrown when a price formula that divides by bid prices meets a zero bid price.
    /// @param bidder The bidder index.
    error TallyZeroBidPrice(uint256 bidder);

    /// @notice Thrown when the kr-negotiated formula has no estimated price.
    error TallyZeroEstimatedPrice();

    /// @dev Sizes derived from the input, kept together to keep the stack small.
    struct Shape {
        uint256 bidders;
        uint256 qualitative;
        uint256 sheets;
        uint256 divisor;
    }

    /// @dev Everything the ranking comparator reads.
    struct RankKeys {
        uint8[] steps;
        BidderResult[] results;
        uint256[] criterion;
        bytes32[] lottery;
    }

    /// @dev Two points in ten-thousandths: the largest bonus of the kr-negotiated formula below 0.8 E.
    uint256 private constant KR_BONUS = 20_000;

    /// @notice Computes every bidder's technical, price and total score, qualification, rank and negotiation order.
    /// @param input The round's rules, bidders and revealed sheets.
    /// @return results One result per bidder, in presentation order.
    function compute(TallyInput memory input) public pure returns (BidderResult[] memory results) {
        Shape memory shape = _validate(input);
        uint256[] memory raw = _rawTechnical(input, shape);

        results = new BidderResult[](shape.bidders);
        _setTechnical(input, raw, shape.divisor, results);
        _setPrice(input, results);
        _setQualified(input, results);
        _rank(input, shape, results);
    }

    function _validate(TallyInput memory input) private pure returns (Shape memory shape) {
        _validateRules(input);

        uint256 criteria = input.maxPoints.length;
        if (input.quantitative.length != criteria) {
            revert TallyCriteriaLengthMismatch(criteria, input.quantitative.length);
        }
        uint256 quantitativeCount = _countTrue(input.quantitative);
        shape.qualitative = criteria - quantitativeCount;

        shape.bidders = input.bidPrices.length;
        if (input.givenPriceScores.length != shape.bidders || input.quantitativeScores.length != shape.bidders) {
            revert TallyBidderLengthMismatch(
                shape.bidders, input.givenPriceScores.length, input.quantitativeScores.length
            );
        }
        if (shape.bidders > type(uint16).max) revert TallyTooManyBidders(shape.bidders);
        for (uint256 b; b < shape.bidders; ++b) {
            uint256 count = input.quantitativeScores[b].length;
            if (count != quantitativeCount) revert TallyQuantitativeScoreCountMismatch(b, count, quantitativeCount);
        }

        shape.sheets = input.sheets.length;
        _validateSheets(input.sheets, shape.bidders * shape.qualitative);
        if (input.trim == TRIM_NONE) {
            shape.divisor = shape.sheets;
        } else {
            if (shape.sheets < 3) revert TallyTooFewSheetsToTrim(shape.sheets);
            shape.divisor = shape.sheets - 2;
        }
    }

    function _validateRules(TallyInput memory input) private pure {
        if (input.trim > TRIM_NONE) revert TallyInvalidTrim(input.trim);
        if (input.technicalScoring > SCORING_RELATIVE_TO_BEST) {
            revert TallyInvalidTechnicalScoring(input.technicalScoring);
        }
        if (input.priceFormula > PRICE_GIVEN) revert TallyInvalidPriceFormula(input.priceFormula);
        for (uint256 i; i < input.tieBreak.length; ++i) {
            if (input.tieBreak[i] > TIE_LOTTERY) revert TallyInvalidTieBreakStep(i, input.tieBreak[i]);
        }
    }

    function _validateSheets(uint16[][] memory sheets, uint256 expected) private pure {
        if (sheets.length == 0) revert TallyNoSheets();
        for (uint256 s; s < sheets.length; ++s) {
            if (sheets[s].length != expected) revert TallySheetLengthMismatch(s, sheets[s].length, expected);
        }
    }

    /// @dev Returns R[b] × divisor for each bidder, an integer in hundredths × divisor, so that every bidder's raw
    /// technical score shares one denominator.
    function _rawTechnical(TallyInput memory input, Shape memory shape) private pure returns (uint256[] memory raw) {
        raw = new uint256[](shape.bidders);
        for (uint256 b; b < shape.bidders; ++b) {
            uint256 trimmed = input.trim == TRIM_HIGH_LOW_CRITERION
                ? _trimPerCriterion(input.sheets, b, shape.qualitative)
                : _trimSeatTotals(input.sheets, b, shape.qualitative, input.trim == TRIM_HIGH_LOW_TOTAL);
            raw[b] = trimmed + _sum(input.quantitativeScores[b]) * shape.divisor;
        }
    }

    /// @dev Sums the seat totals for bidder `b`, less one highest and one lowest total when `dropExtremes` is set.
    function _trimSeatTotals(
        uint16[][] memory sheets,
        uint256 b,
        uint256 qualitative,
        bool dropExtremes
    ) private pure returns (uint256) {
        uint256 sum;
        uint256 high;
        uint256 low = type(uint256).max;
        uint256 first = b * qualitative;
        // Sums of uint16 values over arrays that fit in memory stay far below 2^256.
        unchecked {
            for (uint256 s; s < sheets.length; ++s) {
                uint16[] memory sheet = sheets[s];
                uint256 seatTotal;
                for (uint256 q; q < qualitative; ++q) {
                    seatTotal += sheet[first + q];
                }
                sum += seatTotal;
                if (seatTotal > high) high = seatTotal;
                if (seatTotal < low) low = seatTotal;
            }
        }
        // With at least 3 sheets the highest and the lowest are two different terms of `sum`.
        return dropExtremes ? sum - high - low : sum;
    }

    /// @dev Sums, over the qualitative criteria, each criterion's seat scores less one highest and one lowest.
    function _trimPerCriterion(
        uint16[][] memory sheets,
        uint256 b,
        uint256 qualitative
    ) private pure returns (uint256 total) {
        uint256 first = b * qualitative;
        for (uint256 q; q < qualitative; ++q) {
            uint256 sum;
            uint256 high;
            uint256 low = type(uint256).max;
            // Sums of uint16 values over arrays that fit in memory stay far below 2^256.
            unchecked {
                for (uint256 s; s < sheets.length; ++s) {
                    uint256 score = sheets[s][first + q];
                    sum += score;
                    if (score > high) high = score;
                    if (score < low) low = score;
                }
            }
            total += sum - high - low;
        }
    }

    function _setTechnical(
        TallyInput memory input,
        uint256[] memory raw,
        uint256 divisor,
        BidderResult[] memory results
    ) private pure {
        if (input.technicalScoring == SCORING_ABSOLUTE) {
            for (uint256 b; b < raw.length; ++b) {
                // Hundredths × 100 = ten-thousandths. The value fits in 64 bits: it is at most the sum of uint16
                // maxima of a memory-sized array, times 100.
                results[b].technical = uint64(_roundHalfUp(raw[b] * 100, divisor));
            }
            return;
        }
        uint256 best = _max(raw);
        if (best == 0) return;
        uint256 weight = uint256(input.technicalWeight) * 100;
        for (uint256 b; b < raw.length; ++b) {
            // R[b] / best ≤ 1, so the value is at most the uint32 weight × 100.
            results[b].technical = uint64(_roundHalfUp(weight * raw[b], best));
        }
    }

    function _setPrice(TallyInput memory input, BidderResult[] memory results) private pure {
        uint256 bidders = results.length;
        if (input.priceFormula == PRICE_GIVEN) {
            for (uint256 b; b < bidders; ++b) {
                results[b].price = input.givenPriceScores[b];
                results[b].total = results[b].technical + results[b].price;
            }
            return;
        }
        uint256 lowest = _lowestBid(input.bidPrices);
        for (uint256 b; b < bidders; ++b) {
            results[b].price = input.priceFormula == PRICE_LOWEST_OVER_BID
                ? uint64(_roundHalfUp(uint256(input.priceWeight) * 100 * lowest, input.bidPrices[b]))
                : _krNegotiatedPrice(input, lowest, input.bidPrices[b]);
            // Both components are below 2^63 (see _setTechnical and _krNegotiatedPrice), so the sum fits.
            results[b].total = results[b].technical + results[b].price;
        }
    }

    /// @dev Prices are scaled by 5 so that 0.6 E, 0.8 E and 0.2 E are the integers 3E, 4E and E.
    function _krNegotiatedPrice(TallyInput memory input, uint256 lowest, uint256 bid) private pure returns (uint64) {
        uint256 estimate = input.estimatedPrice;
        if (estimate == 0) revert TallyZeroEstimatedPrice();
        uint256 floor = 3 * estimate;
        uint256 threshold = 4 * estimate;
        uint256 scaledLowest = _atLeast(5 * lowest, floor);
        uint256 scaledBid = _atLeast(5 * bid, floor);
        uint256 weight = uint256(input.priceWeight) * 100;

        // The value is at most the uint32 weight × 100 plus KR_BONUS, so it fits in 64 bits.
        if (scaledBid >= threshold) return uint64(_roundHalfUp(weight * scaledLowest, scaledBid));
        // W × Pmin' / (0.8E) + 2 × (0.8E − P') / (0.2E), over the common denominator 4E.
        return uint64(_roundHalfUp(weight * scaledLowest + 4 * KR_BONUS * (threshold - scaledBid), threshold));
    }

    function _setQualified(TallyInput memory input, BidderResult[] memory results) private pure {
        // qualifyingPercent % of a weight in hundredths is, in ten-thousandths, percent × weight.
        uint256 threshold = uint256(input.qualifyingPercent) * input.technicalWeight;
        for (uint256 b; b < results.length; ++b) {
            results[b].qualified = input.qualifyingPercent == 0 || results[b].technical >= threshold;
        }
    }

    function _rank(TallyInput memory input, Shape memory shape, BidderResult[] memory results) private pure {
        RankKeys memory keys;
        keys.steps = input.tieBreak;
        keys.results = results;
        if (_contains(input.tieBreak, TIE_LARGEST_CRITERION)) keys.criterion = _largestCriterionKeys(input, shape);
        if (_contains(input.tieBreak, TIE_LOTTERY)) keys.lottery = _lotteryKeys(input.lotterySeed, shape.bidders);

        uint256[] memory order = _sort(keys);
        uint16 negotiation;
        for (uint256 i; i < order.length; ++i) {
            BidderResult memory result = results[order[i]];
            // At most type(uint16).max bidders, checked in _validate.
            result.rankByTotal = uint16(i + 1);
            if (result.qualified) result.negotiationOrder = ++negotiation;
        }
    }

    /// @dev Sorts the bidder indices by insertion. `_ranksBefore` is a strict total order, so the order is unique.
    function _sort(RankKeys memory keys) private pure returns (uint256[] memory order) {
        uint256 count = keys.results.length;
        order = new uint256[](count);
        for (uint256 i; i < count; ++i) {
            order[i] = i;
        }
        for (uint256 i = 1; i < count; ++i) {
            uint256 current = order[i];
            uint256 j = i;
            while (j > 0 && _ranksBefore(keys, current, order[j - 1])) {
                order[j] = order[j - 1];
                --j;
            }
            order[j] = current;
        }
    }

    /// @dev Returns true when bidder `a` ranks before bidder `b`.
    function _ranksBefore(RankKeys memory keys, uint256 a, uint256 b) private pure returns (bool) {
        BidderResult memory first = keys.results[a];
        BidderResult memory second = keys.results[b];
        if (first.total != second.total) return first.total > second.total;
        for (uint256 i; i < keys.steps.length; ++i) {
            uint8 step = keys.steps[i];
            if (step == TIE_TECHNICAL && first.technical != second.technical) {
                return first.technical > second.technical;
            }
            if (step == TIE_LARGEST_CRITERION && keys.criterion[a] != keys.criterion[b]) {
                return keys.criterion[a] > keys.criterion[b];
            }
            if (step == TIE_LOTTERY && keys.lottery[a] != keys.lottery[b]) {
                return keys.lottery[a] < keys.lottery[b];
            }
        }
        return a < b;
    }

    /// @dev Returns, per bidder, a value that orders bidders as their mean score on the first criterion with the
    /// largest maximum: the sum over sheets for a qualitative criterion (every bidder shares the sheet count), the
    /// given score for a quantitative one.
    function _largestCriterionKeys(
        TallyInput memory input,
        Shape memory shape
    ) private pure returns (uint256[] memory keys) {
        keys = new uint256[](shape.bidders);
        uint256 heaviest = _firstMaxIndex(input.maxPoints);
        if (heaviest == type(uint256).max) return keys;

        uint256 position = _countTrueBefore(input.quantitative, heaviest, input.quantitative[heaviest]);
        for (uint256 b; b < shape.bidders; ++b) {
            if (input.quantitative[heaviest]) {
                keys[b] = input.quantitativeScores[b][position];
                continue;
            }
            for (uint256 s; s < shape.sheets; ++s) {
                keys[b] += input.sheets[s][b * shape.qualitative + position];
            }
        }
    }

    function _lotteryKeys(bytes32 seed, uint256 bidders) private pure returns (bytes32[] memory keys) {
        keys = new bytes32[](bidders);
        for (uint256 b; b < bidders; ++b) {
            keys[b] = keccak256(abi.encode(seed, b));
        }
    }

    /// @dev Rounds numerator / denominator half-up. Both are non-negative.
    function _roundHalfUp(uint256 numerator, uint256 denominator) private pure returns (uint256) {
        return (2 * numerator + denominator) / (2 * denominator);
    }

    function _lowestBid(uint128[] memory bids) private pure returns (uint256 lowest) {
        lowest = type(uint256).max;
        for (uint256 b; b < bids.length; ++b) {
            if (bids[b] == 0) revert TallyZeroBidPrice(b);
            if (bids[b] < lowest) lowest = bids[b];
        }
    }

    /// @dev Returns the index of the first largest value, or type(uint256).max for an empty array.
    function _firstMaxIndex(uint16[] memory values) private pure returns (uint256 index) {
        index = type(uint256).max;
        uint256 largest;
        for (uint256 i; i < values.length; ++i) {
            if (index == type(uint256).max || values[i] > largest) {
                index = i;
                largest = values[i];
            }
        }
    }

    /// @dev Counts the entries before `end` whose flag equals `flag`.
    function _countTrueBefore(bool[] memory flags, uint256 end, bool flag) private pure returns (uint256 count) {
        for (uint256 i; i < end; ++i) {
            if (flags[i] == flag) ++count;
        }
    }

    function _countTrue(bool[] memory flags) private pure returns (uint256) {
        return _countTrueBefore(flags, flags.length, true);
    }

    function _contains(uint8[] memory steps, uint8 step) private pure returns (bool) {
        for (uint256 i; i < steps.length; ++i) {
            if (steps[i] == step) return true;
        }
        return false;
    }

    function _sum(uint16[] memory values) private pure returns (uint256 total) {
        for (uint256 i; i < values.length; ++i) {
            total += values[i];
        }
    }

    function _max(uint256[] memory values) private pure returns (uint256 largest) {
        for (uint256 i; i < values.length; ++i) {
            if (values[i] > largest) largest = values[i];
        }
    }

    function _atLeast(uint256 value, uint256 minimum) private pure returns (uint256) {
        return value < minimum ? minimum : value;
    }
}
