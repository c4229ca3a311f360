package sim

import (
	"context"
	"crypto/ecdsa"
	"encoding/binary"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/enclave"
)

// The simulated attestation report of docs/protocol/attestation-sim.md (v2).
const (
	reportMagic  = "ENGSIMR2"
	ReportSize   = 95
	reportDomain = "enigma-go/attestation: simulation report v2"
)

// Report is a parsed simulated attestation report.
type Report struct {
	Signer api.EthAddress
	// Binding is enclave.RegistrationBinding of the custodian, chain and
	// Enigma contract the enclave was asked to register for.
	Binding         api.Hash
	Measurement     [32]byte
	ProductID       uint8 // 1 worker, 2 key manager
	SecurityVersion uint16
}

// Bytes encodes the report (95 bytes).
func (r *Report) Bytes() []byte {
	out := make([]byte, 0, ReportSize)
	out = append(out, reportMagic...)
	out = append(out, r.Signer[:]...)
	out = append(out, r.Binding[:]...)
	out = append(out, r.Measurement[:]...)
	out = append(out, r.ProductID)
	return binary.BigEndian.AppendUint16(out, r.SecurityVersion)
}

// ParseReport decodes a report's bytes.
func ParseReport(b []byte) (*Report, error) {
	if len(b) != ReportSize || string(b[:8]) != reportMagic {
		return nil, api.Errorf(api.CodeInvalidInput, "sim: not a simulated attestation report v2 (want %d bytes starting %q)", ReportSize, reportMagic)
	}
	r := &Report{ProductID: b[92], SecurityVersion: binary.BigEndian.Uint16(b[93:])}
	copy(r.Signer[:], b[8:28])
	copy(r.Binding[:], b[28:60])
	copy(r.Measurement[:], b[60:92])
	return r, nil
}

// ReportHash is what the simulation attestation service signs:
// keccak256(domain ‖ report).
func ReportHash(report []byte) [32]byte {
	return compat.Keccak256([]byte(reportDomain), report)
}

// Attestor is the simulated attestation service: it signs well-formed
// simulated reports with its key, which the network's SimAttestationVerifier
// names. It stands where IAS (or DCAP) stands for SGX, and like them it is
// outside every enclave and every worker host.
//
// It checks only the report's form: a simulation has no hardware to vouch
// for, so whoever can reach an Attestor can register any key. That is why
// only development networks run simulated enclaves (docs/security.md).
type Attestor struct {
	key *ecdsa.PrivateKey
}

var _ enclave.Attestor = (*Attestor)(nil)

// NewAttestor returns the attestation service signing with key.
func NewAttestor(key *ecdsa.PrivateKey) *Attestor { return &Attestor{key: key} }

// Address is the service's signing address (the verifier's attestationSigner).
func (a *Attestor) Address() api.EthAddress { return api.EthAddress(compat.Address(&a.key.PublicKey)) }

// Attest implements enclave.Attestor.
func (a *Attestor) Attest(ctx context.Context, report []byte) ([]byte, error) {
	if _, err := ParseReport(report); err != nil {
		return nil, err
	}
	sig, err := compat.Sign(a.key, ReportHash(report))
	if err != nil {
		return nil, api.Errorf(api.CodeUnknown, "sim: sign the attestation report: %w", err)
	}
	return sig[:], nil
}

// Check verifies a report this service signed (VerifyReport with its address).
func (a *Attestor) Check(report, sig []byte) (*Report, error) {
	return VerifyReport(a.Address(), report, sig)
}

// VerifyReport parses a report and checks that sig recovers to the
// simulation attestation address.
func VerifyReport(attestation api.EthAddress, report, sig []byte) (*Report, error) {
	r, err := ParseReport(report)
	if err != nil {
		return nil, err
	}
	signer, err := compat.Recover(ReportHash(report), sig)
	if err != nil {
		return nil, err
	}
	if api.EthAddress(signer) != attestation {
		return nil, api.Errorf(api.CodeBadSignature, "sim: the report is signed by %s, not by the simulation attestation key %s", api.EthAddress(signer), attestation)
	}
	return r, nil
}
