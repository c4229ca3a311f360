package workerhttp

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"github.com/enigma-go/enigma/internal/workerapi"
	"io"
	"net/http"
	"strings"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/state"
	"github.com/enigma-go/enigma/internal/worker"
)

// Client is a worker.Node served by a worker process at a URL. It is safe
// for concurrent use.
type Client struct {
	url    string
	signer api.EthAddress
	cfg    Config
	hc     *http.Client
}

var _ worker.Node = (*Client)(nil)

// Dial asks the worker at url (e.g. http://127.0.0.1:3401) for its signing
// address and returns a Client of it. It fails with api.CodeUnavailable when
// the worker does not answer.
func Dial(ctx context.Context, url string, cfg Config) (*Client, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	c := &Client{url: strings.TrimRight(url, "/"), cfg: cfg, hc: &http.Client{Timeout: cfg.ClientTimeout}}
	var info infoReply
	if err := c.do(ctx, http.MethodGet, pathInfo, nil, &info); err != nil {
		return nil, err
	}
	if info.Signer == (api.EthAddress{}) {
		return nil, api.Errorf(api.CodeUnavailable, "workerhttp: %s answered without a signing address: is it a worker node?", c.url)
	}
	c.signer = info.Signer
	return c, nil
}

// URL is the worker's base URL.
func (c *Client) URL() string { return c.url }

// Signer implements worker.Node.
func (c *Client) Signer() api.EthAddress { return c.signer }

// TaskKey implements worker.Node.
func (c *Client) TaskKey(ctx context.Context, userPubKey [64]byte, requester [32]byte) (workerapi.WorkerKey, error) {
	var r taskKeyReply
	if err := c.do(ctx, http.MethodPost, pathTaskKey, &taskKeyRequest{UserPubKey: userPubKey[:], Requester: requester[:]}, &r); err != nil {
		return workerapi.WorkerKey{}, err
	}
	pub, err := bytes64(r.PublicKey, "the worker's task key")
	if err != nil {
		return workerapi.WorkerKey{}, err
	}
	return workerapi.WorkerKey{PublicKey: pub, Signature: r.Signature}, nil
}

// EpochKey implements worker.Node.
func (c *Client) EpochKey(ctx context.Context) (workerapi.EpochKey, error) {
	var r workerapi.EpochKey
	err := c.do(ctx, http.MethodPost, pathEpochKey, &empty{}, &r)
	return r, err
}

// SubmitDeploy implements worker.Node.
func (c *Client) SubmitDeploy(ctx context.Context, req *workerapi.DeployRequest) error {
	return c.do(ctx, http.MethodPost, pathDeploy, &deployWire{DeployRequest: *req, UserPubKey: req.UserPubKey[:]}, &empty{})
}

// SubmitCompute implements worker.Node.
func (c *Client) SubmitCompute(ctx context.Context, req *workerapi.ComputeRequest) error {
	return c.do(ctx, http.MethodPost, pathCompute, &computeWire{ComputeRequest: *req, UserPubKey: req.UserPubKey[:]}, &empty{})
}

// SubmitV2 implements worker.Node.
func (c *Client) SubmitV2(ctx context.Context, req *workerapi.V2Request) error {
	return c.do(ctx, http.MethodPost, pathV2, req, &empty{})
}

// TaskResult implements worker.Node.
func (c *Client) TaskResult(ctx context.Context, id api.TaskID) (*workerapi.TaskResult, error) {
	var r taskResultReply
	if err := c.do(ctx, http.MethodPost, pathTaskResult, &taskResultRequest{TaskID: id}, &r); err != nil {
		return nil, err
	}
	return r.Result, nil
}

// ExportState implements worker.Node.
func (c *Client) ExportState(ctx context.Context, contract api.ContractAddress, from uint32) (*worker.StateExport, error) {
	var r exportReply
	if err := c.do(ctx, http.MethodPost, pathExportState, &exportRequest{Contract: contract, From: from}, &r); err != nil {
		return nil, err
	}
	if r.State == nil {
		return nil, fmt.Errorf("workerhttp: worker %s: %w", c.signer, errNoState)
	}
	rng := new(state.DeltaRange)
	if err := rng.UnmarshalBinary(r.Range); err != nil {
		return nil, api.Errorf(api.CodeInvalidInput, "workerhttp: worker %s sent deltas of contract %s that do not decode: %w", c.signer, contract, err)
	}
	return &worker.StateExport{Range: rng, State: r.State}, nil
}

// ProveIdentity implements worker.Node: the worker checks that transport
// is the URL it is reached at and has its enclave sign the challenge.
func (c *Client) ProveIdentity(ctx context.Context, nonce [32]byte, transport []byte) ([65]byte, error) {
	var r identityReply
	if err := c.do(ctx, http.MethodPost, pathIdentity, &identityRequest{Nonce: nonce[:], Transport: string(transport)}, &r); err != nil {
		return [65]byte{}, err
	}
	if len(r.Signature) != 65 {
		return [65]byte{}, api.Errorf(api.CodeInvalidInput, "workerhttp: worker %s answered its identity challenge with a signature of %d bytes, not 65", c.name(), len(r.Signature))
	}
	return [65]byte(r.Signature), nil
}

// do sends one call and decodes its reply, or its error with the code the
// worker gave it.
func (c *Client) do(ctx context.Context, method, path string, in, out any) error {
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return fmt.Errorf("workerhttp: encode the request to %s: %w", path, err)
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.url+path, body)
	if err != nil {
		return api.Errorf(api.CodeInvalidInput, "workerhttp: worker URL %q: %w", c.url, err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.hc.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("workerhttp: %s%s: %w", c.url, path, ctx.Err())
		}
		return api.Errorf(api.CodeUnavailable, "workerhttp: worker %s at %s is not reachable (%v): it is down or restarting; retry when it is back (a task already recorded for it can have its fee returned after the timeout)", c.name(), c.url, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, c.cfg.MaxResponseBytes+1))
	if err != nil {
		return api.Errorf(api.CodeUnavailable, "workerhttp: worker %s at %s broke off its reply to %s: %v", c.name(), c.url, path, err)
	}
	if int64(len(b)) > c.cfg.MaxResponseBytes {
		return api.Errorf(api.CodeInvalidInput, "workerhttp: the reply of worker %s to %s exceeds %d bytes", c.name(), path, c.cfg.MaxResponseBytes)
	}
	if resp.StatusCode != http.StatusOK {
		var e errorReply
		if json.Unmarshal(b, &e) != nil || e.Error.Code == 0 {
			return api.Errorf(api.CodeUnavailable, "workerhttp: %s%s answered %s: is it a worker node of this version?", c.url, path, resp.Status)
		}
		return &api.Error{Code: e.Error.Code, Message: e.Error.Message}
	}
	if err := json.Unmarshal(b, out); err != nil {
		return api.Errorf(api.CodeInvalidInput, "workerhttp: the reply of worker %s to %s does not decode: %v", c.name(), path, err)
	}
	return nil
}

func (c *Client) name() string {
	if c.signer == (api.EthAddress{}) {
		return "(signer unknown yet)"
	}
	return c.signer.String()
}
