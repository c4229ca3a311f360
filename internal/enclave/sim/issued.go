package sim

import (
	"context"
	"encoding/binary"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/enclave"
)

// An issued key (NewTaskKey's compat task key, EpochKey's v2 epoch key) is
// sealed to the enclave when it is issued, so the host can store it before
// it hands the key out and give it back after a restart (RestoreKeys):
//
//	"EGIKEY1" ‖ u8 kind ‖ u64 epoch ‖ AES-256-GCM(sealKey, body, aad = "enigma-go/enclave: issued key v1" ‖ signer(20) ‖ u8 kind ‖ u64 epoch)
//
// body, by kind: 1 (compat) id(32) ‖ userKey(64) ‖ requester(32) ‖ aes(32);
// 2 (v2) the epoch key's seed (bytes). Kind and epoch are in the clear so
// the host can read them; the associated data binds them.
const (
	issuedMagic  = "EGIKEY1"
	issuedDomain = "enigma-go/enclave: issued key v1"

	issuedCompat uint8 = 1
	issuedEpoch  uint8 = 2

	issuedHeader = len(issuedMagic) + 1 + 8
)

func (w *Worker) issuedAAD(kind uint8, epoch uint64) []byte {
	return buf(issuedDomain).raw(w.address[:]).u8(kind).u64(epoch)
}

// sealIssued seals an issued key's body.
func (w *Worker) sealIssued(kind uint8, epoch uint64, body []byte) ([]byte, error) {
	ct, err := seal(w.sealKey, w.issuedAAD(kind, epoch), body, w.cfg.rand())
	if err != nil {
		return nil, api.Errorf(api.CodeUnknown, "sim: seal the issued key: %w", err)
	}
	return buf(issuedMagic).u8(kind).u64(epoch).raw(ct), nil
}

// sealTaskKey seals a compat task key.
func (w *Worker) sealTaskKey(user enclave.PublicKey, k taskKey) ([]byte, error) {
	body := buf(nil).raw(k.id[:]).raw(user[:]).raw(k.requester[:]).raw(k.aes[:])
	defer clear(body)
	return w.sealIssued(issuedCompat, k.epoch, body)
}

// sealEpochKey seals the v2 key of epoch, which the ring holds; the
// caller holds ringMu.
func (w *Worker) sealEpochKey(epoch uint64) ([]byte, error) {
	seed, err := w.ring.Seed(epoch)
	if err != nil {
		return nil, err
	}
	body := buf(nil).bytes(seed)
	clear(seed)
	defer clear(body)
	return w.sealIssued(issuedEpoch, epoch, body)
}

// RestoreKeys implements enclave.Enclave.
func (w *Worker) RestoreKeys(ctx context.Context, req *enclave.RestoreKeysRequest) (*enclave.RestoreKeysResponse, error) {
	log := w.cfg.logger()
	resp := &enclave.RestoreKeysResponse{}
	for i, b := range req.Blobs {
		if why := w.restoreOne(b); why != "" {
			resp.Refused++
			log.Warn("refused an issued key blob", "index", i, "reason", why)
			continue
		}
		resp.Restored++
	}
	log.Info("issued keys restored", "restored", resp.Restored, "refused", resp.Refused)
	return resp, nil
}

// restoreOne restores one blob; it returns why it refused it, or "".
func (w *Worker) restoreOne(b []byte) string {
	if len(b) < issuedHeader || string(b[:len(issuedMagic)]) != issuedMagic {
		return "not an issued key blob (bad magic or too short)"
	}
	kind := b[len(issuedMagic)]
	epoch := binary.BigEndian.Uint64(b[len(issuedMagic)+1:])
	body, ok := open(w.sealKey, w.issuedAAD(kind, epoch), b[issuedHeader:])
	if !ok {
		return "does not open on this enclave: another enclave's blob, or altered"
	}
	defer clear(body)
	r := &reader{b: body}
	switch kind {
	case issuedCompat:
		var user enclave.PublicKey
		k := taskKey{epoch: epoch}
		r.raw(k.id[:])
		r.raw(user[:])
		r.raw(k.requester[:])
		r.raw(k.aes[:])
		if !r.done() {
			return "malformed compat key"
		}
		ok := w.keys.restore(user, k)
		clear(k.aes[:])
		if !ok {
			return "compat key of an epoch older than the key window, or already held"
		}
		return ""
	case issuedEpoch:
		seed := r.bytes()
		if !r.done() {
			return "malformed epoch key"
		}
		w.ringMu.Lock()
		err := w.ring.Restore(epoch, seed)
		w.ringMu.Unlock()
		clear(seed)
		if err != nil {
			return err.Error()
		}
		return ""
	}
	return "unknown kind of issued key"
}
