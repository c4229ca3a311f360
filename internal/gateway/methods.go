package gateway

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"github.com/enigma-go/enigma/internal/workerapi"
	"io"
	"strings"

	"github.com/enigma-go/enigma/api"
)

// The compat AES-GCM layout is ciphertext||tag(16)||iv(12): anything
// shorter cannot be an encrypted message.
const minCiphertextLen = 28

// nested wraps a reply the way enigma-js 0.3.0 reads it (see the package
// comment).
type nested struct {
	Result any `json:"result"`
}

func decodeParams(raw json.RawMessage, into any) error {
	raw = json.RawMessage(bytes.TrimSpace(raw))
	if len(raw) == 0 || raw[0] != '{' {
		return invalidParams("params must be an object with named members, as enigma-js sends them")
	}
	if err := json.Unmarshal(raw, into); err != nil {
		return invalidParams("cannot read params: %v", err)
	}
	return nil
}

// hexField decodes a hex parameter (with or without 0x). want is the exact
// byte length, or -1 for any length of at least min bytes.
func hexField(name, s string, want, min int) ([]byte, error) {
	if s == "" {
		return nil, invalidParams("missing parameter %q", name)
	}
	s = strings.TrimPrefix(strings.TrimPrefix(s, "0x"), "0X")
	b, err := hex.DecodeString(s)
	if err != nil {
		return nil, invalidParams("parameter %q is not hex: %v", name, err)
	}
	if want >= 0 && len(b) != want {
		return nil, invalidParams("parameter %q must be %d bytes (%d hex digits), got %d bytes", name, want, 2*want, len(b))
	}
	if len(b) < min {
		return nil, invalidParams("parameter %q is %d bytes, too short for an encrypted message (at least %d)", name, len(b), min)
	}
	return b, nil
}

func hashField(name, s string) (api.Hash, error) {
	b, err := hexField(name, s, 32, 0)
	if err != nil {
		return api.Hash{}, err
	}
	return api.Hash(b), nil
}

func addressField(name, s string) (api.EthAddress, error) {
	b, err := hexField(name, s, 20, 0)
	if err != nil {
		return api.EthAddress{}, err
	}
	return api.EthAddress(b), nil
}

func pubKeyField(name, s string) ([64]byte, error) {
	b, err := hexField(name, s, 64, 0)
	if err != nil {
		return [64]byte{}, err
	}
	return [64]byte(b), nil
}

func (s *Server) getInfo(ctx context.Context, _ json.RawMessage) (any, error) {
	return s.backend.Info(ctx)
}

func (s *Server) getWorkerEncryptionKey(ctx context.Context, raw json.RawMessage) (any, error) {
	var p struct {
		WorkerAddress string `json:"workerAddress"`
		UserPubKey    string `json:"userPubKey"`
	}
	if err := decodeParams(raw, &p); err != nil {
		return nil, err
	}
	worker, err := addressField("workerAddress", p.WorkerAddress)
	if err != nil {
		return nil, err
	}
	userPub, err := pubKeyField("userPubKey", p.UserPubKey)
	if err != nil {
		return nil, err
	}
	key, err := s.backend.WorkerEncryptionKey(ctx, worker, userPub)
	if err != nil {
		return nil, err
	}
	return nested{Result: map[string]string{
		"workerEncryptionKey": hex.EncodeToString(key.PublicKey[:]),
		"workerSig":           hex.EncodeToString(key.Signature),
	}}, nil
}

// taskInputs holds the members deploySecretContract and sendTaskInput share.
type taskInputs struct {
	TaskID          string `json:"taskId"`
	WorkerAddress   string `json:"workerAddress"`
	EncryptedFn     string `json:"encryptedFn"`
	EncryptedArgs   string `json:"encryptedArgs"`
	ContractAddress string `json:"contractAddress"`
	UserDHKey       string `json:"userDHKey"`
	PreCode         string `json:"preCode"`
}

type parsedInputs struct {
	worker        api.EthAddress
	contract      api.Hash
	encryptedFn   []byte
	encryptedArgs []byte
	userPub       [64]byte
}

func (p *taskInputs) parse() (parsedInputs, error) {
	var out parsedInputs
	var err error
	if out.worker, err = addressField("workerAddress", p.WorkerAddress); err != nil {
		return out, err
	}
	if out.contract, err = hashField("contractAddress", p.ContractAddress); err != nil {
		return out, err
	}
	if out.encryptedFn, err = hexField("encryptedFn", p.EncryptedFn, -1, minCiphertextLen); err != nil {
		return out, err
	}
	if out.encryptedArgs, err = hexField("encryptedArgs", p.EncryptedArgs, -1, minCiphertextLen); err != nil {
		return out, err
	}
	if out.userPub, err = pubKeyField("userDHKey", p.UserDHKey); err != nil {
		return out, err
	}
	return out, nil
}

func (s *Server) deploySecretContract(ctx context.Context, raw json.RawMessage) (any, error) {
	var p taskInputs
	if err := decodeParams(raw, &p); err != nil {
		return nil, err
	}
	in, err := p.parse()
	if err != nil {
		return nil, err
	}
	code, err := s.gunzipPreCode(p.PreCode)
	if err != nil {
		return nil, err
	}
	err = s.backend.SubmitDeploy(ctx, &workerapi.DeployRequest{
		ContractAddress: in.contract, Worker: in.worker, PreCode: code,
		EncryptedFn: in.encryptedFn, EncryptedArgs: in.encryptedArgs, UserPubKey: in.userPub,
	})
	if err != nil {
		return nil, err
	}
	return map[string]bool{"sendTaskResult": true}, nil
}

// gunzipPreCode decodes base64(gzip(wasm)) with a bound on the inflated
// size, so a gzip bomb costs the gateway nothing.
func (s *Server) gunzipPreCode(b64 string) ([]byte, error) {
	if b64 == "" {
		return nil, invalidParams(`missing parameter "preCode" (base64 of the gzipped wasm)`)
	}
	gz, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		return nil, invalidParams(`parameter "preCode" is not base64: %v`, err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, invalidParams(`parameter "preCode" is not gzip data: %v`, err)
	}
	code, err := io.ReadAll(io.LimitReader(zr, s.cfg.MaxPreCodeBytes+1))
	if err != nil {
		return nil, invalidParams(`parameter "preCode" does not gunzip: %v`, err)
	}
	if int64(len(code)) > s.cfg.MaxPreCodeBytes {
		return nil, invalidParams(`parameter "preCode" inflates beyond the limit of %d bytes`, s.cfg.MaxPreCodeBytes)
	}
	if len(code) == 0 {
		return nil, invalidParams(`parameter "preCode" is empty`)
	}
	return code, nil
}

func (s *Server) sendTaskInput(ctx context.Context, raw json.RawMessage) (any, error) {
	var p taskInputs
	if err := decodeParams(raw, &p); err != nil {
		return nil, err
	}
	taskID, err := hashField("taskId", p.TaskID)
	if err != nil {
		return nil, err
	}
	in, err := p.parse()
	if err != nil {
		return nil, err
	}
	err = s.backend.SubmitCompute(ctx, &workerapi.ComputeRequest{
		TaskID: taskID, Worker: in.worker, ContractAddress: in.contract,
		EncryptedFn: in.encryptedFn, EncryptedArgs: in.encryptedArgs, UserPubKey: in.userPub,
	})
	if err != nil {
		return nil, err
	}
	return map[string]bool{"sendTaskResult": true}, nil
}

func (s *Server) taskResult(ctx context.Context, raw json.RawMessage) (*workerapi.TaskResult, api.TaskID, error) {
	var p struct {
		TaskID string `json:"taskId"`
	}
	if err := decodeParams(raw, &p); err != nil {
		return nil, api.TaskID{}, err
	}
	id, err := hashField("taskId", p.TaskID)
	if err != nil {
		return nil, id, err
	}
	r, err := s.backend.TaskResult(ctx, id)
	if err != nil {
		// A well-formed request must get a result: enigma-js throws on an
		// error here. The task is simply not known to be anywhere yet.
		if errors.Is(err, context.Canceled) {
			return nil, id, err
		}
		s.log.Warn("task result lookup failed; answering UNVERIFIED", "task", id.Hex(), "err", err)
		return nil, id, nil
	}
	return r, id, nil
}

func (s *Server) getTaskStatus(ctx context.Context, raw json.RawMessage) (any, error) {
	var p struct {
		WithResult bool `json:"withResult"`
	}
	if err := decodeParams(raw, &p); err != nil {
		return nil, err
	}
	r, _, err := s.taskResult(ctx, raw)
	if err != nil {
		return nil, err
	}
	out := map[string]any{"status": api.StatusUnverified}
	if r != nil {
		out["status"] = r.Status
		if p.WithResult && r.Status.Final() {
			out["output"] = hex.EncodeToString(r.Output)
		}
	}
	return nested{Result: out}, nil
}

func (s *Server) getTaskResult(ctx context.Context, raw json.RawMessage) (any, error) {
	r, id, err := s.taskResult(ctx, raw)
	if err != nil {
		return nil, err
	}
	if r == nil {
		return nested{Result: map[string]any{"taskId": id.Hex(), "status": api.StatusUnverified}}, nil
	}
	return nested{Result: resultJSON(r)}, nil
}

func resultJSON(r *workerapi.TaskResult) map[string]any {
	out := map[string]any{"taskId": r.TaskID.Hex(), "status": r.Status}
	if !r.Status.Final() {
		return out
	}
	out["output"] = hex.EncodeToString(r.Output)
	out["usedGas"] = r.UsedGas
	out["signature"] = hex.EncodeToString(r.Signature)
	if r.Status == api.StatusSuccess {
		out["ethereumPayload"] = hex.EncodeToString(r.EthereumPayload)
		out["ethereumAddress"] = r.EthereumAddress.Hex()
		if r.Delta != nil {
			out["delta"] = map[string]any{"key": r.Delta.Index, "hash": r.Delta.Hash.Hex(), "data": hex.EncodeToString(r.Delta.Data)}
		}
		if !r.PreCodeHash.IsZero() {
			out["preCodeHash"] = r.PreCodeHash.Hex()
		}
	}
	return out
}
