// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/// @title Receipts
/// @notice Rebuilds the messages an enclave signs for its receipts, byte for
/// byte as the original network (and internal/crypto/compat) encodes them:
/// every part is prefixed with its length as a big-endian uint64 and the
/// digest is keccak256 of the concatenation, signed without the Ethereum
/// message prefix. The contract always rebuilds the message from its own
/// stored data (code hash, inputs hash, previous delta hash, gas limit) so a
/// worker cannot forge continuity.
library Receipts {
    uint64 private constant W32 = 32;
    uint64 private constant W20 = 20;
    uint64 private constant W8 = 8;
    uint64 private constant W1 = 1;

    /// @notice Digest of a successful compute receipt:
    /// (codeHash, inputsHash, lastDeltaHash, newDeltaHash|0, outputHash,
    /// gasLimit, gasUsed, ethPayload, ethAddress, 0x01).
    function computeDigest(
        bytes32[5] memory h,
        uint64 gasLimit,
        uint64 gasUsed,
        bytes memory ethData,
        address ethAddr
    ) internal pure returns (bytes32) {
        bytes memory head = abi.encodePacked(W32, h[0], W32, h[1], W32, h[2], W32, h[3], W32, h[4]);
        return keccak256(bytes.concat(head, successTail(gasLimit, gasUsed, ethData, ethAddr)));
    }

    /// @notice Digest of a successful deploy receipt:
    /// (inputsHash, codeHash, initialDeltaHash, gasLimit, gasUsed, ethPayload,
    /// ethAddress, 0x01).
    function deployDigest(
        bytes32 inputsHash,
        bytes32 codeHash,
        bytes32 initDelta,
        uint64 gasLimit,
        uint64 gasUsed,
        bytes memory ethData,
        address ethAddr
    ) internal pure returns (bytes32) {
        bytes memory head = abi.encodePacked(W32, inputsHash, W32, codeHash, W32, initDelta);
        return keccak256(bytes.concat(head, successTail(gasLimit, gasUsed, ethData, ethAddr)));
    }

    /// @notice Digest of a failed compute task: (inputsHash, codeHash,
    /// gasLimit, gasUsed, 0x00).
    function computeFailureDigest(bytes32 inputsHash, bytes32 codeHash, uint64 gasLimit, uint64 gasUsed)
        internal
        pure
        returns (bytes32)
    {
        return keccak256(
            abi.encodePacked(W32, inputsHash, W32, codeHash, W8, gasLimit, W8, gasUsed, W1, bytes1(0x00))
        );
    }

    /// @notice Digest of a failed deployment: (inputsHash, gasLimit, gasUsed, 0x00).
    function deployFailureDigest(bytes32 inputsHash, uint64 gasLimit, uint64 gasUsed) internal pure returns (bytes32) {
        return keccak256(abi.encodePacked(W32, inputsHash, W8, gasLimit, W8, gasUsed, W1, bytes1(0x00)));
    }

    function successTail(uint64 gasLimit, uint64 gasUsed, bytes memory ethData, address ethAddr)
        private
        pure
        returns (bytes memory)
    {
        return abi.encodePacked(
            W8, gasLimit, W8, gasUsed, uint64(ethData.length), ethData, W20, ethAddr, W1, bytes1(0x01)
        );
    }

    /// @notice Recovers the signer of a raw 32-byte digest from a 65-byte
    /// r || s || v signature (v = 27/28, or 0/1). Returns address(0) for a
    /// malformed or malleable (high-s) signature.
    function recover(bytes32 digest, bytes memory sig) internal pure returns (address) {
        if (sig.length != 65) {
            return address(0);
        }
        bytes32 r;
        bytes32 s;
        uint8 v;
        assembly ("memory-safe") {
            r := mload(add(sig, 32))
            s := mload(add(sig, 64))
            v := byte(0, mload(add(sig, 96)))
        }
        if (v < 27) {
            v += 27;
        }
        if (uint256(s) > 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0) {
            return address(0);
        }
        return ecrecover(digest, v, r, s);
    }
}
