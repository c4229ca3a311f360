// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/// @title CallbackForwarder
/// @notice Makes the Ethereum calls that secret contracts ask for in their
/// receipts (write_eth_bridge), on behalf of the Enigma contract that
/// created it. It exists so that a callback never runs as the Enigma
/// contract: the callee sees this contract as msg.sender, and this contract
/// holds no tokens, no allowances and no rights anywhere. Anything sent to it
/// can be taken by any callback; nothing should be.
///
/// A callee that must know which secret contract called it (and for which
/// task) checks msg.sender == this forwarder and reads origin() during the
/// call. The Enigma contract, its token and the forwarder itself are never
/// called, nor is an address without code: those callbacks fail (the task
/// ends as ReceiptFailedETH) without running anything.
///
/// Every callback gets exactly callbackGas, fixed at deployment: the worker
/// that submits the receipt cannot hand an honest callback too little gas to
/// succeed. forward reverts (and with it the whole receipt) when it was given
/// less than that, so the worker must resend with more gas.
contract CallbackForwarder {
    /// @notice The Enigma contract, the only caller of forward.
    address public immutable enigma;
    /// @notice The ENG token, never a callback target.
    address public immutable token;
    /// @notice Gas every callback runs with.
    uint256 public immutable callbackGas;

    /// @dev Gas forward needs beside the callback: the EIP-150 share it
    /// cannot pass on (callbackGas / 63) is added by forwardGas.
    uint256 internal constant OVERHEAD = 40_000;

    bytes32 transient originContract;
    bytes32 transient originTask;

    constructor(address _token, uint256 _callbackGas) {
        require(_callbackGas >= 21_000 && _callbackGas <= 10_000_000, "Callback gas must be 21,000 to 10,000,000");
        enigma = msg.sender;
        token = _token;
        callbackGas = _callbackGas;
    }

    /// @notice Gas the Enigma contract must pass to forward so that the
    /// callback gets exactly callbackGas.
    function forwardGas() public view returns (uint256) {
        return callbackGas + callbackGas / 63 + OVERHEAD;
    }

    /// @notice Calls target with data as the callback of task _taskId of
    /// secret contract _scAddr. Returns whether the callback succeeded;
    /// reverts only when called by anyone but the Enigma contract or with
    /// too little gas to give the callback all of callbackGas.
    function forward(address target, bytes calldata data, bytes32 _scAddr, bytes32 _taskId) external returns (bool ok) {
        require(msg.sender == enigma, "Only the Enigma contract forwards callbacks");
        uint256 g = callbackGas;
        // What the callee gets is capped at 63/64 of what is left at the CALL.
        require(gasleft() >= g + g / 63 + OVERHEAD / 2, "Not enough gas for the callback: send the receipt with more gas");
        if (target == enigma || target == token || target == address(this) || target.code.length == 0) {
            return false;
        }
        originContract = _scAddr;
        originTask = _taskId;
        // Return data is not copied: a callee cannot make the forwarder pay
        // for memory it returns.
        assembly ("memory-safe") {
            let p := mload(0x40)
            calldatacopy(p, data.offset, data.length)
            ok := call(g, target, 0, p, data.length, 0, 0)
        }
        originContract = bytes32(0);
        originTask = bytes32(0);
    }

    /// @notice The secret contract and task of the callback in progress.
    /// Reverts outside a callback.
    function origin() external view returns (bytes32 scAddr, bytes32 taskId) {
        require(originTask != bytes32(0), "No callback in progress");
        return (originContract, originTask);
    }
}
