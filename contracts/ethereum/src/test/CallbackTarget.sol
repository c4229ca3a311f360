// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/// @title CallbackTarget
/// @notice Test-only target of receipt callbacks: records calls, reverts on
/// demand, and can try to re-enter the Enigma contract.
contract CallbackTarget {
    uint256 public calls;
    uint256 public lastValue;

    function record(uint256 value) external {
        calls++;
        lastValue = value;
    }

    function fail() external pure {
        revert("callback refused");
    }

    /// @notice Calls target with data and records whether that succeeded
    /// (lastValue 1) or not (lastValue 2); the call itself never reverts.
    function reenter(address target, bytes calldata data) external {
        calls++;
        (bool ok,) = target.call(data);
        lastValue = ok ? 1 : 2;
    }
}
