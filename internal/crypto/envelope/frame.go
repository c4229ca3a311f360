package envelope

import (
	"bytes"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
)

// Magic starts every framed message. Its first byte is not printable ASCII
// and the whole is unlikely in a compat ciphertext (which is uniformly
// random): a legacy compat message begins with it with probability 2⁻³².
var Magic = [4]byte{0xE7, 'E', 'N', 'G'}

// Version is an envelope version.
type Version uint8

const (
	// VersionCompat is the original network's AES-GCM layout
	// (ciphertext ‖ tag ‖ iv), either bare as enigma-js sends it or framed.
	VersionCompat Version = 1
	// VersionV2 is the HPKE envelope of this package.
	VersionV2 Version = 2
)

func (v Version) String() string {
	switch v {
	case VersionCompat:
		return "compat"
	case VersionV2:
		return "v2"
	}
	return "unknown"
}

// HeaderSize is the size of the frame header: magic and version.
const HeaderSize = len(Magic) + 1

// Message types of version 2, the byte after the version.
const (
	TypeRequest  byte = 1 // user → worker, HPKE to the worker's epoch key
	TypeResponse byte = 2 // worker → user, under the request's exported response key
	TypeSealed   byte = 3 // symmetric, e.g. contract state under its state key
	TypeQuery    byte = 4 // user → worker, a secret query: HPKE to the worker's epoch key, its own info string
)

// VersionOf tells which envelope msg is in. A message without the magic is
// a bare compat message (what enigma-js sends). A framed message with a
// version this code does not know fails with api.CodeBadEnvelope.
func VersionOf(msg []byte) (Version, error) {
	v, _, err := Unframe(msg)
	return v, err
}

// Unframe returns msg's version and its body: for VersionCompat the
// ciphertext ‖ tag ‖ iv to pass to compat.Decrypt, for VersionV2 the whole
// message (v2 functions take the framed form, whose header they
// authenticate).
//
// A transport that knows it carries a compat message from enigma-js should
// hand it to compat.Decrypt directly: a bare compat ciphertext starts with
// Magic with probability 2⁻³², and would then be misread here.
func Unframe(msg []byte) (Version, []byte, error) {
	if !bytes.HasPrefix(msg, Magic[:]) {
		return VersionCompat, msg, nil
	}
	if len(msg) < HeaderSize {
		return 0, nil, api.Errorf(api.CodeBadEnvelope, "envelope: truncated header (%d bytes): a framed message starts with 4 magic bytes and a version byte", len(msg))
	}
	switch v := Version(msg[len(Magic)]); v {
	case VersionCompat:
		return v, msg[HeaderSize:], nil
	case VersionV2:
		return v, msg, nil
	default:
		return 0, nil, api.Errorf(api.CodeBadEnvelope,
			"envelope: unknown version %d: this node reads version 1 (compat) and 2 (HPKE); upgrade the node or the client so they share one", uint8(v))
	}
}

// FrameCompat frames a compat ciphertext (ciphertext ‖ tag ‖ iv) as version 1,
// for transports that carry several versions.
func FrameCompat(ct []byte) []byte {
	out := make([]byte, 0, HeaderSize+len(ct))
	out = append(out, Magic[:]...)
	out = append(out, byte(VersionCompat))
	return append(out, ct...)
}

// OpenCompat opens a compat message, bare or framed, with the first of keys
// that authenticates it (see compat.DecryptAny) and returns that key's index.
//
// A bare compat ciphertext starts with Magic with probability 2⁻³² (it is
// uniformly random); when a message that starts with Magic does not open
// as a framed compat message, OpenCompat also tries it whole, as bare.
func OpenCompat(keys [][32]byte, msg []byte) (int, []byte, error) {
	v, body, err := Unframe(msg)
	if err == nil && v == VersionCompat {
		i, pt, err := compat.DecryptAny(keys, body)
		if err == nil || !bytes.HasPrefix(msg, Magic[:]) {
			return i, pt, err
		}
		if j, pt, err2 := compat.DecryptAny(keys, msg); err2 == nil {
			return j, pt, nil
		}
		return i, pt, err
	}
	if j, pt, err2 := compat.DecryptAny(keys, msg); err2 == nil {
		return j, pt, nil
	}
	if err != nil {
		return -1, nil, err
	}
	return -1, nil, api.Errorf(api.CodeBadEnvelope, "envelope: got a version %d message where a compat (version 1) message was expected", uint8(v))
}

// v2Header checks msg's frame and type and returns the rest after them.
func v2Header(msg []byte, typ byte, what string) ([]byte, error) {
	v, _, err := Unframe(msg)
	if err != nil {
		return nil, err
	}
	if v != VersionV2 {
		return nil, api.Errorf(api.CodeBadEnvelope, "envelope: %s: got a %s message, want a framed v2 message", what, v)
	}
	if len(msg) < HeaderSize+1 {
		return nil, api.Errorf(api.CodeBadEnvelope, "envelope: %s: truncated v2 message (%d bytes)", what, len(msg))
	}
	if msg[HeaderSize] != typ {
		return nil, api.Errorf(api.CodeBadEnvelope, "envelope: %s: message type %d, want %d", what, msg[HeaderSize], typ)
	}
	return msg[HeaderSize+1:], nil
}

func v2Prefix(typ byte, extra int) []byte {
	out := make([]byte, 0, HeaderSize+1+extra)
	out = append(out, Magic[:]...)
	return append(out, byte(VersionV2), typ)
}
