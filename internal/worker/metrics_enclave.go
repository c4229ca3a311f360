package worker

import (
	"context"
	"time"

	"github.com/enigma-go/enigma/internal/enclave"
)

// meteredEnclave times every call into the worker's enclave and reads the
// gas and time of each execution from its response.
type meteredEnclave struct {
	e enclave.Enclave
	m *Metrics
}

func (m *Metrics) wrapEnclave(e enclave.Enclave) enclave.Enclave {
	return &meteredEnclave{e: e, m: m}
}

// done records a call of method that started at start.
func (x *meteredEnclave) done(method int, start time.Time, err error) {
	x.m.enclave[method].Observe(time.Since(start).Seconds())
	if err != nil {
		x.m.encErrors[method].Inc()
	}
}

func (x *meteredEnclave) Registration(ctx context.Context, req *enclave.RegistrationRequest) (r *enclave.RegistrationReport, err error) {
	defer func(t time.Time) { x.done(encRegistration, t, err) }(time.Now())
	return x.e.Registration(ctx, req)
}

func (x *meteredEnclave) Seal(ctx context.Context, req *enclave.SealRequest) (r *enclave.SealedState, err error) {
	defer func(t time.Time) { x.done(encSeal, t, err) }(time.Now())
	return x.e.Seal(ctx, req)
}

func (x *meteredEnclave) PeerIdentity(ctx context.Context, req *enclave.PeerIdentityRequest) (r *enclave.PeerIdentityResponse, err error) {
	defer func(t time.Time) { x.done(encPeerIdentity, t, err) }(time.Now())
	return x.e.PeerIdentity(ctx, req)
}

func (x *meteredEnclave) NewTaskKey(ctx context.Context, req *enclave.TaskKeyRequest) (r *enclave.TaskKeyResponse, err error) {
	defer func(t time.Time) { x.done(encNewTaskKey, t, err) }(time.Now())
	return x.e.NewTaskKey(ctx, req)
}

func (x *meteredEnclave) EpochKey(ctx context.Context, req *enclave.EpochKeyRequest) (r *enclave.EpochKeyResponse, err error) {
	defer func(t time.Time) { x.done(encEpochKey, t, err) }(time.Now())
	return x.e.EpochKey(ctx, req)
}

func (x *meteredEnclave) HoldTask(ctx context.Context, req *enclave.HoldTaskRequest) (r *enclave.HeldTask, err error) {
	defer func(t time.Time) { x.done(encHoldTask, t, err) }(time.Now())
	return x.e.HoldTask(ctx, req)
}

func (x *meteredEnclave) RestoreKeys(ctx context.Context, req *enclave.RestoreKeysRequest) (r *enclave.RestoreKeysResponse, err error) {
	defer func(t time.Time) { x.done(encRestoreKeys, t, err) }(time.Now())
	return x.e.RestoreKeys(ctx, req)
}

// Execute also records the execution's gas and time by the task's kind.
func (x *meteredEnclave) Execute(ctx context.Context, req *enclave.ExecuteRequest) (*enclave.ExecuteResponse, error) {
	start := time.Now()
	r, err := x.e.Execute(ctx, req)
	took := time.Since(start)
	x.done(encExecute, start, err)
	if err == nil && r != nil {
		k := kindOf(req.Kind)
		x.m.gas[k].Observe(float64(r.GasUsed))
		x.m.execTime[k].Observe(took.Seconds())
	}
	return r, err
}

func (x *meteredEnclave) SignBatch(ctx context.Context, req *enclave.SignBatchRequest) (r *enclave.SignedBatch, err error) {
	defer func(t time.Time) { x.done(encSignBatch, t, err) }(time.Now())
	return x.e.SignBatch(ctx, req)
}

func (x *meteredEnclave) VoidBatch(ctx context.Context, req *enclave.VoidBatchRequest) (r *enclave.VoidBatchResponse, err error) {
	defer func(t time.Time) { x.done(encVoidBatch, t, err) }(time.Now())
	return x.e.VoidBatch(ctx, req)
}

func (x *meteredEnclave) StateKeysRequest(ctx context.Context, req *enclave.NewStateKeysRequest) (r *enclave.StateKeysRequest, err error) {
	defer func(t time.Time) { x.done(encStateKeysRequest, t, err) }(time.Now())
	return x.e.StateKeysRequest(ctx, req)
}

func (x *meteredEnclave) InstallStateKeys(ctx context.Context, reply *enclave.StateKeysReply) (r *enclave.InstallStateKeysResponse, err error) {
	defer func(t time.Time) { x.done(encInstallStateKeys, t, err) }(time.Now())
	return x.e.InstallStateKeys(ctx, reply)
}

func (x *meteredEnclave) CheckState(ctx context.Context, req *enclave.CheckStateRequest) (r *enclave.CheckStateResponse, err error) {
	defer func(t time.Time) { x.done(encCheckState, t, err) }(time.Now())
	return x.e.CheckState(ctx, req)
}

func (x *meteredEnclave) Query(ctx context.Context, req *enclave.QueryRequest) (r *enclave.QueryResponse, err error) {
	defer func(t time.Time) { x.done(encQuery, t, err) }(time.Now())
	return x.e.Query(ctx, req)
}
