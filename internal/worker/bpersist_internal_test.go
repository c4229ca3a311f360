package worker

import (
	"crypto/rand"
	"math/big"
	"testing"
	"time"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/envelope"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/state"
	"github.com/enigma-go/enigma/internal/workerapi"
)

// A batched task's pending record decodes to the task that was stored,
// and is told apart from the per-task path's records.
func TestBatchedPendingRecord(t *testing.T) {
	ring, err := envelope.NewKeyRing(envelope.DefaultKeyRingConfig(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	pub, err := ring.Rotate(77)
	if err != nil {
		t.Fatal(err)
	}
	msg, _, err := envelope.SealRequest(pub, envelope.Context{Epoch: 77}, []byte("call"), envelope.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sender := api.EthAddress{7}
	in := &btask{epoch: 77, seq: 9, accepted: time.Unix(0, 123456789), req: workerapi.BatchedRequest{
		TaskID: enclave.BatchedTaskID(sender, 5), ContractAddress: api.Hash{3}, Request: msg, Sender: sender, TaskNonce: 5,
		GasLimit: 1000, GasPx: 3, Signature: [65]byte{1, 2, 3}}}
	data := encodeBatched(in)
	if !isBatchedRecord(data) || isBatchedRecord(encodeJob(&job{})) {
		t.Fatal("batched and per-task records are not told apart")
	}
	out, err := decodeBatched(state.PendingTask{TaskID: in.req.TaskID, Contract: in.req.ContractAddress, Seq: 9, Data: data})
	if err != nil {
		t.Fatal(err)
	}
	if out.req.TaskID != in.req.TaskID || out.req.Sender != sender || out.req.TaskNonce != 5 || out.req.GasLimit != 1000 || out.req.GasPx != 3 ||
		out.req.Signature != in.req.Signature || string(out.req.Request) != string(msg) || out.epoch != 77 || out.seq != 9 ||
		!out.accepted.Equal(in.accepted) || out.maxFee.Cmp(big.NewInt(3000)) != 0 || out.inputs != envelope.InputsHash(msg) {
		t.Fatalf("decoded %+v", out)
	}
	if e, err := requestEpoch(msg); err != nil || e != 77 {
		t.Fatalf("request epoch %d, %v", e, err)
	}
	if _, err := requestEpoch([]byte("not a request")); api.CodeOf(err) != api.CodeBadEnvelope {
		t.Fatalf("a request that is not v2: %v", err)
	}
	if _, err := decodeBatched(state.PendingTask{TaskID: api.Hash{1}, Contract: in.req.ContractAddress, Data: data}); err == nil {
		t.Fatal("a record stored under another task id decoded")
	}
	if _, err := decodeBatched(state.PendingTask{TaskID: in.req.TaskID, Data: data[:len(data)-1]}); err == nil {
		t.Fatal("a truncated record decoded")
	}
}
