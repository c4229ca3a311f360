package envelope

import (
	"crypto/hpke"
	"encoding/binary"

	"github.com/enigma-go/enigma/api"
)

// ResponseKey is the AES-256 key a worker seals a request's response under.
// Both ends export it from the request's HPKE context, so the user needs no
// long-term key: it keeps the ResponseKey until the response arrives.
type ResponseKey [32]byte

// requestHeaderSize is magic, version, type and the epoch.
const requestHeaderSize = HeaderSize + 1 + 8

// RequestOverhead is the size a request adds to its (padded) plaintext.
const RequestOverhead = requestHeaderSize + EncSize + TagSize

// SealRequest seals payload to a worker's v2 public key for epoch c.Epoch
// and returns the message and the key the response will come under:
//
//	magic(4) ‖ 0x02 ‖ 0x01 ‖ u64BE(epoch) ‖ enc(1120) ‖ AES-256-GCM ciphertext ‖ tag(16)
//
// The AEAD's associated data is the 14-byte header followed by c.Encode().
func SealRequest(workerPub []byte, c Context, payload []byte, opt Options) ([]byte, ResponseKey, error) {
	return sealHPKE(TypeRequest, requestInfo, workerPub, c, payload, opt)
}

// sealHPKE seals a request-like message (a task request or a query) of type
// typ with HPKE info: header(typ, epoch) ‖ enc ‖ ciphertext.
func sealHPKE(typ byte, info string, workerPub []byte, c Context, payload []byte, opt Options) ([]byte, ResponseKey, error) {
	pk, err := ParsePublicKey(workerPub)
	if err != nil {
		return nil, ResponseKey{}, err
	}
	pt, err := pad(payload, opt.Pad)
	if err != nil {
		return nil, ResponseKey{}, err
	}
	enc, s, err := hpke.NewSender(pk, kdf, aeadAlgo, []byte(info))
	if err != nil {
		return nil, ResponseKey{}, api.Errorf(api.CodeInvalidInput, "envelope: HPKE encapsulation to the worker key failed: %w", err)
	}
	header := binary.BigEndian.AppendUint64(v2Prefix(typ, 8), c.Epoch)
	ct, err := s.Seal(aad(header, c.Encode()), pt)
	if err != nil {
		return nil, ResponseKey{}, err
	}
	var rk ResponseKey
	exp, err := s.Export(responseExporter, len(rk))
	if err != nil {
		return nil, ResponseKey{}, err
	}
	copy(rk[:], exp)
	out := make([]byte, 0, len(header)+len(enc)+len(ct))
	out = append(out, header...)
	out = append(out, enc...)
	return append(out, ct...), rk, nil
}

// OpenRequest opens a request with the worker's private key for c.Epoch and
// returns its payload and the response key.
//
// Errors: a truncated or malformed message, or another version or type →
// api.CodeBadEnvelope; sealed for another epoch than c.Epoch →
// api.CodeWrongEpoch; a wrong key, a different context or any altered byte →
// api.CodeTampered.
func OpenRequest(priv hpke.PrivateKey, c Context, msg []byte) ([]byte, ResponseKey, error) {
	return openHPKE(TypeRequest, requestInfo, "request", "task", priv, c, msg)
}

// openHPKE opens what sealHPKE sealed with the same type and info.
func openHPKE(typ byte, info, what, of string, priv hpke.PrivateKey, c Context, msg []byte) ([]byte, ResponseKey, error) {
	rest, err := v2Header(msg, typ, what)
	if err != nil {
		return nil, ResponseKey{}, err
	}
	if len(rest) < 8+EncSize+TagSize+4 {
		return nil, ResponseKey{}, api.Errorf(api.CodeBadEnvelope, "envelope: %s of %d bytes is shorter than the %d-byte minimum", what, len(msg), RequestOverhead+4)
	}
	if e := binary.BigEndian.Uint64(rest); e != c.Epoch {
		return nil, ResponseKey{}, api.Errorf(api.CodeWrongEpoch,
			"envelope: %s sealed to the worker key of epoch %d, but the %s is in epoch %d: seal it to the current epoch's key", what, e, of, c.Epoch)
	}
	header, enc, ct := msg[:requestHeaderSize], rest[8:8+EncSize], rest[8+EncSize:]
	r, err := hpke.NewRecipient(enc, priv, kdf, aeadAlgo, []byte(info))
	if err != nil {
		return nil, ResponseKey{}, api.Errorf(api.CodeTampered, "envelope: %s key encapsulation is invalid: %w", what, err)
	}
	pt, err := r.Open(aad(header, c.Encode()), ct)
	if err != nil {
		return nil, ResponseKey{}, api.Errorf(api.CodeTampered,
			"envelope: %s authentication failed: sealed to another worker key, for another %s context (chain, contract, code, epoch, sender, nonce), or altered", what, of)
	}
	payload, err := unpad(pt)
	if err != nil {
		return nil, ResponseKey{}, err
	}
	var rk ResponseKey
	exp, err := r.Export(responseExporter, len(rk))
	if err != nil {
		return nil, ResponseKey{}, err
	}
	copy(rk[:], exp)
	return payload, rk, nil
}
