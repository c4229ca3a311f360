// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/// @title VotingETH
/// @notice The public half of the secret voting example (examples/voting):
/// polls live here, votes stay secret in the secret contract, and the
/// secret contract's Ethereum callbacks ask this contract whether a vote may
/// be cast (validateCastVote) and record a poll's outcome from the tallied
/// share of yes votes (validateTallyPoll). A callback that reverts here ends
/// the task as ReceiptFailedETH, which is how the secret contract learns that
/// a poll is closed or still running.
/// @dev Anyone may call the validate functions, as in the original example:
/// the secret contract is the intended caller, through the Enigma contract.
contract VotingETH {
    enum PollStatus {
        Undefined,
        InProgress,
        Passed,
        Rejected
    }

    struct Poll {
        address creator;
        uint256 quorumPercentage;
        uint256 expirationTime;
        PollStatus status;
        string description;
    }

    Poll[] public polls;

    event PollCreated(uint256 indexed pollId, address indexed creator, uint256 quorumPercentage, uint256 expirationTime);
    event PollClosed(uint256 indexed pollId, uint256 expirationTime);
    event PollTallied(uint256 indexed pollId, uint256 talliedQuorum, PollStatus status);

    modifier validPoll(uint256 pollId) {
        require(pollId < polls.length, "Not a valid poll ID");
        _;
    }

    /// @notice Opens a poll that accepts votes for pollLength seconds and
    /// passes when at least quorumPercentage percent of its voters say yes.
    function createPoll(uint256 quorumPercentage, string calldata description, uint256 pollLength) external {
        require(quorumPercentage <= 100, "Quorum percentage must be at most 100");
        require(pollLength > 0, "Poll length must be greater than 0");
        uint256 expiration = block.timestamp + pollLength;
        polls.push(
            Poll({
                creator: msg.sender,
                quorumPercentage: quorumPercentage,
                expirationTime: expiration,
                status: PollStatus.InProgress,
                description: description
            })
        );
        emit PollCreated(polls.length - 1, msg.sender, quorumPercentage, expiration);
    }

    /// @notice Ends the voting period of a running poll now, so it can be
    /// tallied without waiting for its expiration. Only its creator may.
    /// @dev Not in the original contract: it lets a poll's life follow the
    /// chain's blocks instead of wall-clock seconds, which dev chains with
    /// sub-second blocks advance faster than real time.
    function closePoll(uint256 pollId) external validPoll(pollId) {
        Poll storage poll = polls[pollId];
        require(msg.sender == poll.creator, "Only the poll creator can close it");
        require(_open(poll), "Poll is not open");
        poll.expirationTime = block.timestamp;
        emit PollClosed(pollId, block.timestamp);
    }

    /// @notice Reverts unless the poll accepts votes now.
    function validateCastVote(uint256 pollId) external view validPoll(pollId) {
        require(_open(polls[pollId]), "Invalid poll vote being cast to");
    }

    /// @notice Records the outcome of a poll whose voting period is over:
    /// Passed when talliedQuorum (percent of yes votes) reaches its quorum.
    function validateTallyPoll(uint256 pollId, uint256 talliedQuorum) external validPoll(pollId) {
        Poll storage poll = polls[pollId];
        require(
            poll.status == PollStatus.InProgress && block.timestamp >= poll.expirationTime,
            "Invalid poll results being tallied"
        );
        poll.status = talliedQuorum >= poll.quorumPercentage ? PollStatus.Passed : PollStatus.Rejected;
        emit PollTallied(pollId, talliedQuorum, poll.status);
    }

    /// @notice Number of polls ever created; poll ids are 0..pollCount()-1.
    function pollCount() external view returns (uint256) {
        return polls.length;
    }

    /// @notice Every poll, oldest first.
    function getPolls() external view returns (Poll[] memory) {
        return polls;
    }

    function _open(Poll storage poll) internal view returns (bool) {
        return poll.status == PollStatus.InProgress && block.timestamp < poll.expirationTime;
    }
}
