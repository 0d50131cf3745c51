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
    PRICE_KR_NEGOTIATED,
    PRICE_GIVEN
} from "../../contracts/RoundTypes.sol";
import {TallyTest} from "./utils/TallyTest.sol";

/// @notice Properties that hold for every valid input, checked on inputs drawn from a fuzzed seed.
contract TallyFuzzTest is TallyTest {
    /// @dev A counter-mode stream of pseudo-random words drawn from one seed.
    struct Stream {
        bytes32 seed;
        uint256 counter;
    }

    function _next(Stream memory stream, uint256 modulus) internal pure returns (uint256) {
        stream.counter += 1;
        return uint256(keccak256(abi.encode(stream.seed, stream.counter))) % modulus;
    }

    /// @dev Draws a valid input: scores within their maxima, maxima summing to the technical weight.
    function _draw(bytes32 seed, uint8 trim, uint8 scoring, uint8 formula) internal pure returns (TallyInput memory) {
        Stream memory stream = Stream(seed, 0);
        TallyInput memory input = _baseInput(1 + _next(stream, 12), 100);
        input.trim = trim % 3;
        input.technicalScoring = scoring % 2;
        input.priceFormula = formula % 3;
        input.qualifyingPercent = uint8(_next(stream, 101));
        input.priceWeight = uint32(_next(stream, 5001));
        input.lotterySeed = seed;
        input.tieBreak = _drawTieBreak(stream);
        _drawCriteria(stream, input);
        _drawPrices(stream, input);
        _drawSheets(stream, input, (input.trim == TRIM_NONE ? 1 : 3) + _next(stream, 7));
        return input;
    }

    function _drawTieBreak(Stream memory stream) internal pure returns (uint8[] memory steps) {
        uint256 count = _next(stream, 4);
        uint8 first = uint8(_next(stream, 3));
        steps = new uint8[](count);
        for (uint256 i; i < count; ++i) {
            steps[i] = uint8((first + i) % 3);
        }
    }

    function _drawCriteria(Stream memory stream, TallyInput memory input) internal pure {
        uint256 count = 1 + _next(stream, 6);
        input.maxPoints = new uint16[](count);
        input.quantitative = new bool[](count);
        uint256 weight;
        for (uint256 c; c < count; ++c) {
            input.maxPoints[c] = uint16(1 + _next(stream, 3000));
            // Criterion 0 stays qualitative, as a registry round always has one.
            input.quantitative[c] = c > 0 && _next(stream, 3) == 0;
            weight += input.maxPoints[c];
        }
        input.technicalWeight = uint32(weight);

        uint256 bidders = input.bidPrices.length;
        for (uint256 b; b < bidders; ++b) {
            input.quantitativeScores[b] = new uint16[](_countQuantitative(input));
            uint256 k;
            for (uint256 c; c < count; ++c) {
                if (!input.quantitative[c]) continue;
                input.quantitativeScores[b][k++] = uint16(_next(stream, input.maxPoints[c] + 1));
            }
        }
    }

    function _drawPrices(Stream memory stream, TallyInput memory input) internal pure {
        if (input.priceFormula == PRICE_KR_NEGOTIATED) input.estimatedPrice = uint128(1 + _next(stream, 1e12));
        for (uint256 b; b < input.bidPrices.length; ++b) {
            if (input.priceFormula == PRICE_GIVEN) {
                input.givenPriceScores[b] = uint32(_next(stream, uint256(input.priceWeight) * 100 + 1));
            } else {
                input.bidPrices[b] = uint128(1 + _next(stream, 1e12));
            }
        }
    }

    function _drawSheets(Stream memory stream, TallyInput memory input, uint256 count) internal pure {
        uint16[] memory maxima = _qualitativeMaxima(input);
        uint256 bidders = input.bidPrices.length;
        input.sheets = new uint16[][](count);
        for (uint256 s; s < count; ++s) {
            input.sheets[s] = new uint16[](bidders * maxima.length);
            for (uint256 i; i < input.sheets[s].length; ++i) {
                input.sheets[s][i] = uint16(_next(stream, maxima[i % maxima.length] + 1));
            }
        }
    }

    function _qualitativeMaxima(TallyInput memory input) internal pure returns (uint16[] memory maxima) {
        maxima = new uint16[](input.maxPoints.length - _countQuantitative(input));
        uint256 q;
        for (uint256 c; c < input.maxPoints.length; ++c) {
            if (!input.quantitative[c]) maxima[q++] = input.maxPoints[c];
        }
    }

    function _countQuantitative(TallyInput memory input) internal pure returns (uint256 count) {
        for (uint256 c; c < input.quantitative.length; ++c) {
            if (input.quantitative[c]) ++count;
        }
    }

    function testFuzz_compute_ranksArePermutation(bytes32 seed, uint8 trim, uint8 scoring, uint8 formula) public view {
        BidderResult[] memory results = harness.compute(_draw(seed, trim, scoring, formula));

        bool[] memory seen = new bool[](results.length + 1);
        for (uint256 b; b < results.length; ++b) {
            uint256 rank = results[b].rankByTotal;
            _assertTrue(rank >= 1 && rank <= results.length, "rank in 1..bidders");
            _assertFalse(seen[rank], "rank used once");
            seen[rank] = true;
        }
    }

    function testFuzz_compute_ranksFollowTotals(bytes32 seed, uint8 trim, uint8 scoring, uint8 formula) public view {
        BidderResult[] memory results = harness.compute(_draw(seed, trim, scoring, formula));

        for (uint256 a; a < results.length; ++a) {
            _assertEq(results[a].total, uint256(results[a].technical) + results[a].price, "total = technical + price");
            for (uint256 b; b < results.length; ++b) {
                if (results[a].total > results[b].total) {
                    _assertTrue(results[a].rankByTotal < results[b].rankByTotal, "higher total ranks first");
                }
            }
        }
    }

    function testFuzz_compute_negotiationOrderCountsQualified(
        bytes32 seed,
        uint8 trim,
        uint8 scoring,
        uint8 formula
    ) public view {
        TallyInput memory input = _draw(seed, trim, scoring, formula);
        BidderResult[] memory results = harness.compute(input);

        uint256 qualified;
        uint256 threshold = uint256(input.qualifyingPercent) * input.technicalWeight;
        for (uint256 b; b < results.length; ++b) {
            bool expected = input.qualifyingPercent == 0 || results[b].technical >= threshold;
            _assertEq(results[b].qualified ? 1 : 0, expected ? 1 : 0, "qualified on the rounded technical");
            if (results[b].qualified) ++qualified;
        }
        for (uint256 a; a < results.length; ++a) {
            uint256 order = results[a].negotiationOrder;
            _assertEq(order == 0 ? 0 : 1, results[a].qualified ? 1 : 0, "order only for qualified bidders");
            _assertTrue(order <= qualified, "order within the qualified count");
            for (uint256 b; b < results.length; ++b) {
                if (order == 0 || results[b].negotiationOrder == 0 || a == b) continue;
                bool rankedFirst = results[a].rankByTotal < results[b].rankByTotal;
                _assertEq(rankedFirst ? 1 : 0, order < results[b].negotiationOrder ? 1 : 0, "order follows rank");
            }
        }
    }

    function testFuzz_compute_technicalWithinWeight(
        bytes32 seed,
        uint8 trim,
        uint8 scoring,
        uint8 formula
    ) public view {
        TallyInput memory input = _draw(seed, trim, scoring, formula);
        BidderResult[] memory results = harness.compute(input);

        uint256 weight = uint256(input.technicalWeight) * 100;
        uint256 best;
        for (uint256 b; b < results.length; ++b) {
            _assertTrue(results[b].technical <= weight, "technical at most the weight");
            if (results[b].technical > best) best = results[b].technical;
        }
        if (input.technicalScoring == SCORING_RELATIVE_TO_BEST && best != 0) {
            _assertEq(best, weight, "the best bidder gets the whole weight");
        }
    }

    function testFuzz_compute_lowestBidGetsWholePriceWeight(bytes32 seed, uint8 trim, uint8 scoring) public view {
        TallyInput memory input = _draw(seed, trim, scoring, PRICE_LOWEST_OVER_BID);
        BidderResult[] memory results = harness.compute(input);

        uint256 weight = uint256(input.priceWeight) * 100;
        for (uint256 b; b < results.length; ++b) {
            _assertTrue(results[b].price <= weight, "price at most the weight");
            bool lowest = true;
            for (uint256 other; other < results.length; ++other) {
                if (input.bidPrices[other] < input.bidPrices[b]) lowest = false;
            }
            if (lowest) _assertEq(results[b].price, weight, "the lowest bid gets the whole weight");
        }
    }

    function testFuzz_compute_krPriceNeverExceedsWeightPlusBonus(bytes32 seed, uint8 trim, uint8 scoring) public view {
        TallyInput memory input = _draw(seed, trim, scoring, PRICE_KR_NEGOTIATED);
        BidderResult[] memory results = harness.compute(input);

        for (uint256 b; b < results.length; ++b) {
            _assertTrue(results[b].price <= uint256(input.priceWeight) * 100 + 20000, "price at most W + 2 points");
            for (uint256 other; other < results.length; ++other) {
                if (input.bidPrices[other] < input.bidPrices[b]) {
                    _assertTrue(results[other].price >= results[b].price, "a lower bid never scores lower");
                }
            }
        }
    }

    function testFuzz_compute_identicalSheetsTrimAlike(bytes32 seed, uint8 scoring, uint8 formula) public view {
        TallyInput memory input = _draw(seed, TRIM_HIGH_LOW_TOTAL, scoring, formula);
        for (uint256 s = 1; s < input.sheets.length; ++s) {
            input.sheets[s] = input.sheets[0];
        }
        BidderResult[] memory total = harness.compute(input);
        input.trim = TRIM_HIGH_LOW_CRITERION;
        BidderResult[] memory criterion = harness.compute(input);
        input.trim = TRIM_NONE;
        BidderResult[] memory none = harness.compute(input);

        for (uint256 b; b < total.length; ++b) {
            _assertEq(total[b].technical, none[b].technical, "high-low-total equals the mean");
            _assertEq(criterion[b].technical, none[b].technical, "high-low-criterion equals the mean");
            if (input.technicalScoring == SCORING_ABSOLUTE) {
                uint256 sum = _sheetTotal(input, b);
                _assertEq(none[b].technical, sum * 100, "the mean of equal sheets is the sheet");
            }
        }
    }

    function _sheetTotal(TallyInput memory input, uint256 b) internal pure returns (uint256 sum) {
        uint256 qualitative = input.maxPoints.length - _countQuantitative(input);
        for (uint256 q; q < qualitative; ++q) {
            sum += input.sheets[0][b * qualitative + q];
        }
        for (uint256 k; k < input.quantitativeScores[b].length; ++k) {
            sum += input.quantitativeScores[b][k];
        }
    }
}
