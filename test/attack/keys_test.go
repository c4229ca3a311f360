package attack_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/gateway"
)

// Attack 4: the key manager's host steers worker selection: it asks its
// enclave to sign the current epoch again with another seed (re-drawing
// until a colluding worker is selected for a target contract), or the next
// epoch with a worker list of its choosing, and has keys served for an
// epoch the chain never took, or for addresses that are no contract.
func TestAttackKeyManagerHostSteersSelection(t *testing.T) {
	t.Parallel()
	n := start(t, 20)
	sc := n.deploy(n.client(0), "v0")
	kmEnc, kmNode := n.d.KeyManagerHost()
	ctx := n.ctx
	st, err := n.e.EpochState(ctx)
	if err != nil {
		t.Fatal(err)
	}
	current, err := n.e.WorkerParams(ctx, st.FirstBlock.Uint64())
	if err != nil {
		t.Fatal(err)
	}
	colluder := n.d.Workers()[0]
	onlyColluder := &enclave.NewEpochRequest{Workers: []api.EthAddress{colluder}, Stakes: [][32]byte{{31: 1}}}

	// Re-draw the current epoch: the enclave answers what it signed.
	again := *onlyColluder
	again.BlockNumber = st.FirstBlock.Uint64()
	new(big.Int).Sub(st.Count, big.NewInt(1)).FillBytes(again.Nonce[:])
	resp, err := kmEnc.NewEpoch(ctx, &again)
	if err != nil {
		t.Fatal(err)
	}
	if new(big.Int).SetBytes(resp.Seed[:]).Cmp(current.Arg1) != 0 {
		t.Fatal("the key manager enclave drew another seed for an epoch it already signed")
	}

	// Sign the next epoch with only the colluder, before the host's own loop does.
	next := *onlyColluder
	next.BlockNumber = st.FirstBlock.Uint64() + 20
	st.Count.FillBytes(next.Nonce[:])
	forged, err := kmEnc.NewEpoch(ctx, &next)
	if err != nil {
		t.Fatal(err)
	}
	if err := waitForBlock(n, next.BlockNumber); err != nil {
		t.Fatal(err)
	}
	_, err = n.e.SetWorkersParams(ctx, n.user(1), forged.BlockNumber, new(big.Int).SetBytes(forged.Seed[:]), forged.Signature[:])
	mustRevert(t, err, "Invalid signature")
	if after, _ := n.e.EpochState(ctx); after.Count.Cmp(st.Count) != 0 {
		t.Fatal("the chain took an epoch with a forged worker list")
	}
	// The epoch never reached the chain: the colluder gets no key under it.
	colluderHost := n.d.WorkerHost(0)
	req, err := colluderHost.Enclave.StateKeysRequest(ctx, &enclave.NewStateKeysRequest{EpochSeed: forged.Seed, Contracts: []api.ContractAddress{sc}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = kmNode.GetStateKeys(ctx, req)
	if api.CodeOf(err) != api.CodeWrongEpoch {
		t.Fatalf("a key under an epoch the chain never took: %v", err)
	}
	// Nor a key for an address that is no contract on chain.
	var seed [32]byte
	current.Arg1.FillBytes(seed[:])
	req, err = colluderHost.Enclave.StateKeysRequest(ctx, &enclave.NewStateKeysRequest{EpochSeed: seed, Contracts: []api.ContractAddress{{0xde, 0xad}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err = kmNode.GetStateKeys(ctx, req); api.CodeOf(err) != api.CodeNotFound {
		t.Fatalf("a key for an address that is no contract: %v", err)
	}
}

func waitForBlock(n *network, b uint64) error {
	for {
		head, err := n.e.Client().BlockNumber(n.ctx)
		if err != nil || head >= b {
			return err
		}
		select {
		case <-n.ctx.Done():
			return n.ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// gatewayFrom is a JSON-RPC client of the devnet's gateway whose requests
// leave from the loopback address ip: another client machine.
type gatewayFrom struct {
	url string
	hc  *http.Client
}

func newGatewayFrom(n *network, ip string) *gatewayFrom {
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}, Timeout: 5 * time.Second}
	return &gatewayFrom{url: n.d.GatewayURL(), hc: &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{DialContext: d.DialContext}}}
}

// call sends one JSON-RPC call, or a batch when params holds several, and
// returns the decoded replies.
func (g *gatewayFrom) call(ctx context.Context, method string, params ...any) ([]map[string]any, error) {
	var calls []map[string]any
	for i, p := range params {
		calls = append(calls, map[string]any{"jsonrpc": "2.0", "id": i, "method": method, "params": p})
	}
	var body []byte
	if len(calls) == 1 {
		body, _ = json.Marshal(calls[0])
	} else {
		body, _ = json.Marshal(calls)
	}
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, g.url, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	resp, err := g.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var out []map[string]any
	if len(calls) > 1 && json.Unmarshal(raw, &out) == nil {
		return out, nil
	}
	var one map[string]any
	if err := json.Unmarshal(raw, &one); err != nil {
		return nil, fmt.Errorf("%s: %s", resp.Status, raw)
	}
	return []map[string]any{one}, nil
}

func keyParams(worker api.EthAddress, user enclave.PublicKey) map[string]any {
	return map[string]any{"workerAddress": hex.EncodeToString(worker[:]), "userPubKey": hex.EncodeToString(user[:])}
}

// Attack 6: an attacker asks for task keys without end, from fresh user
// keys, to push every other user's outstanding key out of the worker so
// their tasks fail. Its requests are rate limited, and the keys it does
// get count against its own bound only: the victim's task still runs.
func TestAttackExhaustTaskKeys(t *testing.T) {
	t.Parallel()
	n := start(t, 0)
	ctx := n.ctx
	sc := n.deploy(n.client(0), "the victim's state")
	host, epoch := n.selectedHost(sc)
	worker := host.Enclave.Address()

	// The victim (an enigma-js user on 127.0.0.1) gets its task key first.
	victim := newGatewayFrom(n, "127.0.0.1")
	priv, _ := compat.GenerateKey(rand.Reader)
	pub := compat.PublicKeyBytes(&priv.PublicKey)
	r, err := victim.call(ctx, "getWorkerEncryptionKey", keyParams(worker, pub))
	if err != nil {
		t.Fatal(err)
	}
	key := victimKey(t, r[0], priv)

	// The flood: batches of 100 key requests from fresh user keys, from
	// one machine (eight connections at once) and then from ten.
	var mu sync.Mutex
	issued := map[string]int{}
	limited := 0
	flood := func(ip string, batches int) {
		g := newGatewayFrom(n, ip)
		for range batches {
			params := make([]any, 100)
			for i := range params {
				k, _ := compat.GenerateKey(rand.Reader)
				params[i] = keyParams(worker, compat.PublicKeyBytes(&k.PublicKey))
			}
			replies, err := g.call(ctx, "getWorkerEncryptionKey", params...)
			if err != nil {
				t.Error(err)
				return
			}
			mu.Lock()
			for _, rep := range replies {
				if rep["error"] != nil {
					limited++
				} else {
					issued[ip]++
				}
			}
			mu.Unlock()
		}
	}
	run := func(ips []string, batches int) time.Duration {
		start := time.Now()
		var wg sync.WaitGroup
		for _, ip := range ips {
			wg.Add(1)
			go func() { defer wg.Done(); flood(ip, batches) }()
		}
		wg.Wait()
		return time.Since(start)
	}
	one := "127.0.0.2"
	took := run([]string{one, one, one, one, one, one, one, one}, 5)
	var ten []string
	for i := range 10 {
		ten = append(ten, fmt.Sprintf("127.0.0.%d", 10+i))
	}
	run(ten, 3)
	fromTen := 0
	for _, ip := range ten {
		fromTen += issued[ip]
	}
	t.Logf("the flood got %d task keys from one machine in %v (%d from ten more) and %d refusals", issued[one], took, fromTen, limited)
	// One machine gets no more than the gateway's burst and rate allow.
	gw := gateway.DefaultConfig()
	if allowed := float64(gw.TaskKeyBurst) + gw.TaskKeysPerSecond*took.Seconds() + 100; float64(issued[one]) > allowed {
		t.Fatalf("one machine got %d task keys in %v, more than the %0.f its rate allows", issued[one], took, allowed)
	}

	// The victim's task runs with the key it got before the flood.
	user := n.user(1)
	encFn, _ := compat.Encrypt(key, []byte("get()"), rand.Reader)
	encArgs, _ := compat.Encrypt(key, nil, rand.Reader)
	inputs := compat.InputsHash(encFn, encArgs, sc[:], pub[:])
	if _, err := n.e.ApproveEnigma(ctx, user, big.NewInt(1_000_000)); err != nil {
		t.Fatal(err)
	}
	rec, err := n.e.CreateTaskRecord(ctx, user, inputs, 1_000_000, 1, epoch)
	if err != nil {
		t.Fatal(err)
	}
	r, err = victim.call(ctx, "sendTaskInput", map[string]any{
		"taskId": hex.EncodeToString(rec.TaskID[:]), "workerAddress": hex.EncodeToString(worker[:]),
		"encryptedFn": hex.EncodeToString(encFn), "encryptedArgs": hex.EncodeToString(encArgs),
		"contractAddress": hex.EncodeToString(sc[:]), "userDHKey": hex.EncodeToString(pub[:])})
	if err != nil || r[0]["error"] != nil {
		t.Fatalf("sendTaskInput: %v %v", err, r)
	}
	for n.status(rec.TaskID) == api.ChainRecordCreated {
		time.Sleep(100 * time.Millisecond)
	}
	if s := n.status(rec.TaskID); s != api.ChainReceiptVerified {
		t.Fatalf("the victim's task ended with status %s: its key was pushed out", s)
	}
}

func victimKey(t *testing.T, reply map[string]any, priv *ecdsa.PrivateKey) [32]byte {
	t.Helper()
	res, _ := reply["result"].(map[string]any)
	inner, _ := res["result"].(map[string]any)
	wk, _ := inner["workerEncryptionKey"].(string)
	b, err := hex.DecodeString(strings.TrimPrefix(wk, "0x"))
	if err != nil || len(b) != 64 {
		t.Fatalf("getWorkerEncryptionKey replied %v", reply)
	}
	wpub, err := compat.ParsePublicKey(b)
	if err != nil {
		t.Fatal(err)
	}
	return compat.DeriveKey(priv, wpub)
}

// Attack 8d: a web page on any origin calls the gateway with the user's
// credentials, or a client holds every connection the gateway serves. The
// gateway never reflects an origin with credentials, and answers 503 at
// once beyond its requests in flight.
func TestAttackGatewayCORSAndConnections(t *testing.T) {
	t.Parallel()
	n := start(t, 0)
	req, _ := http.NewRequest(http.MethodOptions, n.d.GatewayURL(), nil)
	req.Header.Set("Origin", "https://evil.example")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if o := resp.Header.Get("Access-Control-Allow-Origin"); o == "https://evil.example" || resp.Header.Get("Access-Control-Allow-Credentials") != "" {
		t.Fatalf("the gateway allows origin %q with credentials %q", o, resp.Header.Get("Access-Control-Allow-Credentials"))
	}

	// Hold every slot with requests whose bodies never finish.
	addr := strings.TrimPrefix(n.d.GatewayURL(), "http://")
	var held []net.Conn
	defer func() {
		for _, c := range held {
			c.Close()
		}
	}()
	probe := newGatewayFrom(n, "127.0.0.3")
	for i := 0; ; i++ {
		if i > 2000 {
			t.Fatal("the gateway took 2,000 unfinished requests without refusing one")
		}
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		held = append(held, c)
		fmt.Fprintf(c, "POST / HTTP/1.1\r\nHost: gw\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{")
		if i%64 != 63 {
			continue
		}
		time.Sleep(50 * time.Millisecond) // let the server take them
		r, err := probe.call(n.ctx, "getInfo", map[string]any{})
		if err == nil && r[0]["error"] != nil && strings.Contains(fmt.Sprint(r[0]["error"]), "serving") {
			break
		}
	}
	t.Logf("refused after %d unfinished requests", len(held))
	for _, c := range held {
		c.Close()
	}
	held = nil
	deadline := time.Now().Add(10 * time.Second)
	for {
		r, err := probe.call(n.ctx, "getInfo", map[string]any{})
		if err == nil && r[0]["error"] == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the gateway did not recover once the connections closed: %v %v", err, r)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// Attack 8b: enough registered (and logged-in) workers make
// setWorkersParams too costly for a block, stopping every epoch. At most
// 256 workers are candidates at once, and an epoch of 256 fits.
func TestAttackPriceOutEpochsWithRegistrations(t *testing.T) {
	if testing.Short() {
		t.Skip("registers 255 workers")
	}
	t.Parallel()
	n := start(t, 20)
	ctx := n.ctx
	const want = 256
	deployer := chain.NodeAccount(n.d.Accounts()[0])
	var accounts []chain.Account
	for range want - len(n.d.Workers()) + 1 {
		k, _ := compat.GenerateKey(rand.Reader)
		accounts = append(accounts, chain.KeyAccount(k))
	}
	var addrs []common.Address
	for _, a := range accounts {
		addrs = append(addrs, a.Address)
	}
	stake := big.NewInt(100_000_000)
	if err := sendEach(addrs, func(to common.Address) error {
		_, err := n.e.Client().Transact(ctx, deployer, chain.Tx{What: "fund with ETH", To: &to, Value: big.NewInt(1e18)})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if err := n.e.FundENG(ctx, deployer, addrs, stake); err != nil {
		t.Fatal(err)
	}
	joined := make([]error, len(accounts))
	sendEachIndexed(len(accounts)-1, func(i int) {
		joined[i] = joinPlain(n, accounts[i], stake, true)
	})
	for i, err := range joined[:len(accounts)-1] {
		if err != nil {
			t.Fatalf("worker %d: %v", i, err)
		}
	}
	last := accounts[len(accounts)-1]
	mustRevert(t, joinPlain(n, last, stake, true), "Too many active workers")

	// The key manager's next epoch holds all 256 and fits in a block.
	st, _ := n.e.EpochState(ctx)
	for {
		now, err := n.e.EpochState(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if now.Count.Cmp(st.Count) > 0 {
			st = now
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	p, err := n.e.WorkerParams(ctx, st.FirstBlock.Uint64())
	if err != nil || len(p.Arg2) != want {
		t.Fatalf("the epoch after the registrations has %d workers (%v), want %d", len(p.Arg2), err, want)
	}
	gas := epochGas(t, n, st.FirstBlock.Uint64())
	t.Logf("setWorkersParams with %d workers: %d gas", want, gas)
	if gas > 1<<24 {
		t.Fatalf("setWorkersParams with %d workers needs %d gas, over a transaction's cap", want, gas)
	}
}
