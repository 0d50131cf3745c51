// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {TallyHarness} from "../../../contracts/test/TallyHarness.sol";
import {
    BidderResult,
    TallyInput,
    TRIM_NONE,
    SCORING_ABSOLUTE,
    PRICE_GIVEN,
    TIE_TECHNICAL,
    TIE_LOTTERY
} from "../../../contracts/RoundTypes.sol";
import {vm} from "./Vm.sol";

/// @notice Input builders and assertions shared by the Tally tests.
abstract contract TallyTest {
    TallyHarness internal harness;

    function setUp() public virtual {
        harness = new TallyHarness();
    }

    /// @dev One qualitative criterion worth the whole technical weight, given price scores, no trimming.
    function _baseInput(uint256 bidders, uint16 maxPoints) internal pure returns (TallyInput memory input) {
        input.trim = TRIM_NONE;
        input.technicalScoring = SCORING_ABSOLUTE;
        input.priceFormula = PRICE_GIVEN;
        input.technicalWeight = maxPoints;
        input.priceWeight = 2000;
        input.tieBreak = new uint8[](2);
        input.tieBreak[0] = TIE_TECHNICAL;
        input.tieBreak[1] = TIE_LOTTERY;
        input.maxPoints = new uint16[](1);
        input.maxPoints[0] = maxPoints;
        input.quantitative = new bool[](1);
        input.bidPrices = new uint128[](bidders);
        input.givenPriceScores = new uint32[](bidders);
        input.quantitativeScores = new uint16[][](bidders);
        input.lotterySeed = keccak256("seed");
    }

    function _u16(uint256[] memory values) internal pure returns (uint16[] memory out) {
        out = new uint16[](values.length);
        for (uint256 i; i < values.length; ++i) {
            out[i] = uint16(values[i]);
        }
    }

    function _u32(uint256[] memory values) internal pure returns (uint32[] memory out) {
        out = new uint32[](values.length);
        for (uint256 i; i < values.length; ++i) {
            out[i] = uint32(values[i]);
        }
    }

    function _u128(uint256[] memory values) internal pure returns (uint128[] memory out) {
        out = new uint128[](values.length);
        for (uint256 i; i < values.length; ++i) {
            out[i] = uint128(values[i]);
        }
    }

    function _list(uint256 a) internal pure returns (uint256[] memory out) {
        out = new uint256[](1);
        out[0] = a;
    }

    function _list(uint256 a, uint256 b) internal pure returns (uint256[] memory out) {
        out = new uint256[](2);
        (out[0], out[1]) = (a, b);
    }

    function _list(uint256 a, uint256 b, uint256 c) internal pure returns (uint256[] memory out) {
        out = new uint256[](3);
        (out[0], out[1], out[2]) = (a, b, c);
    }

    function _list(uint256 a, uint256 b, uint256 c, uint256 d) internal pure returns (uint256[] memory out) {
        out = new uint256[](4);
        (out[0], out[1], out[2], out[3]) = (a, b, c, d);
    }

    function _list(
        uint256 a,
        uint256 b,
        uint256 c,
        uint256 d,
        uint256 e
    ) internal pure returns (uint256[] memory out) {
        out = new uint256[](5);
        (out[0], out[1], out[2], out[3], out[4]) = (a, b, c, d, e);
    }

    function _list(
        uint256 a,
        uint256 b,
        uint256 c,
        uint256 d,
        uint256 e,
        uint256 f
    ) internal pure returns (uint256[] memory out) {
        out = new uint256[](6);
        (out[0], out[1], out[2], out[3], out[4], out[5]) = (a, b, c, d, e, f);
    }

    function _assertEq(uint256 actual, uint256 expected, string memory what) internal pure {
        if (actual != expected) {
            revert(string.concat(what, ": got ", vm.toString(actual), ", expected ", vm.toString(expected)));
        }
    }

    function _assertTrue(bool condition, string memory what) internal pure {
        if (!condition) revert(string.concat(what, ": expected true"));
    }

    function _assertFalse(bool condition, string memory what) internal pure {
        if (condition) revert(string.concat(what, ": expected false"));
    }

    /// @dev Asserts technical, price and total of bidder `b`.
    function _assertScores(
        BidderResult[] memory results,
        uint256 b,
        uint256 technical,
        uint256 price
    ) internal pure {
        string memory bidder = string.concat("bidder ", vm.toString(b));
        _assertEq(results[b].technical, technical, string.concat(bidder, " technical"));
        _assertEq(results[b].price, price, string.concat(bidder, " price"));
        _assertEq(results[b].total, technical + price, string.concat(bidder, " total"));
    }

    function _assertRanks(BidderResult[] memory results, uint256[] memory ranks) internal pure {
        _assertEq(results.length, ranks.length, "result count");
        for (uint256 b; b < ranks.length; ++b) {
            _assertEq(results[b].rankByTotal, ranks[b], string.concat("bidder ", vm.toString(b), " rank"));
        }
    }

    function _assertNegotiation(BidderResult[] memory results, uint256[] memory orders) internal pure {
        for (uint256 b; b < orders.length; ++b) {
            string memory what = string.concat("bidder ", vm.toString(b), " negotiation order");
            _assertEq(results[b].negotiationOrder, orders[b], what);
            _assertEq(results[b].qualified ? 1 : 0, orders[b] == 0 ? 0 : 1, string.concat(what, " qualification"));
        }
    }
}
