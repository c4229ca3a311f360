// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/// @title Selection
/// @notice Stake-weighted worker selection, identical to the original
/// network's algorithm (and to internal/selection in Go):
///
///   total = sum(stakes); h = keccak256(abi.encode(uint256 seed, bytes32 scAddr, uint256 nonce))
///   r = uint256(h) % total; walk the workers in order subtracting each stake
///   from r and pick the first one that brings r to <= 0.
///
/// The walk is equivalent to "the first worker whose cumulative stake is >= r",
/// so the contract stores one word per worker, `cumulativeStake << 160 | signer`,
/// and binary-searches it: a receipt reads O(log n) words instead of 2n.
library Selection {
    uint256 internal constant ADDRESS_BITS = 160;

    /// @notice The random value of draw number `nonce` for a contract.
    function drawValue(uint256 seed, bytes32 scAddr, uint256 nonce, uint256 total) internal pure returns (uint256) {
        return uint256(keccak256(abi.encode(seed, scAddr, nonce))) % total;
    }

    /// @notice Packs a signer and its cumulative stake into one storage word.
    function entry(address signer, uint256 cumulativeStake) internal pure returns (uint256) {
        return (cumulativeStake << ADDRESS_BITS) | uint256(uint160(signer));
    }

    /// @notice Index of the first entry whose cumulative stake is >= r.
    /// count must be > 0 and the last entry's cumulative stake must exceed r.
    function search(mapping(uint256 => uint256) storage entries, uint256 count, uint256 r)
        internal
        view
        returns (uint256 lo)
    {
        uint256 hi = count - 1;
        while (lo < hi) {
            uint256 mid = (lo + hi) >> 1;
            if ((entries[mid] >> ADDRESS_BITS) >= r) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
    }

    /// @notice The signer picked by the first draw (nonce 0): the whole group
    /// when the group size is 1, as on the original network.
    function selectFirst(
        mapping(uint256 => uint256) storage entries,
        uint256 count,
        uint256 total,
        uint256 seed,
        bytes32 scAddr
    ) internal view returns (address) {
        uint256 r = drawValue(seed, scAddr, 0, total);
        return address(uint160(entries[search(entries, count, r)]));
    }
}
