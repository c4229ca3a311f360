// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {Merkle} from "../lib/Merkle.sol";

/// @title MerkleHarness
/// @notice Test-only: runs the Merkle library a contract uses to check a
/// batched task's inclusion on chain, so tests can compare it with the Go
/// implementation (internal/batch). The Enigma contract itself only stores
/// each batch's root (getBatchRoot); clients check proofs against it.
contract MerkleHarness {
    /// @notice Whether a task's leaf fields and proof lead to root.
    function verify(
        bytes32 root,
        bytes32 taskId,
        bytes32 inputsHash,
        bytes32 outputHash,
        bytes32 deltaHash,
        uint64 gasUsed,
        uint256 fee,
        bool failed,
        bytes32[] calldata proof
    ) external pure returns (bool) {
        bytes32 leafHash = Merkle.leaf(taskId, inputsHash, outputHash, deltaHash, gasUsed, fee, failed);
        return root != bytes32(0) && Merkle.rootOf(leafHash, proof) == root;
    }
}
