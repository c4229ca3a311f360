package enclave

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/enigma-go/enigma/api"
)

// sampleMessages has one filled-in message of every type.
func sampleMessages() map[MessageType]Message {
	h := func(b byte) api.Hash { return api.Hash{b, 1, 2, 3} }
	return map[MessageType]Message{
		TypeRegistrationRequest: &RegistrationRequest{Custodian: api.EthAddress{4}, ChainID: 1337, EnigmaContract: api.EthAddress{5}},
		TypeSealRequest:         &SealRequest{},
		TypeTaskKeyRequest:      &TaskKeyRequest{UserPubKey: PublicKey{9}, Epoch: 42, Requester: [32]byte{7}},
		TypeExecuteRequest: &ExecuteRequest{Kind: KindCompute, Envelope: EnvelopeCompat, TaskID: h(1), Contract: h(2),
			Code: []byte("\x00asm"), UserPubKey: PublicKey{3}, EncryptedFn: []byte{1, 2}, EncryptedArgs: []byte{3},
			InputsHash: h(4), GasLimit: 1e6, BlockNumber: 7, BlockTime: -5, Epoch: 5, PrevDeltaHash: h(5), State: []byte{8},
			ChainID: 1337, EnigmaContract: api.EthAddress{1}, Sender: api.EthAddress{2}, TaskNonce: 9,
			Batched: true, GasPx: 3, UserSignature: Signature{7}, Held: []byte{6}},
		TypeHoldTaskRequest: &HoldTaskRequest{Task: ExecuteRequest{Kind: KindDeploy, Envelope: EnvelopeV2, TaskID: h(1), Contract: h(1),
			EncryptedFn: []byte{1, 2}, InputsHash: h(4), Epoch: 5, ChainID: 1337, EnigmaContract: api.EthAddress{1}, Sender: api.EthAddress{2}, TaskNonce: 9},
			CodeHash: h(3)},
		TypeHeldTask:            &HeldTask{Blob: []byte{1, 2, 3}, ConsumedKey: h(8), ConsumedKeyEpoch: 5},
		TypeRestoreKeysRequest:  &RestoreKeysRequest{Blobs: [][]byte{{1, 2}, {3}}},
		TypeRestoreKeysResponse: &RestoreKeysResponse{Restored: 2, Refused: 1},
		TypeNewStateKeysRequest: &NewStateKeysRequest{EpochSeed: [32]byte{3}, Contracts: []api.Hash{h(1), h(2)}},
		TypeStateKeysReply:      &StateKeysReply{RequestID: [16]byte{1}, RequestHash: h(3), EphemeralKey: PublicKey{4}, Ciphertext: []byte{5}, Signature: Signature{6}},
		TypeNewEpochRequest:     &NewEpochRequest{BlockNumber: 10, Nonce: [32]byte{31: 1}, Workers: []api.EthAddress{{1}, {2}}, Stakes: [][32]byte{{31: 5}, {31: 6}}},
		TypeStateKeysRequest:    &StateKeysRequest{RequestID: [16]byte{2}, EpochSeed: [32]byte{9}, Contracts: []api.Hash{h(7)}, EphemeralKey: PublicKey{1}, Signature: Signature{2}},
		TypeRegistrationReport:  &RegistrationReport{SigningAddress: api.EthAddress{1}, SigningKey: PublicKey{2}, Report: []byte("ENGSIMR2")},
		TypeSealedState:         &SealedState{Blob: []byte{1, 2, 3}},
		TypeTaskKeyResponse:     &TaskKeyResponse{WorkerPubKey: PublicKey{1}, Signature: Signature{2}, Sealed: []byte{3}},
		TypeExecuteResponse: &ExecuteResponse{TaskID: h(1), Kind: KindDeploy, Status: TaskFailure, FailureCode: 1301, Output: []byte{1},
			OutputHash: h(2), InputsHash: h(3), PreCodeHash: h(4), CodeHash: h(5), PrevDeltaHash: h(6), DeltaHash: h(7), DeltaIndex: 3,
			Delta: []byte{4}, State: []byte{5}, GasLimit: 10, GasUsed: 9, EthPayload: []byte{6}, EthAddress: api.EthAddress{7}, Signature: Signature{8}},
		TypeStateKeysRequestResp: &StateKeysRequest{EpochSeed: [32]byte{1}},
		TypeInstallStateKeysResp: &InstallStateKeysResponse{Contracts: []api.Hash{h(9)}},
		TypeNewEpochResponse:     &NewEpochResponse{Seed: [32]byte{1}, Signature: Signature{2}},
		TypeStateKeysReplyResp:   &StateKeysReply{Ciphertext: []byte{1}},
		TypeError:                &ErrorResponse{Code: 1102, Message: "replayed"},
		TypeConfirmEpochRequest:  &ConfirmEpochRequest{Nonce: [32]byte{31: 3}, Seed: [32]byte{4}, FirstBlock: 77},
		TypeConfirmEpochResponse: &ConfirmEpochResponse{},
		TypeEpochKeyRequest:      &EpochKeyRequest{Epoch: 3, ChainID: 1337, EnigmaContract: api.EthAddress{5}},
		TypeEpochKeyResponse:     &EpochKeyResponse{Epoch: 3, PublicKey: []byte{1, 2}, Signature: Signature{4}, Sealed: []byte{5}},
		TypeSignBatchRequest:     &SignBatchRequest{Contract: h(1), EpochFirstBlock: 100, BatchIndex: 2, ChainID: 1337, EnigmaContract: api.EthAddress{9}},
		TypeCheckStateRequest:    &CheckStateRequest{Contract: h(1), CodeHash: h(2), DeltaIndex: 4, DeltaHash: h(3), State: []byte{5, 6}},
		TypeCheckStateResponse:   &CheckStateResponse{},
		TypePeerIdentityRequest:  &PeerIdentityRequest{ChainID: 1337, EnigmaContract: api.EthAddress{5}, Nonce: [32]byte{7}, Transport: []byte("http://127.0.0.1:3401")},
		TypePeerIdentityResponse: &PeerIdentityResponse{Signer: api.EthAddress{1}, Signature: Signature{2}},
		TypeSignedBatch: &SignedBatch{Contract: h(1), EpochFirstBlock: 100, BatchIndex: 2, PrevDeltaHash: h(2), NewDeltaHash: h(3), Root: h(4),
			TaskCount: 2, GasUsed: 50, Users: []api.EthAddress{{1}}, Fees: [][32]byte{{31: 9}}, TaskIDs: []api.Hash{h(5), h(6)}, Signature: Signature{1},
			DeltaIndex: 7, Delta: []byte{8, 9}, State: []byte{10}},
		TypeVoidBatchRequest:  &VoidBatchRequest{Contract: h(1), BatchIndex: 3},
		TypeVoidBatchResponse: &VoidBatchResponse{Reopened: 4, Dropped: 2},
		TypeQueryRequest: &QueryRequest{Contract: h(1), Code: []byte("\x00asm"), State: []byte{2}, ChainID: 1337, EnigmaContract: api.EthAddress{3},
			Epoch: 100, Caller: api.EthAddress{4}, Nonce: 1 << 60, Request: []byte{5, 6}, Expiry: 1_700_000_300, Signature: Signature{7},
			GasLimit: 1e7, Now: 1_700_000_000},
		TypeQueryResponse: &QueryResponse{Status: TaskFailure, FailureCode: 1306, Response: []byte{8}, GasUsed: 12},
	}
}

func TestRoundTripEveryMessage(t *testing.T) {
	for typ, m := range sampleMessages() {
		frame := Marshal(typ, m)
		gt, got, err := Unmarshal(frame)
		if err != nil {
			t.Fatalf("type 0x%02x: %v", uint8(typ), err)
		}
		if gt != typ || !reflect.DeepEqual(got, m) {
			t.Fatalf("type 0x%02x: round trip gave %#v, want %#v", uint8(typ), got, m)
		}
		if again := Marshal(gt, got); !bytes.Equal(again, frame) {
			t.Fatalf("type 0x%02x: encoding is not deterministic", uint8(typ))
		}
		// Every strict prefix of a frame is refused, never accepted or panicking.
		for n := 0; n < len(frame); n++ {
			if _, _, err := Unmarshal(frame[:n]); err == nil && n >= frameHeaderSize && len(frame) > frameHeaderSize {
				t.Fatalf("type 0x%02x: truncated frame of %d/%d bytes accepted", uint8(typ), n, len(frame))
			}
		}
		if _, _, err := Unmarshal(append(frame, 0)); api.CodeOf(err) != api.CodeInvalidInput {
			t.Fatalf("type 0x%02x: trailing byte: %v", uint8(typ), err)
		}
	}
}

func TestUnmarshalRefusesOtherVersionsAndTypes(t *testing.T) {
	frame := Marshal(TypeSealRequest, &SealRequest{})
	bad := append([]byte(nil), frame...)
	bad[5] = byte(ProtocolVersion + 1)
	if _, _, err := Unmarshal(bad); api.CodeOf(err) != api.CodeBadEnvelope {
		t.Fatalf("frame of the next version: %v", err)
	}
	bad = append([]byte(nil), frame...)
	bad[6] = 0x42
	if _, _, err := Unmarshal(bad); api.CodeOf(err) != api.CodeBadEnvelope {
		t.Fatalf("unknown type: %v", err)
	}
	if _, _, err := Unmarshal([]byte("EGEX\x00\x01\x02")); api.CodeOf(err) != api.CodeBadEnvelope {
		t.Fatalf("bad magic: %v", err)
	}
	// A count announcing more items than the frame holds must not allocate them.
	huge := append(Marshal(TypeNewStateKeysRequest, &NewStateKeysRequest{})[:frameHeaderSize+32], 0xff, 0xff, 0xff, 0xff)
	if _, _, err := Unmarshal(huge); api.CodeOf(err) != api.CodeInvalidInput {
		t.Fatalf("forged count: %v", err)
	}
}

func TestHandlerErrorsKeepTheirCode(t *testing.T) {
	c := Loopback(nil, nil)
	_, err := c.Execute(context.Background(), &ExecuteRequest{})
	if api.CodeOf(err) != api.CodeUnavailable {
		t.Fatalf("missing role: %v", err)
	}
	h := &Handler{}
	out := h.Handle(context.Background(), Marshal(TypeTaskKeyResponse, &TaskKeyResponse{}))
	_, m, err := Unmarshal(out)
	if err != nil || api.Code(m.(*ErrorResponse).Code) != api.CodeInvalidInput {
		t.Fatalf("response sent as request: %v %#v", err, m)
	}
	if !errors.Is(&api.Error{Code: api.CodeReplay, Message: "x"}, api.Sentinel(api.CodeReplay)) {
		t.Fatal("sentinel")
	}
}

func TestContractKeysRoundTrip(t *testing.T) {
	keys := []ContractKey{{Contract: api.Hash{1}, Key: [32]byte{2}}, {Contract: api.Hash{3}, Key: [32]byte{4}}}
	got, err := DecodeContractKeys(EncodeContractKeys(keys))
	if err != nil || !reflect.DeepEqual(got, keys) {
		t.Fatalf("got %v %v", got, err)
	}
	if _, err := DecodeContractKeys(EncodeContractKeys(keys)[:70]); err == nil {
		t.Fatal("truncated key list accepted")
	}
}

func FuzzUnmarshal(f *testing.F) {
	for typ, m := range sampleMessages() {
		f.Add(Marshal(typ, m))
	}
	f.Fuzz(func(t *testing.T, frame []byte) {
		typ, m, err := Unmarshal(frame)
		if err != nil {
			if api.CodeOf(err) == api.CodeUnknown {
				t.Fatalf("uncoded error: %v", err)
			}
			return
		}
		// Whatever decodes re-encodes to the same bytes: one encoding per message.
		if again := Marshal(typ, m); !bytes.Equal(again, frame) {
			t.Fatalf("non-canonical frame accepted:\n in %x\nout %x", frame, again)
		}
	})
}

func FuzzHandle(f *testing.F) {
	for typ, m := range sampleMessages() {
		f.Add(Marshal(typ, m))
	}
	f.Fuzz(func(t *testing.T, frame []byte) {
		h := &Handler{}
		if _, _, err := Unmarshal(h.Handle(context.Background(), frame)); err != nil {
			t.Fatalf("handler produced an undecodable frame: %v", err)
		}
	})
}
