// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title EnigmaToken (ENG)
/// @notice The ERC-20 token that pays for tasks and backs worker stakes.
/// One ENG is 10**8 grains; the whole supply (150 million ENG) goes to the
/// deployer, as with the original token. The interface (including
/// increaseAllowance/decreaseAllowance and INITIAL_SUPPLY) is the one
/// enigma-js 0.3.0 was built against. OpenZeppelin 5's ERC20 is used because
/// its transferFrom does not emit an Approval event, which saves every task
/// record about 1,700 gas.
contract EnigmaToken is ERC20 {
    /// @notice 150 million ENG, in grains.
    uint256 public constant INITIAL_SUPPLY = 150_000_000 * 10 ** 8;

    constructor() ERC20("Enigma", "ENG") {
        _mint(msg.sender, INITIAL_SUPPLY);
    }

    /// @notice ENG has 8 decimals. Declared view (not pure) so the ABI
    /// matches the original token's exactly.
    function decimals() public view virtual override returns (uint8) {
        return 8;
    }

    /// @notice Raises the caller's allowance for spender by addedValue.
    function increaseAllowance(address spender, uint256 addedValue) public virtual returns (bool) {
        _approve(msg.sender, spender, allowance(msg.sender, spender) + addedValue);
        return true;
    }

    /// @notice Lowers the caller's allowance for spender by subtractedValue.
    function decreaseAllowance(address spender, uint256 subtractedValue) public virtual returns (bool) {
        uint256 current = allowance(msg.sender, spender);
        require(current >= subtractedValue, "ERC20: decreased allowance below zero");
        unchecked {
            _approve(msg.sender, spender, current - subtractedValue);
        }
        return true;
    }
}
