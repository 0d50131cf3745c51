// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
contract Probe is AccessControl { constructor() { _grantRole(DEFAULT_ADMIN_ROLE, msg.sender); } }
