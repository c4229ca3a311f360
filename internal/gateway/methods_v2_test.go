package gateway

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"github.com/enigma-go/enigma/internal/workerapi"
	"strings"
	"testing"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/envelope"
)

// fakeV2Backend serves envelope v2 on top of fakeBackend.
type fakeV2Backend struct {
	fakeBackend
	v2 []*workerapi.V2Request
}

func (f *fakeV2Backend) EpochKey(_ context.Context, w api.EthAddress) (workerapi.EpochKey, error) {
	if f.err != nil {
		return workerapi.EpochKey{}, f.err
	}
	return workerapi.EpochKey{Epoch: 120, PublicKey: bytes.Repeat(w[:1], envelope.PublicKeySize), Signature: bytes.Repeat([]byte{7}, 65)}, nil
}

func (f *fakeV2Backend) SubmitV2(_ context.Context, r *workerapi.V2Request) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.v2 = append(f.v2, r)
	return f.err
}

// v2Request is a syntactically valid request: the gateway checks only its
// frame and size, the enclave opens it.
func v2Request() string {
	b := make([]byte, v2MinRequestSize+10)
	copy(b, v2RequestPrefix)
	return hex.EncodeToString(b)
}

func v2SendArgs(deploy bool) map[string]any {
	m := map[string]any{"deploy": deploy, "taskId": contract, "workerAddress": worker, "contractAddress": contract,
		"request": v2Request(), "sender": strings.Repeat("12", 20), "taskNonce": 3}
	if deploy {
		m["preCode"] = gzipB64Bytes([]byte("\x00asm\x01\x00\x00\x00"))
	}
	return m
}

func TestV2SizesMatchEnvelope(t *testing.T) {
	if v2MinRequestSize != envelope.RequestOverhead+4 {
		t.Fatalf("v2MinRequestSize %d, envelope says %d", v2MinRequestSize, envelope.RequestOverhead+4)
	}
	ring, err := envelope.NewKeyRing(envelope.DefaultKeyRingConfig(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	pub, err := ring.Rotate(1)
	if err != nil {
		t.Fatal(err)
	}
	msg, _, err := envelope.SealRequest(pub, envelope.Context{Epoch: 1}, nil, envelope.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(msg) != v2MinRequestSize || !bytes.HasPrefix(msg, v2RequestPrefix) {
		t.Fatalf("an empty request is %d bytes starting %x", len(msg), msg[:6])
	}
}

func TestV2EpochKey(t *testing.T) {
	ts := newTestServer(t, &fakeV2Backend{}, nil)
	reply := post(t, ts.URL, call("v2_getEpochKey", map[string]string{"workerAddress": "0x" + worker}))
	res, ok := reply["result"].(map[string]any)
	if !ok {
		t.Fatalf("reply %v", reply)
	}
	if res["epoch"].(float64) != 120 || len(res["publicKey"].(string)) != 2*envelope.PublicKeySize || len(res["signature"].(string)) != 130 {
		t.Fatalf("result %v", res)
	}
}

func TestV2SendTask(t *testing.T) {
	fb := &fakeV2Backend{}
	ts := newTestServer(t, fb, nil)
	for _, deploy := range []bool{true, false} {
		reply := post(t, ts.URL, call("v2_sendTask", v2SendArgs(deploy)))
		if res, ok := reply["result"].(map[string]any); !ok || res["accepted"] != true {
			t.Fatalf("deploy=%v: reply %v", deploy, reply)
		}
	}
	if len(fb.v2) != 2 {
		t.Fatalf("backend got %d tasks", len(fb.v2))
	}
	d, c := fb.v2[0], fb.v2[1]
	if !d.Deploy || string(d.PreCode) != "\x00asm\x01\x00\x00\x00" || d.TaskNonce != 3 || d.Sender[0] != 0x12 ||
		c.Deploy || c.PreCode != nil || len(c.Request) != v2MinRequestSize+10 {
		t.Fatalf("backend got %+v / %+v", d, c)
	}
	fb.err = api.Errorf(api.CodeNotSelected, "worker %s is not selected for this contract in this epoch", worker)
	reply := post(t, ts.URL, call("v2_sendTask", v2SendArgs(false)))
	if code := rpcErrorCode(t, reply); code != codeServerError {
		t.Fatalf("code %d", code)
	}
}

func TestV2NotServed(t *testing.T) {
	ts := newTestServer(t, &fakeBackend{}, nil)
	for _, c := range []string{
		call("v2_getEpochKey", map[string]string{"workerAddress": worker}),
		call("v2_sendTask", v2SendArgs(true)),
	} {
		reply := post(t, ts.URL, c)
		if code := rpcErrorCode(t, reply); code != codeMethodNotFound {
			t.Fatalf("code %d", code)
		}
		if msg := reply["error"].(map[string]any)["message"].(string); !strings.Contains(msg, "does not serve envelope v2") {
			t.Fatalf("message %q", msg)
		}
	}
}

func TestV2BadParams(t *testing.T) {
	ts := newTestServer(t, &fakeV2Backend{}, func(c *Config) { c.MaxPreCodeBytes = 1024 })
	with := func(deploy bool, k string, v any) string {
		m := v2SendArgs(deploy)
		if v == nil {
			delete(m, k)
		} else {
			m[k] = v
		}
		return call("v2_sendTask", m)
	}
	short := make([]byte, v2MinRequestSize-1)
	copy(short, v2RequestPrefix)
	cases := map[string]string{
		"no worker":         call("v2_getEpochKey", map[string]string{}),
		"short worker":      call("v2_getEpochKey", map[string]string{"workerAddress": "abcd"}),
		"positional":        call("v2_getEpochKey", []string{worker}),
		"no nonce":          with(false, "taskNonce", nil),
		"negative nonce":    with(false, "taskNonce", -1),
		"string nonce":      with(false, "taskNonce", "3"),
		"no sender":         with(false, "sender", nil),
		"bad task id":       with(false, "taskId", "00"),
		"request not hex":   with(false, "request", "zz"+v2Request()[2:]),
		"request too short": with(false, "request", hex.EncodeToString(short)),
		"compat ciphertext": with(false, "request", strings.Repeat("01", v2MinRequestSize+5)),
		"deploy elsewhere":  with(true, "contractAddress", strings.Repeat("00", 32)),
		"deploy no code":    with(true, "preCode", nil),
		"deploy gzip bomb":  with(true, "preCode", gzipB64Bytes(make([]byte, 1<<20))),
		"compute with code": with(false, "preCode", gzipB64Bytes([]byte("wasm"))),
	}
	for name, body := range cases {
		t.Run(name, func(t *testing.T) {
			if code := rpcErrorCode(t, post(t, ts.URL, body)); code != codeInvalidParams {
				t.Fatalf("code %d, want %d", code, codeInvalidParams)
			}
		})
	}
}

func FuzzV2SendTask(f *testing.F) {
	for _, d := range []bool{true, false} {
		b, _ := json.Marshal(v2SendArgs(d))
		f.Add(b)
	}
	f.Add([]byte(`{"deploy":true,"taskNonce":18446744073709551615}`))
	s, err := New(&fakeV2Backend{}, DefaultConfig())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, params []byte) {
		for _, m := range []method{s.v2SendTask, s.v2GetEpochKey} {
			res, err := m(context.Background(), params)
			if err == nil && res == nil {
				t.Fatal("no result and no error")
			}
			if _, merr := json.Marshal(res); merr != nil {
				t.Fatal(merr)
			}
		}
	})
}

func gzipB64Bytes(b []byte) string {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return base64.StdEncoding.EncodeToString(buf.Bytes())
}
