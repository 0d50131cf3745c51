// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {Tally} from "../libraries/Tally.sol";
import {BidderResult, TallyInput} from "../RoundTypes.sol";

/// @title TallyHarness
/// @notice Exposes {Tally.compute} to tests and golden vectors. It has no state.
contract TallyHarness {
    /// @notice Computes the result of `input` with {Tally.compute}.
    /// @param input The round's rules, bidders and revealed sheets.
    /// @return results One result per bidder, in presentation order.
    function compute(TallyInput calldata input) external pure returns (BidderResult[] memory results) {
        return Tally.compute(input);
    }
}
