// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/// @title CallbackTarget
/// @notice Test-only target of receipt callbacks: records calls, reverts on
/// demand, and can try to re-enter the Enigma contract.
interface ICallbackOrigin {
    function origin() external view returns (bytes32 scAddr, bytes32 taskId);
}

contract CallbackTarget {
    uint256 public calls;
    uint256 public lastValue;
    bytes32 public lastContract;
    bytes32 public lastTask;
    address public lastCaller;

    function record(uint256 value) external {
        calls++;
        lastValue = value;
    }

    /// @notice Records who called and, through the forwarder's origin(),
    /// which secret contract and task the callback is for.
    function recordOrigin() external {
        calls++;
        lastCaller = msg.sender;
        (lastContract, lastTask) = ICallbackOrigin(msg.sender).origin();
    }

    /// @notice Burns gas until fewer than `keep` units are left, then records
    /// how much it was given: a callback that needs most of its gas.
    function burn(uint256 keep) external {
        uint256 given = gasleft();
        calls++;
        lastValue = given;
        while (gasleft() > keep) {}
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
