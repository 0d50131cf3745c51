// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

/// @notice The few test-runner cheatcodes the Solidity tests use.
interface Vm {
    function assume(bool condition) external pure;

    function expectRevert(bytes calldata revertData) external;

    function toString(uint256 value) external pure returns (string memory);
}

/// @dev The cheatcode address: the last 20 bytes of keccak256("hevm cheat code").
Vm constant vm = Vm(0x7109709ECfa91a80626fF3989D68f67F5b1DD12D);
