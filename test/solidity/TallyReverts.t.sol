// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {Tally} from "../../contracts/libraries/Tally.sol";
import {
    TallyInput,
    TRIM_HIGH_LOW_CRITERION,
    PRICE_LOWEST_OVER_BID,
    PRICE_KR_NEGOTIATED
} from "../../contracts/RoundTypes.sol";
import {TallyTest} from "./utils/TallyTest.sol";
import {vm} from "./utils/Vm.sol";

contract TallyRevertsTest is TallyTest {
    function _twoBidders(uint256 sheets) internal pure returns (TallyInput memory input) {
        input = _baseInput(2, 8000);
        input.sheets = new uint16[][](sheets);
        for (uint256 s; s < sheets; ++s) {
            input.sheets[s] = _u16(_list(7000, 6000));
        }
    }

    function test_compute_revertsWhenTrimmingTwoSheets() public {
        TallyInput memory input = _twoBidders(2);
        input.trim = TRIM_HIGH_LOW_CRITERION;

        vm.expectRevert(abi.encodeWithSelector(Tally.TallyTooFewSheetsToTrim.selector, 2));
        harness.compute(input);
    }

    function test_compute_revertsWithoutSheets() public {
        vm.expectRevert(abi.encodeWithSelector(Tally.TallyNoSheets.selector));
        harness.compute(_twoBidders(0));
    }

    function test_compute_revertsOnShortSheet() public {
        TallyInput memory input = _twoBidders(3);
        input.sheets[1] = _u16(_list(7000));

        vm.expectRevert(abi.encodeWithSelector(Tally.TallySheetLengthMismatch.selector, 1, 1, 2));
        harness.compute(input);
    }

    function test_compute_revertsOnZeroBidPrice() public {
        TallyInput memory input = _twoBidders(1);
        input.priceFormula = PRICE_LOWEST_OVER_BID;
        input.bidPrices = _u128(_list(100, 0));

        vm.expectRevert(abi.encodeWithSelector(Tally.TallyZeroBidPrice.selector, 1));
        harness.compute(input);
    }

    function test_compute_revertsOnZeroEstimatedPrice() public {
        TallyInput memory input = _twoBidders(1);
        input.priceFormula = PRICE_KR_NEGOTIATED;
        input.bidPrices = _u128(_list(100, 200));

        vm.expectRevert(abi.encodeWithSelector(Tally.TallyZeroEstimatedPrice.selector));
        harness.compute(input);
    }

    function test_compute_revertsOnUnknownTrim() public {
        TallyInput memory input = _twoBidders(3);
        input.trim = 3;

        vm.expectRevert(abi.encodeWithSelector(Tally.TallyInvalidTrim.selector, 3));
        harness.compute(input);
    }

    function test_compute_revertsOnUnknownTechnicalScoring() public {
        TallyInput memory input = _twoBidders(1);
        input.technicalScoring = 2;

        vm.expectRevert(abi.encodeWithSelector(Tally.TallyInvalidTechnicalScoring.selector, 2));
        harness.compute(input);
    }

    function test_compute_revertsOnUnknownPriceFormula() public {
        TallyInput memory input = _twoBidders(1);
        input.priceFormula = 3;

        vm.expectRevert(abi.encodeWithSelector(Tally.TallyInvalidPriceFormula.selector, 3));
        harness.compute(input);
    }

    function test_compute_revertsOnUnknownTieBreakStep() public {
        TallyInput memory input = _twoBidders(1);
        input.tieBreak[1] = 3;

        vm.expectRevert(abi.encodeWithSelector(Tally.TallyInvalidTieBreakStep.selector, 1, 3));
        harness.compute(input);
    }

    function test_compute_revertsOnCriteriaLengthMismatch() public {
        TallyInput memory input = _twoBidders(1);
        input.quantitative = new bool[](2);

        vm.expectRevert(abi.encodeWithSelector(Tally.TallyCriteriaLengthMismatch.selector, 1, 2));
        harness.compute(input);
    }

    function test_compute_revertsOnBidderLengthMismatch() public {
        TallyInput memory input = _twoBidders(1);
        input.givenPriceScores = new uint32[](3);

        vm.expectRevert(abi.encodeWithSelector(Tally.TallyBidderLengthMismatch.selector, 2, 3, 2));
        harness.compute(input);
    }

    function test_compute_revertsOnQuantitativeScoreCountMismatch() public {
        TallyInput memory input = _twoBidders(1);
        input.quantitativeScores[1] = _u16(_list(100));

        vm.expectRevert(abi.encodeWithSelector(Tally.TallyQuantitativeScoreCountMismatch.selector, 1, 1, 0));
        harness.compute(input);
    }
}
