package chain

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/enigma-go/enigma/internal/chain/chaintest"
	"github.com/enigma-go/enigma/internal/chain/devchain"
)

// reverterCode deploys a contract whose every call reverts
// (runtime PUSH1 0 PUSH1 0 REVERT).
var reverterCode = common.FromHex("0x6005600c60003960056000f360006000fd")

// A caller that must not undo its own work while its transaction may still
// be mined needs to tell "never sent" from "sent, outcome unknown" and
// from "mined, reverted".
func TestSendTellsNotSentFromUnknownFromReverted(t *testing.T) {
	t.Parallel()
	n := chaintest.DevChain(t, func(c *devchain.Config) { c.RejectReverts = true })
	c := dial(t, n)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	from := KeyAccount(n.Accounts[7].Key)
	r, err := c.Transact(ctx, from, Tx{What: "deploy a reverter", Data: reverterCode})
	if err != nil {
		t.Fatal(err)
	}
	to := r.ContractAddress

	// Estimation reverts: nothing sent.
	_, err = c.SendTx(ctx, from, Tx{What: "estimated call", To: &to})
	if !errors.Is(err, ErrNotSent) || !errors.Is(err, ErrReverted) {
		t.Fatalf("estimated revert: %v; want ErrNotSent and ErrReverted", err)
	}
	// The node refuses it (eth_sendTransaction with a gas limit, as
	// ganache): nothing sent either.
	_, err = c.SendTx(ctx, NodeAccount(n.Accounts[8].Address), Tx{What: "refused call", To: &to, Gas: 100_000})
	if !errors.Is(err, ErrNotSent) {
		t.Fatalf("refused by the node: %v; want ErrNotSent", err)
	}

	// Sent without an estimate: mined, reverted; the receipt comes back
	// with the error, which is not ErrNotSent.
	mined, _ := c.Eth().NonceAt(ctx, from.Address, nil)
	tx := Tx{What: "unestimated call", To: &to, Gas: 100_000}
	sent, err := c.SendTx(ctx, from, tx)
	if err != nil {
		t.Fatal(err)
	}
	if sent.Nonce != mined {
		t.Fatalf("sent with nonce %d, want %d", sent.Nonce, mined)
	}
	rec, err := c.Confirm(ctx, from, tx, sent.Hash)
	if rec == nil || rec.Status != types.ReceiptStatusFailed || !errors.Is(err, ErrReverted) || errors.Is(err, ErrNotSent) {
		t.Fatalf("mined revert: receipt %v, %v", rec, err)
	}
	next, err := c.SendTx(ctx, from, Tx{What: "pay", To: &common.Address{1}, Gas: 21_000})
	if err != nil || next.Nonce != sent.Nonce+1 {
		t.Fatalf("next send: nonce %d, %v; want %d", next.Nonce, err, sent.Nonce+1)
	}
}

// Every answer to the send is lost although the node took the
// transaction: the error must not say it was not sent, and it is mined.
func TestSendWithLostAnswersIsNotNotSent(t *testing.T) {
	t.Parallel()
	n := chaintest.DevChain(t, nil)
	target, _ := url.Parse(n.URL)
	proxy := httputil.NewSingleHostReverseProxy(target)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		if bytes.Contains(body, []byte("eth_sendRawTransaction")) {
			proxy.ServeHTTP(httptest.NewRecorder(), r)
			http.Error(w, "upstream went away", http.StatusBadGateway)
			return
		}
		proxy.ServeHTTP(w, r)
	}))
	defer srv.Close()
	cfg := TestConfig()
	cfg.RPCURL = srv.URL
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c, err := Dial(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	from := KeyAccount(n.Accounts[9].Key)
	to := common.HexToAddress("0x000000000000000000000000000000000000beef")
	_, err = c.SendTx(ctx, from, Tx{What: "pay", To: &to, Gas: 21_000})
	if err == nil || errors.Is(err, ErrNotSent) {
		t.Fatalf("send with every answer lost: %v; want an error that is not ErrNotSent", err)
	}
	for {
		if nonce, err := c.Eth().NonceAt(ctx, from.Address, nil); err == nil && nonce > 0 {
			return
		}
		select {
		case <-ctx.Done():
			t.Fatal("the transaction the node took was never mined")
		case <-time.After(20 * time.Millisecond):
		}
	}
}
