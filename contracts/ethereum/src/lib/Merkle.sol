// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/// @title Merkle
/// @notice The Merkle tree of a task batch (see docs/protocol/enigma-contract.md
/// and internal/batch): leaves are keccak256(0x00 || abi.encode(fields)), the
/// fields ending with whether the contract failed the task; inner
/// nodes keccak256(0x01 || min(a,b) || max(a,b)); a node without a sibling is
/// carried up unchanged. The prefixes keep a leaf from being passed off as an
/// inner node; the sorted pairs mean a proof is just the list of siblings.
library Merkle {
    function leaf(
        bytes32 taskId,
        bytes32 inputsHash,
        bytes32 outputHash,
        bytes32 deltaHash,
        uint64 gasUsed,
        uint256 fee,
        bool failed
    ) internal pure returns (bytes32) {
        return keccak256(
            abi.encodePacked(bytes1(0x00), abi.encode(taskId, inputsHash, outputHash, deltaHash, gasUsed, fee, failed))
        );
    }

    function node(bytes32 a, bytes32 b) internal pure returns (bytes32) {
        return a < b ? keccak256(abi.encodePacked(bytes1(0x01), a, b)) : keccak256(abi.encodePacked(bytes1(0x01), b, a));
    }

    function rootOf(bytes32 leafHash, bytes32[] calldata proof) internal pure returns (bytes32 h) {
        h = leafHash;
        for (uint256 i = 0; i < proof.length; i++) {
            h = node(h, proof[i]);
        }
    }
}
