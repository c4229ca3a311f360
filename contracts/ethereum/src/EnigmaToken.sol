// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title EnigmaToken (ENG)
/// @notice The ERC-20 token that pays for tasks and backs worker stakes.
/// One ENG is 10**8 grains; the whole supply goes to the deployer, as with
/// the original token. The original's supply is 150 million ENG; a
/// development network mints more (chain.DevTokenSupply) so that every dev
/// account can escrow the original tests' largest tasks many times. The interface (including
/// increaseAllowance/decreaseAllowance and INITIAL_SUPPLY) is the one
/// enigma-js 0.3.0 was built against. OpenZeppelin 5's ERC20 is used because
/// its transferFrom does not emit an Approval event, which saves every task
/// record about 1,700 gas.
///
/// Allowances are stored plus one, so a spent allowance leaves a non-zero
/// word behind: the client's approve before every task then rewrites a
/// non-zero word (5,000 gas) instead of creating one (22,100 gas). The one
/// visible difference from a plain ERC-20: an allowance of 2**256-2 reads
/// as 2**256-1 (unlimited).
contract EnigmaToken is ERC20 {
    /// @notice The supply minted to the deployer, in grains (150 million
    /// ENG, 1.5e16, on the original token).
    uint256 public immutable INITIAL_SUPPLY;

    mapping(address => mapping(address => uint256)) private _allowancesPlusOne;

    constructor(uint256 _supply) ERC20("Enigma", "ENG") {
        INITIAL_SUPPLY = _supply;
        _mint(msg.sender, _supply);
    }

    /// @notice ENG has 8 decimals. Declared view (not pure) so the ABI
    /// matches the original token's exactly.
    function decimals() public view virtual override returns (uint8) {
        return 8;
    }

    function allowance(address owner, address spender) public view virtual override returns (uint256) {
        uint256 stored = _allowancesPlusOne[owner][spender];
        if (stored == 0 || stored == type(uint256).max) {
            return stored;
        }
        return stored - 1;
    }

    function _approve(address owner, address spender, uint256 value, bool emitEvent) internal virtual override {
        if (owner == address(0)) {
            revert ERC20InvalidApprover(address(0));
        }
        if (spender == address(0)) {
            revert ERC20InvalidSpender(address(0));
        }
        _allowancesPlusOne[owner][spender] = value == type(uint256).max ? value : value + 1;
        if (emitEvent) {
            emit Approval(owner, spender, value);
        }
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
