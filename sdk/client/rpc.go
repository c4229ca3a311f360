package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/enigma-go/enigma/api"
)

// ErrNotSupported is returned when the node does not serve what a task
// needs, e.g. envelope v2 (the gateway answers JSON-RPC -32601).
var ErrNotSupported = errors.New("not supported by this node")

// jsonrpcMethodNotFound is JSON-RPC's "method not found / not available".
const jsonrpcMethodNotFound = -32601

// gatewayClient calls the gateway's JSON-RPC over HTTP POST.
type gatewayClient struct {
	url  string
	http *http.Client
	id   atomic.Uint64
	// reached is set once the gateway answered a call: until then an
	// unreachable gateway is more likely a wrong URL than a restart, and
	// calls are not tried again (nodeRetry).
	reached atomic.Bool
}

func newGatewayClient(url string, timeout time.Duration) *gatewayClient {
	t := http.DefaultTransport.(*http.Transport).Clone()
	// A client sends tasks and reads results at once: keep the connections
	// (net/http keeps 2 per host by default and dials the others anew).
	t.MaxIdleConns, t.MaxIdleConnsPerHost = 64, 32
	return &gatewayClient{url: url, http: &http.Client{Timeout: timeout, Transport: t}}
}

// maxReplyBytes bounds a gateway reply: a result carries at most an
// output and a delta, far below this.
const maxReplyBytes = 64 << 20

// call sends method with params and decodes the result into out.
func (g *gatewayClient) call(ctx context.Context, method string, params, out any) error {
	body, err := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": g.id.Add(1), "method": method, "params": params})
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, g.url, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("gateway %s: %w", g.url, err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := g.http.Do(req)
	if err != nil {
		return api.Errorf(api.CodeUnavailable, "gateway %s is unreachable (is the network running?): %v", g.url, err)
	}
	defer resp.Body.Close()
	g.reached.Store(true)
	raw, err := io.ReadAll(io.LimitReader(resp.Body, maxReplyBytes))
	if err != nil {
		return api.Errorf(api.CodeUnavailable, "gateway %s: read the reply to %s: %v", g.url, method, err)
	}
	var reply struct {
		Result json.RawMessage `json:"result"`
		Error  *struct {
			Code    int    `json:"code"`
			Message string `json:"message"`
			Data    *struct {
				Code api.Code `json:"code"`
			} `json:"data"`
		} `json:"error"`
	}
	if err := json.Unmarshal(raw, &reply); err != nil {
		return api.Errorf(api.CodeUnavailable, "gateway %s answered %s with HTTP %d and no JSON-RPC reply: %.200q", g.url, method, resp.StatusCode, raw)
	}
	if e := reply.Error; e != nil {
		if e.Code == jsonrpcMethodNotFound {
			return fmt.Errorf("gateway %s: %s: %w", g.url, e.Message, ErrNotSupported)
		}
		code := api.CodeUnknown
		if e.Data != nil && e.Data.Code != 0 {
			code = e.Data.Code
		}
		return api.Errorf(code, "gateway: %s: %s", method, e.Message)
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(reply.Result, out); err != nil {
		return api.Errorf(api.CodeUnknown, "gateway %s: unexpected reply to %s: %v", g.url, method, err)
	}
	return nil
}

// nested is how the compat methods wrap their results for enigma-js.
type nested[T any] struct {
	Result T `json:"result"`
}

type workerKeyReply struct {
	WorkerEncryptionKey string `json:"workerEncryptionKey"`
	WorkerSig           string `json:"workerSig"`
}

type epochKeyReply struct {
	Epoch     uint64 `json:"epoch"`
	PublicKey string `json:"publicKey"`
	Signature string `json:"signature"`
}

// taskResultReply is getTaskResult's result.
type taskResultReply struct {
	TaskID          string         `json:"taskId"`
	Status          api.TaskStatus `json:"status"`
	Output          string         `json:"output"`
	UsedGas         uint64         `json:"usedGas"`
	Signature       string         `json:"signature"`
	EthereumPayload string         `json:"ethereumPayload"`
	EthereumAddress string         `json:"ethereumAddress"`
	PreCodeHash     string         `json:"preCodeHash"`
	Delta           *struct {
		Key  uint32 `json:"key"`
		Hash string `json:"hash"`
	} `json:"delta"`
}
