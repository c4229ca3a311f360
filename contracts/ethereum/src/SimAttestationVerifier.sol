// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {IAttestationVerifier} from "./interfaces/IAttestationVerifier.sol";
import {Receipts} from "./lib/Receipts.sol";

/// @title SimAttestationVerifier
/// @notice Verifies the simulated attestation reports (v2) of
/// docs/protocol/attestation-sim.md: signed by the simulation attestation
/// service's key, of the pinned measurement (the stand-in for MRSIGNER) and
/// at least the pinned security version (ISVSVN), and bound by the enclave
/// to the custodian that registers, the Enigma contract and the chain id, so
/// a report seen in the mempool cannot be registered by anyone else.
///
/// A simulated report proves nothing about hardware: whoever holds the
/// attestation key can attest any key. Networks that are not for
/// development use an SGX verifier instead (docs/security.md).
contract SimAttestationVerifier is IAttestationVerifier {
    bytes8 internal constant MAGIC = "ENGSIMR2";
    uint256 internal constant REPORT_LEN = 95;
    bytes internal constant SIG_DOMAIN = "enigma-go/attestation: simulation report v2";
    bytes internal constant BINDING_DOMAIN = "enigma-go/attestation: registration binding v1";

    /// @notice The simulation attestation service's signing address.
    address public immutable attestationSigner;
    /// @notice The only enclave code identity accepted.
    bytes32 public immutable measurement;
    /// @notice The lowest security version accepted.
    uint16 public immutable minSecurityVersion;

    constructor(address _attestationSigner, bytes32 _measurement, uint16 _minSecurityVersion) {
        require(_attestationSigner != address(0), "The attestation signer is required");
        attestationSigner = _attestationSigner;
        measurement = _measurement;
        minSecurityVersion = _minSecurityVersion;
    }

    /// @notice The report data an enclave registering for custodian at
    /// enigma on chain chainId must carry after its signing address.
    function binding(uint256 chainId, address enigma, address custodian) public pure returns (bytes32) {
        return keccak256(abi.encodePacked(BINDING_DOMAIN, chainId, enigma, custodian));
    }

    /// @inheritdoc IAttestationVerifier
    function isSigned(bytes calldata report, bytes calldata signature) public view returns (bool) {
        if (report.length != REPORT_LEN || bytes8(report[0:8]) != MAGIC) {
            return false;
        }
        address got = Receipts.recover(keccak256(bytes.concat(SIG_DOMAIN, report)), signature);
        return got != address(0) && got == attestationSigner;
    }

    /// @inheritdoc IAttestationVerifier
    function verify(bytes calldata report, bytes calldata signature, address signer, address custodian)
        external
        view
        returns (uint8 product)
    {
        require(isSigned(report, signature), "Verifying signature failed");
        require(signer != address(0) && address(bytes20(report[8:28])) == signer, "Signer does not match contents of quote");
        require(bytes32(report[28:60]) == binding(block.chainid, msg.sender, custodian), "Report is bound to another custodian, contract or chain");
        require(bytes32(report[60:92]) == measurement, "Report is for another enclave measurement");
        require(uint16(bytes2(report[93:95])) >= minSecurityVersion, "Enclave security version is too old");
        return uint8(report[92]);
    }
}
