// Package webapp_test drives the dapp in clients/ts/web (pages on the
// TypeScript client's browser bundle) in headless Chromium against a devnet
// at the defaults users get. A wallet-like EIP-1193 provider, injected
// before the pages' scripts run, holds a dev account's key. The test clicks
// through the credit score page (connect, deploy examples/creditscore, a
// secret submission on the batched path) and reads the decrypted, verified
// score; then through the sybil page, whose secret queries about an address
// the wallet signs as EIP-712 typed data, with no transaction.
//
// The wallet lives in the test (wallet_test.go): window.ethereum hands
// every request to a Go function chromedp exposes to the page, which signs
// transactions, personal messages and EIP-712 data with go-ethereum and
// forwards reads to the devnet's chain, as an extension and its node would.
// So the pages' signatures are checked by an implementation other than the
// one in the bundle.
package webapp_test

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/internal/chain/devchain"
	"github.com/enigma-go/enigma/internal/devnet"
	"github.com/enigma-go/enigma/internal/testbin"
	"github.com/enigma-go/enigma/sdk/client"
	"github.com/enigma-go/enigma/sdk/contract"
	"github.com/enigma-go/enigma/sdk/contract/build"
)

//go:embed provider.js
var providerJS string

// The applicant the test enters, and the score examples/creditscore gives
// them: 300 + 4 years × 15 + (400 − 4 × 20% debt) − 60 for one late payment.
const (
	income, debt, late, years = "50000", "10000", "1", "4"
	wantScore                 = "620"
)

func TestDapp(t *testing.T) {
	exe := testbin.Chromium(t)
	root := testbin.RepoRoot(t)
	bundle := browserBundle(t, root)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()

	// The devnet at its defaults (1 s blocks, 10-block epochs, 3 workers),
	// on free ports; its task and epoch lines are printed if the test fails.
	var activity lockedBuffer
	cfg := devnet.DefaultConfig()
	cfg.DataDir, cfg.ChainAddr, cfg.GatewayAddr, cfg.Activity = t.TempDir(), "127.0.0.1:0", "127.0.0.1:0", &activity
	wasmDir := t.TempDir()
	built := make(chan error, 1)
	go func() {
		for _, name := range []string{"creditscore", "sybil"} {
			if _, err := build.Contract(ctx, build.Options{Dir: filepath.Join(root, "examples", name), Out: filepath.Join(wasmDir, name+".wasm")}); err != nil {
				built <- fmt.Errorf("build examples/%s: %w", name, err)
				return
			}
		}
		built <- nil
	}()
	d, err := devnet.Start(ctx, cfg)
	if err != nil {
		<-built
		t.Fatalf("start the devnet: %v", err)
	}
	defer d.Close()
	defer func() {
		if t.Failed() {
			t.Logf("the devnet's tasks and epochs:\n%s", activity.String())
		}
	}()
	if err := <-built; err != nil {
		t.Fatal(err)
	}

	// Someone runs a sybil registry with a verified seed, while the
	// credit score flow goes on in the browser.
	registry := make(chan sybilRegistry, 1)
	go func() { registry <- startRegistry(ctx, d, filepath.Join(wasmDir, "sybil.wasm")) }()

	accounts, err := devchain.DeriveAccounts(devchain.DefaultMnemonic, 1)
	if err != nil {
		t.Fatal(err)
	}
	w, err := newWallet(ctx, accounts[0].Key, d.ChainURL())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()

	addrs := d.Addresses()
	siteConfig := &siteConfig{m: map[string]string{"gateway": d.GatewayURL(), "enigma": addrs.Contract.Hex(), "token": addrs.Token.Hex(), "wasm": "creditscore.wasm"}}
	site := serve(t, root, bundle, filepath.Join(wasmDir, "creditscore.wasm"), siteConfig)
	t.Logf("the dapp at %s/web/, the devnet's gateway at %s", site, d.GatewayURL())

	bctx, stop := testbin.Browser(ctx, t, exe)
	defer stop()
	p := &tab{bctx: bctx, w: w}
	p.logConsole()
	p.do(t, "open the browser", time.Minute,
		chromedp.EmulateViewport(1280, 900),
		chromedp.ExposeFunc("__testWallet", w.Request),
		injectOnNewDocument(providerJS))

	t.Run("credit score", func(t *testing.T) { creditScore(t, p, d, site) })

	reg := <-registry
	if reg.err != nil {
		t.Fatalf("the sybil registry: %v", reg.err)
	}
	siteConfig.set("sybil", reg.contract)
	t.Run("sybil query", func(t *testing.T) { sybilQuery(t, p, site, reg) })
}

// creditScore connects the wallet, deploys examples/creditscore from the
// page and scores an applicant: the page shows the score, verified.
func creditScore(t *testing.T, p *tab, d *devnet.Devnet, site string) {
	w := p.w
	p.do(t, "open the page", time.Minute,
		chromedp.Navigate(site+"/web/"),
		chromedp.WaitVisible("#connect"),
		until(`document.getElementById("gateway").value !== ""`, time.Minute))
	p.connect(t)

	p.do(t, "deploy the contract", 3*time.Minute,
		chromedp.Click("#deploy"),
		until(`/^0x[0-9a-f]{64}$/i.test(document.getElementById("contract").value) || document.getElementById("error").textContent !== ""`, 3*time.Minute))
	p.failedOn(t, "the deploy")
	contract, _ := chromedp.Run(p.bctx, chromedp.Evaluate[string](`document.getElementById("contract").value`))

	p.do(t, "submit the applicant's data", 3*time.Minute,
		chromedp.SetValue("#income", income), chromedp.SetValue("#debt", debt),
		chromedp.SetValue("#late", late), chromedp.SetValue("#years", years),
		chromedp.Click("#submit"),
		until(`/^\d+$/.test(document.getElementById("score").textContent) || document.getElementById("error").textContent !== ""`, 3*time.Minute))
	p.failedOn(t, "the submission")
	score, _ := chromedp.Run(p.bctx, chromedp.Text("#score"))
	proof, _ := chromedp.Run(p.bctx, chromedp.Text("#proof"))
	if strings.TrimSpace(score) != wantScore {
		t.Errorf("the page shows score %q, want %s", score, wantScore)
	}
	for _, want := range []string{"verified", "batch", "proved against the batch root at block"} {
		if !strings.Contains(proof, want) {
			t.Errorf("the proof line %q does not say %q", proof, want)
		}
	}
	shot(p.bctx, t, "webapp.png")

	// The wallet paid for the deploy and the deposit and signed the batched
	// task as a personal message (EIP-191); it was never asked for eth_sign,
	// which wallets refuse, nor for a key.
	count := w.Count()
	if count["eth_requestAccounts"] == 0 || count["eth_sendTransaction"] < 2 || count["personal_sign"] == 0 || count["eth_sign"] != 0 {
		t.Errorf("the wallet's requests: %v", count)
	}
	// The chain holds the contract the page deployed.
	if got := get(t, d.ExplorerURL()+"api/contract/"+contract); !strings.Contains(strings.ToLower(got), strings.ToLower(contract)) {
		t.Errorf("the explorer does not know contract %s: %s", contract, got)
	}
	// What the applicant typed never left the page in the clear: the
	// wallet saw the task's hash and transactions, never the call.
	for _, n := range []uint64{50000, 10000} {
		if m := w.SawWord(n); m != "" {
			t.Errorf("the wallet saw the applicant's %d in a %s request", n, m)
		}
	}
}

// sybilQuery asks the sybil registry, from its page, whether the seed and
// a stranger are verified humans: secret queries the wallet signs as
// EIP-712 typed data, with no transaction.
func sybilQuery(t *testing.T, p *tab, site string, reg sybilRegistry) {
	w := p.w
	p.do(t, "open the page", time.Minute,
		chromedp.Navigate(site+"/web/human.html"),
		until(`document.getElementById("contract").value !== ""`, time.Minute))
	p.connect(t)
	before := w.Count()
	ask := func(who string) string {
		t.Helper()
		p.do(t, "ask about "+who, 2*time.Minute,
			chromedp.SetValue("#address", who),
			chromedp.Evaluate[chromedp.Void](`document.getElementById("answer").dataset.value = ""`),
			chromedp.Click("#query"),
			until(`document.getElementById("answer").dataset.value !== "" || document.getElementById("error").textContent !== ""`, 2*time.Minute))
		p.failedOn(t, "the query about "+who)
		v, _ := chromedp.Run(p.bctx, chromedp.Evaluate[string](`document.getElementById("answer").dataset.value`))
		return v
	}
	if got := ask(reg.human); got != "true" {
		t.Errorf("the page says %q for the verified seed %s", got, reg.human)
	}
	answered, _ := chromedp.Run(p.bctx, chromedp.Text("#answered"))
	if !strings.Contains(answered, "sealed to you") || !strings.Contains(answered, "no transaction") {
		t.Errorf("the page's line about the answer: %q", answered)
	}
	shot(p.bctx, t, "webapp-query.png")
	if got := ask(reg.stranger); got != "false" {
		t.Errorf("the page says %q for the stranger %s", got, reg.stranger)
	}
	after := w.Count()
	if after["eth_signTypedData_v4"]-before["eth_signTypedData_v4"] != 2 {
		t.Errorf("the wallet signed %d queries as typed data, want 2: %v", after["eth_signTypedData_v4"]-before["eth_signTypedData_v4"], after)
	}
	if after["eth_sendTransaction"] != before["eth_sendTransaction"] {
		t.Errorf("a query sent %d transactions", after["eth_sendTransaction"]-before["eth_sendTransaction"])
	}
}

// sybilRegistry is examples/sybil deployed by another account, with one
// seed registered (verified at once).
type sybilRegistry struct {
	contract, human, stranger string
	err                       error
}

func startRegistry(ctx context.Context, d *devnet.Devnet, wasm string) sybilRegistry {
	code, err := os.ReadFile(wasm)
	if err != nil {
		return sybilRegistry{err: err}
	}
	cfg := client.TestConfig()
	a := d.Addresses()
	cfg.ChainRPC, cfg.Gateway, cfg.Enigma, cfg.Token, cfg.Account = d.ChainURL(), d.GatewayURL(), a.Contract.Hex(), a.Token.Hex(), d.Accounts()[1].Hex()
	c, err := client.New(ctx, cfg)
	if err != nil {
		return sybilRegistry{err: err}
	}
	defer c.Close()
	seed := contract.Keccak256([]byte("webapp seed secret"))
	other := contract.Keccak256([]byte("webapp second seed"))
	human := contract.Address{0: 0x5e, 19: 1}
	dep, err := c.Deploy(ctx, code, "construct(bytes32[],uint256,uint256)", []contract.Bytes32{contract.Keccak256(seed[:]), contract.Keccak256(other[:])}, 2, 3)
	if err == nil {
		_, err = dep.Wait(ctx, nil)
	}
	if err != nil {
		return sybilRegistry{err: fmt.Errorf("deploy: %w", err)}
	}
	id := contract.Keccak256([]byte("gov-id"), []byte{0}, []byte("CH:webapp-1"))
	task, err := c.Compute(ctx, dep.Contract, "register(address,bytes32,bytes32[])", human, seed, []contract.Bytes32{id})
	if err == nil {
		_, err = task.Wait(ctx, nil)
	}
	if err == nil {
		_, err = task.Output(ctx)
	}
	if err != nil {
		return sybilRegistry{err: fmt.Errorf("register the seed: %w", err)}
	}
	return sybilRegistry{contract: dep.Contract.String(), human: common.Address(human).Hex(), stranger: common.Address{0: 0x5e, 19: 2}.Hex()}
}

// tab is the browser tab the dapp runs in, with the wallet it talks to.
type tab struct {
	bctx    context.Context
	w       *wallet
	console lockedBuffer
}

// logConsole keeps the page's console messages, printed when a step fails.
func (p *tab) logConsole() {
	console := chromedp.Console(p.bctx)
	go func() {
		for m, err := range console {
			if err != nil {
				return
			}
			fmt.Fprintln(&p.console, m.String())
		}
	}()
}

func (p *tab) text() string {
	s, _ := chromedp.Run(p.bctx, chromedp.Evaluate[string]("document.body.innerText"))
	return s
}

// do runs steps within limit, failing the test with the page, its
// console and the wallet's requests if they do not finish.
func (p *tab) do(t *testing.T, what string, limit time.Duration, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	sctx, scancel := context.WithTimeout(p.bctx, limit)
	defer scancel()
	if err := chromedp.Do(sctx, steps...); err != nil {
		t.Fatalf("%s: %v\nthe page:\n%s\nits console:\n%s\nthe wallet's requests: %v", what, err, p.text(), p.console.String(), p.w.Methods())
	}
}

// connect clicks "Connect wallet" and checks the page shows the wallet's account.
func (p *tab) connect(t *testing.T) {
	t.Helper()
	p.do(t, "connect the wallet", time.Minute,
		chromedp.Click("#connect"),
		until(`document.getElementById("account").textContent.startsWith("0x") || document.getElementById("error").textContent !== ""`, time.Minute))
	p.failedOn(t, "connecting the wallet")
	account, _ := chromedp.Run(p.bctx, chromedp.Text("#account"))
	if !strings.EqualFold(strings.TrimSpace(account), p.w.Address().Hex()) {
		t.Errorf("the page shows account %q, the wallet's is %s", account, p.w.Address().Hex())
	}
}

// failedOn fails the test with the page's error line, if it shows one.
func (p *tab) failedOn(t *testing.T, what string) {
	t.Helper()
	msg, err := chromedp.Run(p.bctx, chromedp.Text("#error"))
	if err != nil {
		t.Fatalf("%s: read the error line: %v", what, err)
	}
	if strings.TrimSpace(msg) != "" {
		t.Fatalf("%s: the page shows the error %q", what, msg)
	}
}

// until waits (at most limit) for the JavaScript expression to be truthy.
func until(expr string, limit time.Duration) chromedp.Action[chromedp.Void] {
	return chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingTimeout(limit), chromedp.WithPollingInterval(100*time.Millisecond))
}

// injectOnNewDocument runs src in every document of the tab before its own
// scripts, as a wallet extension's content script does.
func injectOnNewDocument(src string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src})
		return err
	})
}

// serve runs the dapp's site on a free port until the test ends: the page
// (clients/ts/web) at /web/, the bundle at /dist/enigma.browser.js (where
// the page looks for it: ../dist/), the contract's wasm and config.json
// beside the page.
func serve(t *testing.T, root, bundle, wasm string, config *siteConfig) string {
	t.Helper()
	mux := http.NewServeMux()
	mux.Handle("GET /web/", http.StripPrefix("/web/", http.FileServer(http.Dir(filepath.Join(root, "clients", "ts", "web")))))
	mux.HandleFunc("GET /web/config.json", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(config.json())
	})
	mux.HandleFunc("GET /web/creditscore.wasm", func(w http.ResponseWriter, r *http.Request) { http.ServeFile(w, r, wasm) })
	mux.HandleFunc("GET /dist/enigma.browser.js", func(w http.ResponseWriter, r *http.Request) { http.ServeFile(w, r, bundle) })
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String()
}

// browserBundle returns clients/ts/dist/enigma.browser.js, built first
// (npm run build) when it is missing or older than the client's sources.
// Without clients/ts/node_modules the test is skipped, or fails under
// CI=true.
func browserBundle(t *testing.T, root string) string {
	t.Helper()
	ts := filepath.Join(root, "clients", "ts")
	unavailable := func(msg string) {
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	if _, err := os.Stat(filepath.Join(ts, "node_modules", "esbuild")); err != nil {
		unavailable("clients/ts/node_modules is missing: run make deps (it installs the TypeScript client's packages)")
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		unavailable("npm is not installed: install node 20 and npm, then run make deps")
	}
	bundle := filepath.Join(ts, "dist", "enigma.browser.js")
	if fresh(bundle, filepath.Join(ts, "src"), filepath.Join(ts, "package.json"), filepath.Join(ts, "package-lock.json"), filepath.Join(ts, "scripts", "build.mjs")) {
		return bundle
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, npm, "run", "build")
	cmd.Dir = ts
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("npm run build in clients/ts: %v\n%s", err, out)
	}
	if !fresh(bundle) {
		t.Fatalf("npm run build wrote no %s:\n%s", bundle, out)
	}
	t.Logf("built %s (npm run build)", bundle)
	return bundle
}

// fresh reports whether target exists and no file under sources is newer.
func fresh(target string, sources ...string) bool {
	st, err := os.Stat(target)
	if err != nil {
		return false
	}
	for _, src := range sources {
		stale := errors.New("stale")
		err := filepath.WalkDir(src, func(p string, e os.DirEntry, err error) error {
			if err != nil {
				return nil // a source that is not there is not newer
			}
			if info, err := e.Info(); err == nil && !e.IsDir() && info.ModTime().After(st.ModTime()) {
				return stale
			}
			return nil
		})
		if errors.Is(err, stale) {
			return false
		}
	}
	return true
}

// shot saves a full-page screenshot as the test's artefact name.
func shot(bctx context.Context, t *testing.T, name string) {
	t.Helper()
	t.Logf("screenshot of the dapp: %s", testbin.SaveScreenshot(bctx, t, name))
}

func get(t *testing.T, url string) string {
	t.Helper()
	r, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Body.Close()
	b, err := io.ReadAll(r.Body)
	if err != nil {
		t.Fatal(err)
	}
	if r.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s: %s", url, r.Status, b)
	}
	return string(b)
}

// siteConfig is the dapp site's config.json: the network's endpoints and
// the contracts the pages use.
type siteConfig struct {
	mu sync.Mutex
	m  map[string]string
}

func (c *siteConfig) set(k, v string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[k] = v
}

func (c *siteConfig) json() []byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	b, _ := json.Marshal(c.m)
	return b
}

// lockedBuffer collects lines written from several goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
