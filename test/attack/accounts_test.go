package attack_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
)

// accountsSend asks the dev chain's JSON-RPC, as any local tool can, to
// send a transaction from `from` (eth_sendTransaction: the node signs).
func accountsSend(n *network, from common.Address, to common.Address, data []byte, nonce *uint64) (common.Hash, error) {
	tx := map[string]any{"from": from, "to": to, "data": hexutil.Bytes(data), "gas": hexutil.Uint64(300_000)}
	if nonce != nil {
		tx["nonce"] = hexutil.Uint64(*nonce)
	}
	body, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": 1, "method": "eth_sendTransaction", "params": []any{tx}})
	resp, err := http.Post(n.d.ChainURL(), "application/json", bytes.NewReader(body))
	if err != nil {
		return common.Hash{}, err
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var r struct {
		Result common.Hash `json:"result"`
		Error  *struct {
			Message string `json:"message"`
		} `json:"error"`
	}
	if err := json.Unmarshal(raw, &r); err != nil {
		return common.Hash{}, fmt.Errorf("%s: %w", raw, err)
	}
	if r.Error != nil {
		return common.Hash{}, fmt.Errorf("%s", r.Error.Message)
	}
	return r.Result, nil
}

// A local tool driving the dev chain, as web3 and wallets do, sends as the
// network: before, the key manager sent its epochs from accounts[0] and
// worker i's custodian was accounts[i+1], all unlocked on the node, so any
// such tool could log a worker out or withdraw its stake (eth_sendTransaction
// from its custodian), take the key manager's next nonce so its epoch
// transaction failed ("nonce too low") or was replaced, and a web3 user on
// accounts[0] raced every epoch. Now they send from role accounts that the
// node does not sign for and eth_accounts does not list; a client flooding
// accounts[0] across epoch changes delays nothing.
func TestAttackClientSendsAsTheNetwork(t *testing.T) {
	t.Parallel()
	n := start(t, 5)
	ctx := n.ctx
	enigma := n.e.Addresses().Enigma
	for _, c := range n.d.Custodians() {
		_, err := accountsSend(n, c, enigma, n.e.ABI().PackLogout(), nil)
		if err == nil || !strings.Contains(err.Error(), "unknown account") {
			t.Fatalf("logout sent as custodian %s: %v, want unknown account", c, err)
		}
		if w, err := n.e.Worker(ctx, c); err != nil || w.Status != 1 {
			t.Fatalf("worker of custodian %s: status %d (%v), want logged in", c, w.Status, err)
		}
	}
	km := n.d.KeyManagerAccount()
	next, err := n.e.Client().Eth().PendingNonceAt(ctx, km)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := accountsSend(n, km, km, nil, &next); err == nil || !strings.Contains(err.Error(), "unknown account") {
		t.Fatalf("a transaction with the key manager's next nonce: %v, want unknown account", err)
	}

	// accounts[0], the web3 user's, sends as fast as it can across two
	// epoch changes: every transaction is mined and the epochs come on time.
	user := n.d.Accounts()[0]
	st, err := n.e.EpochState(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var hashes []common.Hash
	var mu sync.Mutex
	var wg sync.WaitGroup
	stop := make(chan struct{})
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
			h, err := accountsSend(n, user, n.d.Accounts()[1], nil, nil)
			if err != nil {
				t.Errorf("a client transaction from accounts[0]: %v", err)
				return
			}
			mu.Lock()
			hashes = append(hashes, h)
			mu.Unlock()
		}
	}()
	for {
		now, err := n.e.EpochState(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if now.Count.Cmp(new(big.Int).Add(st.Count, big.NewInt(2))) >= 0 {
			break
		}
		select {
		case <-ctx.Done():
			t.Fatalf("epochs stalled at %v under the client's traffic", now.Count)
		case <-time.After(50 * time.Millisecond):
		}
	}
	close(stop)
	wg.Wait()
	for _, h := range hashes {
		r, err := n.e.Client().WaitReceipt(ctx, h, "a client transaction")
		if err != nil || r.Status != 1 {
			t.Fatalf("client transaction %s: %v", h, err)
		}
	}
	t.Logf("%d client transactions from accounts[0] mined across two epoch changes", len(hashes))
}
