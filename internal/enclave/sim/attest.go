package sim

import (
	"crypto/ecdsa"
	"encoding/binary"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
)

// The simulated attestation report of docs/protocol/attestation-sim.md.
const (
	reportMagic  = "ENGSIMR1"
	ReportSize   = 63
	reportDomain = "enigma-go/attestation: simulation report v1"
)

// Report is a parsed simulated attestation report.
type Report struct {
	Signer          api.EthAddress
	Measurement     [32]byte
	ProductID       uint8 // 1 worker, 2 key manager
	SecurityVersion uint16
}

// Bytes encodes the report (63 bytes).
func (r *Report) Bytes() []byte {
	out := make([]byte, 0, ReportSize)
	out = append(out, reportMagic...)
	out = append(out, r.Signer[:]...)
	out = append(out, r.Measurement[:]...)
	out = append(out, r.ProductID)
	return binary.BigEndian.AppendUint16(out, r.SecurityVersion)
}

// ReportHash is what the simulation attestation key signs:
// keccak256(domain ‖ report).
func ReportHash(report []byte) [32]byte {
	return compat.Keccak256([]byte(reportDomain), report)
}

// SignReport signs a report with the simulation attestation key.
func SignReport(key *ecdsa.PrivateKey, r *Report) ([]byte, [65]byte, error) {
	b := r.Bytes()
	sig, err := compat.Sign(key, ReportHash(b))
	return b, sig, err
}

// VerifyReport parses a report and checks that sig recovers to the
// simulation attestation address.
func VerifyReport(attestation api.EthAddress, report, sig []byte) (*Report, error) {
	if len(report) != ReportSize || string(report[:8]) != reportMagic {
		return nil, api.Errorf(api.CodeInvalidInput, "sim: not a simulated attestation report v1 (want %d bytes starting %q)", ReportSize, reportMagic)
	}
	signer, err := compat.Recover(ReportHash(report), sig)
	if err != nil {
		return nil, err
	}
	if api.EthAddress(signer) != attestation {
		return nil, api.Errorf(api.CodeBadSignature, "sim: the report is signed by %s, not by the simulation attestation key %s", api.EthAddress(signer), attestation)
	}
	r := &Report{ProductID: report[60], SecurityVersion: binary.BigEndian.Uint16(report[61:])}
	copy(r.Signer[:], report[8:28])
	copy(r.Measurement[:], report[28:60])
	return r, nil
}
