// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/// @title IAttestationVerifier
/// @notice What the Enigma contract asks of an attestation verifier when an
/// enclave registers. SimAttestationVerifier checks the simulated reports of
/// docs/protocol/attestation-sim.md; an SGX verifier (IAS or DCAP) would
/// implement the same two functions.
interface IAttestationVerifier {
    /// @notice Checks that `report` (with the attestation service's
    /// `signature`) attests a genuine enclave of the pinned code identity
    /// and minimum security version, whose signing key is `signer`, and
    /// that the enclave bound the report to `custodian` registering on the
    /// calling contract (msg.sender) on this chain. Returns the enclave's
    /// product id (1 worker, 2 key manager); reverts with the reason
    /// otherwise.
    function verify(bytes calldata report, bytes calldata signature, address signer, address custodian)
        external
        view
        returns (uint8 product);

    /// @notice Whether `signature` is the attestation service's over
    /// `report` (no check of its contents).
    function isSigned(bytes calldata report, bytes calldata signature) external view returns (bool);
}
