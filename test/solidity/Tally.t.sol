// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {
    BidderResult,
    TallyInput,
    TRIM_HIGH_LOW_TOTAL,
    TRIM_HIGH_LOW_CRITERION,
    SCORING_RELATIVE_TO_BEST,
    PRICE_LOWEST_OVER_BID,
    PRICE_KR_NEGOTIATED,
    TIE_TECHNICAL,
    TIE_LARGEST_CRITERION,
    TIE_LOTTERY
} from "../../contracts/RoundTypes.sol";
import {TallyTest} from "./utils/TallyTest.sol";

contract TallyScoresTest is TallyTest {
    /// @dev Five sheets of one 80-point criterion: a published worked example of high-low-total trimming.
    function _fiveSeatInput() internal pure returns (TallyInput memory input) {
        input = _baseInput(5, 8000);
        input.trim = TRIM_HIGH_LOW_TOTAL;
        input.qualifyingPercent = 85;
        input.givenPriceScores = _u32(_list(130000, 200000, 150000, 140000, 170000));
        input.sheets = new uint16[][](5);
        input.sheets[0] = _u16(_list(6800, 6500, 7300, 7500, 6500));
        input.sheets[1] = _u16(_list(6800, 7300, 6900, 7000, 6000));
        input.sheets[2] = _u16(_list(6800, 6200, 6900, 6500, 6000));
        input.sheets[3] = _u16(_list(6800, 6500, 6500, 6500, 7000));
        input.sheets[4] = _u16(_list(7200, 6500, 6900, 7500, 7500));
    }

    function test_compute_dropsOneHighestAndLowest() public view {
        BidderResult[] memory results = harness.compute(_fiveSeatInput());

        // Bidder 0 has four totals of 68 and one of 72: one 68 and the 72 are dropped.
        _assertScores(results, 0, 680000, 130000);
        _assertScores(results, 1, 650000, 200000);
        _assertScores(results, 2, 690000, 150000);
        _assertScores(results, 3, 700000, 140000);
        _assertScores(results, 4, 650000, 170000);
    }

    function test_compute_ranksAndNumbersQualifiedBidders() public view {
        BidderResult[] memory results = harness.compute(_fiveSeatInput());

        // Bidders 2 and 3 tie on 84 and the technical step puts bidder 3 first; bidder 1 has the highest total but
        // misses 85% of 80 points.
        _assertRanks(results, _list(5, 1, 3, 2, 4));
        _assertNegotiation(results, _list(3, 0, 2, 1, 0));
    }

    function test_compute_dropsExtremesPerCriterion() public view {
        TallyInput memory input = _baseInput(1, 1000);
        input.maxPoints = _u16(_list(1000, 1000));
        input.quantitative = new bool[](2);
        input.technicalWeight = 2000;
        input.quantitativeScores = new uint16[][](1);
        input.sheets = new uint16[][](3);
        input.sheets[0] = _u16(_list(900, 100));
        input.sheets[1] = _u16(_list(100, 200));
        input.sheets[2] = _u16(_list(500, 800));

        input.trim = TRIM_HIGH_LOW_TOTAL;
        // Totals 10, 3 and 13: the 10 remains.
        _assertEq(harness.compute(input)[0].technical, 100000, "high-low-total");
        input.trim = TRIM_HIGH_LOW_CRITERION;
        // Criterion medians 5 and 2.
        _assertEq(harness.compute(input)[0].technical, 70000, "high-low-criterion");
    }

    function test_compute_averagesEverySheetWithoutTrim() public view {
        TallyInput memory input = _baseInput(1, 8000);
        input.sheets = new uint16[][](2);
        input.sheets[0] = _u16(_list(7000));
        input.sheets[1] = _u16(_list(7100));

        _assertEq(harness.compute(input)[0].technical, 705000, "mean of 70 and 71");
    }

    function test_compute_roundsHalfUpOnce() public view {
        TallyInput memory input = _baseInput(2, 8000);
        input.sheets = new uint16[][](8);
        for (uint256 s; s < 8; ++s) {
            input.sheets[s] = _u16(_list(0, 0));
        }
        input.sheets[0][0] = 1;
        input.sheets[0][1] = 5;
        BidderResult[] memory results = harness.compute(input);
        // 0.01 / 8 = 0.00125 and 0.05 / 8 = 0.00625 points: exact halves of a ten-thousandth round up.
        _assertEq(results[0].technical, 13, "half of 25 ten-thousandths");
        _assertEq(results[1].technical, 63, "half of 125 ten-thousandths");

        input.sheets = new uint16[][](3);
        input.sheets[0] = _u16(_list(1, 2));
        input.sheets[1] = _u16(_list(0, 0));
        input.sheets[2] = _u16(_list(0, 0));
        results = harness.compute(input);
        _assertEq(results[0].technical, 33, "one third of a hundredth");
        _assertEq(results[1].technical, 67, "two thirds of a hundredth");
    }

    function test_compute_scoresRelativeToBest() public view {
        TallyInput memory input = _baseInput(4, 15000);
        input.technicalWeight = 8000;
        input.technicalScoring = SCORING_RELATIVE_TO_BEST;
        input.priceFormula = PRICE_LOWEST_OVER_BID;
        input.bidPrices = _u128(_list(10500, 10350, 11750, 9900));
        input.givenPriceScores = new uint32[](4);
        input.sheets = new uint16[][](1);
        input.sheets[0] = _u16(_list(12300, 12600, 12900, 11700));
        BidderResult[] memory results = harness.compute(input);

        _assertScores(results, 0, 762791, 188571);
        _assertScores(results, 1, 781395, 191304);
        _assertScores(results, 2, 800000, 168511);
        _assertScores(results, 3, 725581, 200000);
        _assertRanks(results, _list(3, 1, 2, 4));
    }

    function test_compute_givesZeroTechnicalWhenBestIsZero() public view {
        TallyInput memory input = _baseInput(2, 8000);
        input.technicalScoring = SCORING_RELATIVE_TO_BEST;
        input.sheets = new uint16[][](1);
        input.sheets[0] = _u16(_list(0, 0));
        BidderResult[] memory results = harness.compute(input);

        _assertEq(results[0].technical, 0, "bidder 0 technical");
        _assertEq(results[1].technical, 0, "bidder 1 technical");
    }

    function test_compute_addsQuantitativeScoresUntrimmed() public view {
        TallyInput memory input = _baseInput(2, 8000);
        input.trim = TRIM_HIGH_LOW_TOTAL;
        input.maxPoints = _u16(_list(3000, 2000, 3000));
        input.quantitative = new bool[](3);
        input.quantitative[1] = true;
        input.quantitativeScores[0] = _u16(_list(1875));
        input.quantitativeScores[1] = _u16(_list(2000));
        input.sheets = new uint16[][](3);
        input.sheets[0] = _u16(_list(2500, 2600, 2700, 2200));
        input.sheets[1] = _u16(_list(2400, 2500, 2600, 2300));
        input.sheets[2] = _u16(_list(2900, 2800, 2500, 2100));
        BidderResult[] memory results = harness.compute(input);

        // Bidder 0 keeps the total 51 of (51, 49, 57); bidder 1 keeps one 49 of (49, 49, 46).
        _assertEq(results[0].technical, 697500, "51 + 18.75");
        _assertEq(results[1].technical, 690000, "49 + 20");
    }

    function test_compute_pricesLowestOverBid() public view {
        TallyInput memory input = _lowestOverBidInput(_list(100000000, 95000000, 123456789));
        BidderResult[] memory results = harness.compute(input);

        _assertEq(results[0].price, 190000, "bidder 0 price");
        _assertEq(results[1].price, 200000, "bidder 1 price");
        _assertEq(results[2].price, 153900, "bidder 2 price");
    }

    function test_compute_pricesKrNegotiatedAroundThresholds() public view {
        TallyInput memory input = _lowestOverBidInput(_list(230000000, 250000000, 319999999, 320000000, 400000000));
        input.priceFormula = PRICE_KR_NEGOTIATED;
        input.estimatedPrice = 400000000;
        BidderResult[] memory results = harness.compute(input);

        // 0.6 E = 240M and 0.8 E = 320M; the lowest bid counts as 240M.
        _assertEq(results[0].price, 170000, "below 0.6 E: 15 + 2");
        _assertEq(results[1].price, 167500, "between: 15 + 1.75");
        _assertEq(results[2].price, 150000, "just below 0.8 E");
        _assertEq(results[3].price, 150000, "at 0.8 E");
        _assertEq(results[4].price, 120000, "at E: 20 x 240 / 400");
    }

    function test_compute_pricesKrNegotiatedWithLowestBetweenThresholds() public view {
        TallyInput memory input = _lowestOverBidInput(_list(650000, 780000, 810000, 1200000));
        input.priceFormula = PRICE_KR_NEGOTIATED;
        input.estimatedPrice = 1000000;
        BidderResult[] memory results = harness.compute(input);

        _assertEq(results[0].price, 177500, "16.25 + 1.5");
        _assertEq(results[1].price, 164500, "16.25 + 0.2");
        _assertEq(results[2].price, 160494, "20 x 650 / 810");
        _assertEq(results[3].price, 108333, "20 x 650 / 1200");
    }

    function test_compute_qualifiesAtExactlyThePercentage() public view {
        TallyInput memory input = _baseInput(2, 8000);
        input.qualifyingPercent = 85;
        input.sheets = new uint16[][](1);
        input.sheets[0] = _u16(_list(6800, 6799));
        BidderResult[] memory results = harness.compute(input);

        _assertTrue(results[0].qualified, "68 of 80 qualifies");
        _assertFalse(results[1].qualified, "67.99 of 80 does not qualify");
        _assertNegotiation(results, _list(1, 0));
    }

    function test_compute_numbersNobodyWhenNoBidderQualifies() public view {
        TallyInput memory input = _baseInput(2, 8000);
        input.qualifyingPercent = 100;
        input.sheets = new uint16[][](1);
        input.sheets[0] = _u16(_list(7999, 7000));
        BidderResult[] memory results = harness.compute(input);

        _assertNegotiation(results, _list(0, 0));
        _assertRanks(results, _list(1, 2));
    }

    function _lowestOverBidInput(uint256[] memory bids) internal pure returns (TallyInput memory input) {
        input = _baseInput(bids.length, 8000);
        input.priceFormula = PRICE_LOWEST_OVER_BID;
        input.bidPrices = _u128(bids);
        input.sheets = new uint16[][](1);
        input.sheets[0] = new uint16[](bids.length);
    }
}

contract TallyRankingTest is TallyTest {
    function test_compute_breaksTotalTieByTechnical() public view {
        TallyInput memory input = _baseInput(3, 8000);
        input.givenPriceScores = _u32(_list(150000, 140000, 160000));
        input.sheets = new uint16[][](1);
        input.sheets[0] = _u16(_list(6900, 7000, 6800));

        _assertRanks(harness.compute(input), _list(2, 1, 3));
    }

    function test_compute_breaksTieByLargestCriterion() public view {
        TallyInput memory input = _baseInput(3, 8000);
        input.maxPoints = _u16(_list(3000, 5000));
        input.quantitative = new bool[](2);
        input.tieBreak = _steps(TIE_TECHNICAL, TIE_LARGEST_CRITERION);
        input.sheets = new uint16[][](2);
        input.sheets[0] = _u16(_list(3000, 4000, 2500, 4500, 2000, 5000));
        input.sheets[1] = _u16(_list(2000, 4000, 2500, 3500, 2000, 4000));

        // Every technical is 65; on the 50-point criterion bidder 2 has mean 45 and the others 40.
        _assertRanks(harness.compute(input), _list(2, 3, 1));
    }

    function test_compute_breaksTieByQuantitativeLargestCriterion() public view {
        TallyInput memory input = _baseInput(2, 8000);
        input.maxPoints = _u16(_list(3000, 5000));
        input.quantitative = new bool[](2);
        input.quantitative[1] = true;
        input.quantitativeScores[0] = _u16(_list(3000));
        input.quantitativeScores[1] = _u16(_list(4000));
        input.tieBreak = _steps(TIE_LARGEST_CRITERION);
        input.sheets = new uint16[][](1);
        input.sheets[0] = _u16(_list(3000, 2000));

        _assertRanks(harness.compute(input), _list(2, 1));
    }

    function test_compute_breaksTieByLottery() public view {
        TallyInput memory input = _fullTie(4);
        input.tieBreak = _steps(TIE_TECHNICAL, TIE_LOTTERY);
        input.lotterySeed = 0x72d7e26f8edaa4de11bbb8827f0c0ccf767eac3f346385fd5b126139e42f8f00;

        _assertRanks(harness.compute(input), _list(1, 3, 4, 2));
    }

    function test_compute_ordersLotteryByTicket() public view {
        TallyInput memory input = _fullTie(5);
        input.tieBreak = _steps(TIE_LOTTERY);
        BidderResult[] memory results = harness.compute(input);

        for (uint256 a; a < 5; ++a) {
            for (uint256 b; b < 5; ++b) {
                bytes32 ticketA = keccak256(abi.encode(input.lotterySeed, a));
                bytes32 ticketB = keccak256(abi.encode(input.lotterySeed, b));
                if (ticketA < ticketB) {
                    _assertTrue(results[a].rankByTotal < results[b].rankByTotal, "lower ticket ranks first");
                }
            }
        }
    }

    function test_compute_keepsPresentationOrderWhenFullyTied() public view {
        TallyInput memory input = _fullTie(3);
        input.tieBreak = _steps(TIE_TECHNICAL, TIE_LARGEST_CRITERION);

        _assertRanks(harness.compute(input), _list(1, 2, 3));
    }

    function test_compute_ranksByTotalWithoutTieBreakSteps() public view {
        TallyInput memory input = _fullTie(3);
        input.tieBreak = new uint8[](0);
        input.givenPriceScores = _u32(_list(1, 3, 2));

        _assertRanks(harness.compute(input), _list(3, 1, 2));
    }

    function _fullTie(uint256 bidders) internal pure returns (TallyInput memory input) {
        input = _baseInput(bidders, 8000);
        input.sheets = new uint16[][](1);
        input.sheets[0] = new uint16[](bidders);
        for (uint256 b; b < bidders; ++b) {
            input.sheets[0][b] = 7000;
            input.givenPriceScores[b] = 150000;
        }
    }

    function _steps(uint8 a) internal pure returns (uint8[] memory steps) {
        steps = new uint8[](1);
        steps[0] = a;
    }

    function _steps(uint8 a, uint8 b) internal pure returns (uint8[] memory steps) {
        steps = new uint8[](2);
        (steps[0], steps[1]) = (a, b);
    }
}
