package gateway

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"github.com/enigma-go/enigma/internal/workerapi"
)

// Secret queries (docs/protocol/queries.md § 3): v2_query hands a sealed,
// signed query to the worker it is sealed to and answers its sealed
// answer. Like the other v2 methods it answers a plain result, hex without
// 0x, and refuses members it does not know.
const methodQuery = "v2_query"

// QueryBackend is implemented by backends that serve secret queries. The
// gateway answers v2_query "method not found" when the Backend does not.
type QueryBackend interface {
	// Query hands a query to the worker req.Worker names and returns its
	// answer (sealed to the caller).
	Query(ctx context.Context, req *workerapi.QueryRequest) (*workerapi.QueryResult, error)
}

// queryPrefix starts every query message: magic, version 2, type 0x04.
var queryPrefix = []byte{0xE7, 'E', 'N', 'G', 0x02, 0x04}

func errNoQuery() *rpcError {
	return &rpcError{Code: codeMethodNotFound,
		Message: fmt.Sprintf("this node does not serve secret queries (%s): send the call as a task", methodQuery)}
}

func (s *Server) addQueryMethods() {
	s.methods[methodQuery] = s.v2Query
}

// queryParams are the members of a v2_query call.
type queryParams struct {
	ContractAddress string  `json:"contractAddress"`
	WorkerAddress   string  `json:"workerAddress"`
	Caller          string  `json:"caller"`
	Nonce           *uint64 `json:"nonce"`
	Request         string  `json:"request"`
	Expiry          *uint64 `json:"expiry"`
	Signature       string  `json:"signature"`
	GasLimit        *uint64 `json:"gasLimit"`
}

// queryMembers are v2_query's members, spelled exactly: encoding/json
// matches member names without regard to case, so decodeStrict alone would
// take "gaslimit" for "gasLimit".
var queryMembers = jsonNames(reflect.TypeFor[queryParams]())

// jsonNames is the set of member names a struct type's json tags give.
func jsonNames(t reflect.Type) map[string]bool {
	names := map[string]bool{}
	for f := range t.Fields() {
		if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); name != "" && name != "-" {
			names[name] = true
		}
	}
	return names
}

// exactMembers refuses an object with a member not spelled as one of
// known, or given twice.
func exactMembers(raw json.RawMessage, known map[string]bool) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if _, err := dec.Token(); err != nil { // {
		return invalidParams("cannot read params: %v", err)
	}
	seen := map[string]bool{}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return invalidParams("cannot read params: %v", err)
		}
		name, _ := t.(string)
		if !known[name] {
			return invalidParams("unknown parameter %q (names are case-sensitive)", name)
		}
		if seen[name] {
			return invalidParams("parameter %q given twice", name)
		}
		seen[name] = true
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return invalidParams("cannot read params: %v", err)
		}
	}
	return nil
}

// v2Query answers {status, response, gasUsed, epoch}.
func (s *Server) v2Query(ctx context.Context, raw json.RawMessage) (any, error) {
	var p queryParams
	if err := decodeStrict(raw, &p); err != nil {
		return nil, err
	}
	if err := exactMembers(raw, queryMembers); err != nil {
		return nil, err
	}
	req, err := p.parse()
	if err != nil {
		return nil, err
	}
	b, ok := s.backend.(QueryBackend)
	if !ok {
		return nil, errNoQuery()
	}
	res, err := b.Query(ctx, req)
	if err != nil {
		return nil, err
	}
	return map[string]any{"status": string(res.Status), "response": hex.EncodeToString(res.Response),
		"gasUsed": res.GasUsed, "epoch": res.Epoch}, nil
}

// parse checks every member's presence and shape; the signature, the
// expiry window, the epoch and the gas cap the worker checks.
func (p *queryParams) parse() (*workerapi.QueryRequest, error) {
	r := &workerapi.QueryRequest{}
	var err error
	if r.ContractAddress, err = hashField("contractAddress", p.ContractAddress); err != nil {
		return nil, err
	}
	if r.Worker, err = addressField("workerAddress", p.WorkerAddress); err != nil {
		return nil, err
	}
	if r.Caller, err = addressField("caller", p.Caller); err != nil {
		return nil, err
	}
	if p.Nonce == nil {
		return nil, invalidParams(`missing parameter "nonce" (the query nonce the request is sealed with, a JSON number)`)
	}
	if p.Expiry == nil {
		return nil, invalidParams(`missing parameter "expiry" (when the query expires, Unix seconds, a JSON number)`)
	}
	r.Nonce, r.Expiry = *p.Nonce, *p.Expiry
	if p.GasLimit != nil {
		r.GasLimit = *p.GasLimit
	}
	if r.Request, err = hexField("request", p.Request, -1, v2MinRequestSize); err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(r.Request, queryPrefix) {
		return nil, invalidParams(`parameter "request" is not a query (an envelope v2 message of type 4: it must start with %x)`, queryPrefix)
	}
	if len(r.Request) > workerapi.MaxQueryRequest {
		return nil, invalidParams(`parameter "request" is %d bytes, more than the %d a query may have: send a smaller call`, len(r.Request), workerapi.MaxQueryRequest)
	}
	sig, err := hexField("signature", p.Signature, 65, 0)
	if err != nil {
		return nil, err
	}
	if v := sig[64]; v != 0 && v != 1 && v != 27 && v != 28 {
		return nil, invalidParams(`parameter "signature" has recovery id v=%d; a signature is r‖s‖v with v 27 or 28 (or 0 or 1)`, v)
	}
	r.Signature = [65]byte(sig)
	return r, nil
}
