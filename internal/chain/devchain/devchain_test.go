package devchain

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/enigma-go/enigma/internal/chain/devchain/browsertest"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
)

func startChain(t *testing.T, mutate func(*Config)) *Chain {
	t.Helper()
	cfg := TestConfig()
	if mutate != nil {
		mutate(&cfg)
	}
	c, err := Start(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func testCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// rawCall posts one JSON-RPC request as a wallet would and returns result.
func rawCall(t *testing.T, url, method string, params ...any) json.RawMessage {
	t.Helper()
	r := browsertest.Post(t, url, "", "", method, params...)
	if r.Err != "" {
		t.Fatalf("%s: %s", method, r.Err)
	}
	return r.Result
}

func waitReceipt(t *testing.T, ctx context.Context, ec *ethclient.Client, hash common.Hash) *types.Receipt {
	t.Helper()
	for {
		r, err := ec.TransactionReceipt(ctx, hash)
		if err == nil {
			return r
		}
		select {
		case <-ctx.Done():
			t.Fatalf("no receipt for %s: %v", hash, err)
		case <-time.After(20 * time.Millisecond):
		}
	}
}

func TestDeriveAccountsKnownVectors(t *testing.T) {
	accs, err := DeriveAccounts(DefaultMnemonic, 2)
	if err != nil {
		t.Fatal(err)
	}
	// The first two accounts of this public test mnemonic, as every
	// Ethereum dev tool derives them.
	want := []struct{ addr, key string }{
		{"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"},
		{"0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"},
	}
	for i, w := range want {
		if accs[i].Address.Hex() != w.addr || fmt.Sprintf("%x", crypto.FromECDSA(accs[i].Key)) != w.key {
			t.Errorf("account %d = %s, want %s", i, accs[i].Address.Hex(), w.addr)
		}
	}
}

func TestConfigValidate(t *testing.T) {
	if err := DefaultConfig().Validate(); err != nil {
		t.Fatal(err)
	}
	bad := DefaultConfig()
	bad.Host = "0.0.0.0"
	bad.BlockPeriod = 0
	bad.ChainID = 0
	err := bad.Validate()
	for _, want := range []string{"loopback", "no block", "ChainID"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Validate() = %v, want it to mention %q", err, want)
		}
	}
}

func TestAccountsAndSigningOverHTTP(t *testing.T) {
	// personal_sign is served only with UnsafeRPC (access_test.go).
	c := startChain(t, func(c *Config) { c.Access.UnsafeRPC = true })
	url := c.HTTPEndpoint()

	var got []common.Address
	json.Unmarshal(rawCall(t, url, "eth_accounts"), &got)
	if len(got) != 10 || got[0] != c.Accounts()[0].Address {
		t.Fatalf("eth_accounts = %v", got)
	}
	var chainID hexutil.Big
	json.Unmarshal(rawCall(t, url, "eth_chainId"), &chainID)
	if chainID.ToInt().Uint64() != 1337 {
		t.Fatalf("eth_chainId = %v", chainID.ToInt())
	}

	msg := []byte("Enigma User Message")
	var sig, psig hexutil.Bytes
	json.Unmarshal(rawCall(t, url, "eth_sign", got[1], hexutil.Bytes(msg)), &sig)
	json.Unmarshal(rawCall(t, url, "personal_sign", hexutil.Bytes(msg), got[1]), &psig)
	if len(sig) != 65 || (sig[64] != 27 && sig[64] != 28) || !bytes.Equal(sig, psig) {
		t.Fatalf("eth_sign = %x, personal_sign = %x", sig, psig)
	}
	rec := append([]byte(nil), sig...)
	rec[64] -= 27
	pub, err := crypto.SigToPub(accounts.TextHash(msg), rec)
	if err != nil || crypto.PubkeyToAddress(*pub) != got[1] {
		t.Fatalf("eth_sign does not recover to %s: %v", got[1], err)
	}

	// An account the node does not hold gets a clear error.
	body := `{"jsonrpc":"2.0","id":1,"method":"eth_sign","params":["0x0000000000000000000000000000000000000001","0x00"]}`
	resp, err := http.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(raw), "unknown account") {
		t.Fatalf("eth_sign for a foreign account: %s", raw)
	}

	// geth's own eth_ methods still answer next to ours.
	var bn hexutil.Uint64
	json.Unmarshal(rawCall(t, url, "eth_blockNumber"), &bn)
}

func TestSendTransactionOverHTTP(t *testing.T) {
	c := startChain(t, nil)
	ctx := testCtx(t)
	url := c.HTTPEndpoint()
	ec, err := ethclient.Dial(url)
	if err != nil {
		t.Fatal(err)
	}
	defer ec.Close()
	accs := c.Accounts()
	to := common.HexToAddress("0x00000000000000000000000000000000000000aa")

	// web3.js 1.x style (gas and gasPrice given: legacy) and a bare
	// EIP-1559 request with everything left to the node.
	legacy := map[string]any{"from": accs[0].Address, "to": to, "value": "0x3e8", "gas": "0x5208", "gasPrice": "0x3b9aca00"}
	dynamic := map[string]any{"from": accs[0].Address, "to": to, "value": "0x3e8"}
	for i, req := range []map[string]any{legacy, dynamic} {
		var h common.Hash
		json.Unmarshal(rawCall(t, url, "eth_sendTransaction", req), &h)
		r := waitReceipt(t, ctx, ec, h)
		if r.Status != types.ReceiptStatusSuccessful {
			t.Fatalf("tx %d failed", i)
		}
		tx, _, err := ec.TransactionByHash(ctx, h)
		if err != nil {
			t.Fatal(err)
		}
		if wantType := []uint8{types.LegacyTxType, types.DynamicFeeTxType}[i]; tx.Type() != wantType {
			t.Errorf("tx %d has type %d, want %d", i, tx.Type(), wantType)
		}
	}
	bal, err := ec.BalanceAt(ctx, to, nil)
	if err != nil || bal.Cmp(big.NewInt(2000)) != 0 {
		t.Fatalf("balance = %v, %v", bal, err)
	}
}

func TestConcurrentSendsFromOneAccount(t *testing.T) {
	c := startChain(t, func(c *Config) { c.MineOnTransaction = true })
	ctx := testCtx(t)
	cl, err := rpc.Dial(c.HTTPEndpoint())
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	from := c.Accounts()[3].Address
	const n = 20
	hashes := make([]common.Hash, n)
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- cl.CallContext(ctx, &hashes[i], "eth_sendTransaction", map[string]any{"from": from, "to": from, "value": "0x1"})
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	ec := ethclient.NewClient(cl)
	for _, h := range hashes {
		if r := waitReceipt(t, ctx, ec, h); r.Status != types.ReceiptStatusSuccessful {
			t.Fatalf("tx %s failed", h)
		}
	}
	nonce, err := ec.NonceAt(ctx, from, nil)
	if err != nil || nonce != n {
		t.Fatalf("nonce = %d, %v; want %d", nonce, err, n)
	}
}

func TestBlocksAtPeriodAndWebSocket(t *testing.T) {
	c := startChain(t, func(c *Config) { c.BlockPeriod = 50 * time.Millisecond })
	ctx := testCtx(t)
	ws, err := ethclient.DialContext(ctx, c.WSEndpoint())
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	heads := make(chan *types.Header, 16)
	sub, err := ws.SubscribeNewHead(ctx, heads)
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Unsubscribe()
	var last uint64
	for range 3 {
		select {
		case h := <-heads:
			if h.Number.Uint64() <= last {
				t.Fatalf("head %d after %d", h.Number, last)
			}
			last = h.Number.Uint64()
		case err := <-sub.Err():
			t.Fatal(err)
		case <-ctx.Done():
			t.Fatal("no new heads over WebSocket")
		}
	}
}

func TestRestartFromDataDir(t *testing.T) {
	dir := t.TempDir()
	ctx := testCtx(t)
	to := common.HexToAddress("0x00000000000000000000000000000000000000bb")
	cfg := func(c *Config) { c.DataDir = dir; c.MineOnTransaction = true }

	c := startChain(t, cfg)
	var h common.Hash
	if err := c.RPC().CallContext(ctx, &h, "eth_sendTransaction", map[string]any{"from": c.Accounts()[0].Address, "to": to, "value": "0x7"}); err != nil {
		t.Fatal(err)
	}
	r := waitReceipt(t, ctx, c.Client(), h)
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}

	c2 := startChain(t, cfg)
	if got := c2.BlockNumber(); got < r.BlockNumber.Uint64() {
		t.Fatalf("restarted at block %d, before the receipt's block %d", got, r.BlockNumber)
	}
	bal, err := c2.Client().BalanceAt(ctx, to, nil)
	if err != nil || bal.Int64() != 7 {
		t.Fatalf("balance after restart = %v, %v", bal, err)
	}
	if err := c2.WaitForBlock(ctx, c2.BlockNumber()+2); err != nil {
		t.Fatalf("no blocks after restart: %v", err)
	}
}

func TestRewindReorgsAndReminesTransactions(t *testing.T) {
	c := startChain(t, nil)
	ctx := testCtx(t)
	c.Pause()
	var h common.Hash
	if err := c.RPC().CallContext(ctx, &h, "eth_sendTransaction", map[string]any{"from": c.Accounts()[0].Address, "to": c.Accounts()[1].Address, "value": "0x1"}); err != nil {
		t.Fatal(err)
	}
	c.Mine()
	first := waitReceipt(t, ctx, c.Client(), h)
	c.Mine()
	if err := c.Rewind(2); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Client().TransactionReceipt(ctx, h); err == nil {
		t.Fatal("receipt still canonical after the rewind")
	}
	// The pool gets the transaction back from the dropped block.
	for i := 0; i < 50; i++ {
		c.Mine()
		if r, err := c.Client().TransactionReceipt(ctx, h); err == nil {
			if r.BlockHash == first.BlockHash {
				t.Fatal("re-mined into the same block hash")
			}
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("the transaction of the dropped block was not mined again")
}

func TestCloseLeavesNoGoroutinesOfOurs(t *testing.T) {
	c, err := Start(TestConfig())
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- c.Close() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("Close hangs")
	}
	if err := c.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	buf := make([]byte, 1<<20)
	stacks := string(buf[:runtime.Stack(buf, true)])
	for _, g := range strings.Split(stacks, "\n\n") {
		if strings.Contains(g, "devchain.(*Chain)") || strings.Contains(g, "devchain.(*signer)") {
			t.Fatalf("goroutine left behind:\n%s", g)
		}
	}
}

func TestSignTypedData(t *testing.T) {
	c := startChain(t, nil)
	from := c.Accounts()[1].Address
	typed := apitypes.TypedData{
		Types: apitypes.Types{
			"EIP712Domain": {{Name: "name", Type: "string"}, {Name: "chainId", Type: "uint256"}},
			"Mail":         {{Name: "contents", Type: "string"}},
		},
		PrimaryType: "Mail",
		Domain:      apitypes.TypedDataDomain{Name: "enigma", ChainId: math.NewHexOrDecimal256(1337)},
		Message:     apitypes.TypedDataMessage{"contents": "hello"},
	}
	hash, _, err := apitypes.TypedDataAndHash(typed)
	if err != nil {
		t.Fatal(err)
	}
	for _, method := range []string{"eth_signTypedData", "eth_signTypedData_v4"} {
		var sig hexutil.Bytes
		if err := c.RPC().Call(&sig, method, from, typed); err != nil {
			t.Fatalf("%s: %v", method, err)
		}
		sig[64] -= 27
		pub, err := crypto.SigToPub(hash, sig)
		if err != nil || crypto.PubkeyToAddress(*pub) != from {
			t.Fatalf("%s does not recover to %s: %v", method, from, err)
		}
	}
}

func TestSeparateWebSocketPort(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	c := startChain(t, func(c *Config) { c.WSPort = port })
	if !strings.HasSuffix(c.WSEndpoint(), fmt.Sprintf(":%d", port)) || strings.HasSuffix(c.HTTPEndpoint(), fmt.Sprintf(":%d", port)) {
		t.Fatalf("http %s, ws %s", c.HTTPEndpoint(), c.WSEndpoint())
	}
	ws, err := ethclient.DialContext(testCtx(t), c.WSEndpoint())
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	if id, err := ws.ChainID(testCtx(t)); err != nil || id.Uint64() != 1337 {
		t.Fatalf("chain id over ws = %v, %v", id, err)
	}
	off := startChain(t, func(c *Config) { c.WSPort = -1 })
	if off.WSEndpoint() != "" {
		t.Fatalf("WS disabled but endpoint %q", off.WSEndpoint())
	}
}

func TestSetMineOnTransactionSwitchesAtRuntime(t *testing.T) {
	c := startChain(t, func(c *Config) { c.BlockPeriod = time.Hour })
	ctx := testCtx(t)
	cl, err := rpc.Dial(c.HTTPEndpoint())
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	ec := ethclient.NewClient(cl)
	from := c.Accounts()[1].Address
	send := func() common.Hash {
		var h common.Hash
		if err := cl.CallContext(ctx, &h, "eth_sendTransaction", map[string]any{"from": from, "to": from, "value": "0x1"}); err != nil {
			t.Fatal(err)
		}
		return h
	}
	c.SetMineOnTransaction(true)
	if r := waitReceipt(t, ctx, ec, send()); r.Status != types.ReceiptStatusSuccessful {
		t.Fatal("transaction failed")
	}
	c.SetMineOnTransaction(false)
	h := send()
	time.Sleep(300 * time.Millisecond)
	if _, err := ec.TransactionReceipt(ctx, h); err == nil {
		t.Fatal("mined on arrival after mining on transactions was turned off")
	}
	c.SetMineOnTransaction(true) // seals what waits
	waitReceipt(t, ctx, ec, h)
}
