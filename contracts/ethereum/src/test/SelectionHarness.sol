// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {Selection} from "../lib/Selection.sol";

/// @title SelectionHarness
/// @notice Test-only: runs the contract's selection code (the same library
/// functions Enigma uses, over the same storage layout) on many inputs in
/// one eth_call, so tests can compare it with the Go implementation.
contract SelectionHarness {
    mapping(uint256 => uint256) internal entries;

    /// @notice For each case i, the index of the worker selected among
    /// stakes[i] for (seeds[i], scAddrs[i]). Signers are stand-ins (index+1).
    function selectMany(uint256[] calldata seeds, bytes32[] calldata scAddrs, uint256[][] calldata stakes)
        external
        returns (uint256[] memory picked)
    {
        picked = new uint256[](seeds.length);
        for (uint256 i = 0; i < seeds.length; i++) {
            uint256 cumulative;
            uint256[] calldata s = stakes[i];
            for (uint256 k = 0; k < s.length; k++) {
                cumulative += s[k];
                entries[k] = Selection.entry(address(uint160(k + 1)), cumulative);
            }
            address signer = Selection.selectFirst(entries, s.length, cumulative, seeds[i], scAddrs[i]);
            picked[i] = uint160(signer) - 1;
        }
    }
}
