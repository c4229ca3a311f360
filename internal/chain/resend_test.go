package chain

import (
	"bytes"
	"context"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/internal/chain/chaintest"
)

// A proxy that forwards the first eth_sendRawTransaction to the node but
// answers 502, as if the answer was lost: the client must resend the same
// transaction, and exactly one must land.
func TestLostSendAnswerIsResentNotDuplicated(t *testing.T) {
	t.Parallel()
	n := chaintest.DevChain(t, nil)
	target, _ := url.Parse(n.URL)
	proxy := httputil.NewSingleHostReverseProxy(target)
	var dropped atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		if bytes.Contains(body, []byte("eth_sendRawTransaction")) && dropped.CompareAndSwap(false, true) {
			rec := httptest.NewRecorder()
			proxy.ServeHTTP(rec, r)                                    // the node gets it ...
			http.Error(w, "upstream went away", http.StatusBadGateway) // ... the client does not hear back
			return
		}
		proxy.ServeHTTP(w, r)
	}))
	defer srv.Close()

	cfg := TestConfig()
	cfg.RPCURL = srv.URL
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	c, err := Dial(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	from := KeyAccount(n.Accounts[6].Key)
	to := common.HexToAddress("0x000000000000000000000000000000000000d00d")
	if _, err := c.Transact(ctx, from, Tx{What: "pay", To: &to, Value: big.NewInt(9)}); err != nil {
		t.Fatal(err)
	}
	if !dropped.Load() {
		t.Fatal("the proxy dropped nothing")
	}
	nonce, err := c.Eth().NonceAt(ctx, from.Address, nil)
	if err != nil || nonce != 1 {
		t.Fatalf("nonce = %d, %v: want exactly one transaction", nonce, err)
	}
	if bal, _ := c.Eth().BalanceAt(ctx, to, nil); bal.Int64() != 9 {
		t.Fatalf("balance %v", bal)
	}
}

func TestDialDownNodeSaysWhat(t *testing.T) {
	cfg := TestConfig()
	cfg.RPCURL = "http://127.0.0.1:1"
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, err := Dial(ctx, cfg)
	if err == nil || !bytes.Contains([]byte(err.Error()), []byte("is the node running")) {
		t.Fatalf("err = %v", err)
	}
}
