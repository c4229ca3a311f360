// Package webapp_test drives the credit score dapp (clients/ts/web, on the
// TypeScript client's browser bundle) in headless Chromium against a devnet
// at the defaults users get: a wallet-like EIP-1193 provider, injected
// before the page's scripts run, holds a dev account's key; the test clicks
// through connect, deploy and a secret submission and reads the decrypted,
// verified score in the page.
//
// The wallet lives in the test (wallet.go): window.ethereum hands every
// request to a Go function chromedp exposes to the page, which signs
// transactions, personal messages and EIP-712 data with go-ethereum and
// forwards reads to the devnet's chain, as an extension and its node would.
// So the page's signatures are checked by an implementation other than the
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

	"github.com/enigma-go/enigma/internal/chain/devchain"
	"github.com/enigma-go/enigma/internal/devnet"
	"github.com/enigma-go/enigma/internal/testbin"
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

func TestCreditScoreDapp(t *testing.T) {
	exe := testbin.Chromium(t)
	root := repoRoot(t)
	bundle := browserBundle(t, root)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()

	// The devnet at its defaults (1 s blocks, 10-block epochs, 3 workers),
	// on free ports; its task and epoch lines are printed if the test fails.
	var activity lockedBuffer
	cfg := devnet.DefaultConfig()
	cfg.DataDir, cfg.ChainAddr, cfg.GatewayAddr, cfg.Activity = t.TempDir(), "127.0.0.1:0", "127.0.0.1:0", &activity
	built := make(chan error, 1)
	wasm := filepath.Join(t.TempDir(), "creditscore.wasm")
	go func() {
		_, err := build.Contract(ctx, build.Options{Dir: filepath.Join(root, "examples", "creditscore"), Out: wasm})
		built <- err
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
		t.Fatalf("build examples/creditscore: %v", err)
	}

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
	site := serve(t, root, bundle, wasm, map[string]string{
		"gateway": d.GatewayURL(), "enigma": addrs.Contract.Hex(), "token": addrs.Token.Hex(), "wasm": "creditscore.wasm",
	})
	url := site + "/web/"
	t.Logf("the dapp at %s, the devnet's gateway at %s", url, d.GatewayURL())

	bctx, stop := browser(ctx, t, exe)
	defer stop()
	console := chromedp.Console(bctx)
	var pageLog lockedBuffer
	go func() {
		for m, err := range console {
			if err != nil {
				return
			}
			fmt.Fprintln(&pageLog, m.String())
		}
	}()
	text := func() string {
		s, _ := chromedp.Run(bctx, chromedp.Evaluate[string]("document.body.innerText"))
		return s
	}
	do := func(what string, limit time.Duration, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		sctx, scancel := context.WithTimeout(bctx, limit)
		defer scancel()
		if err := chromedp.Do(sctx, steps...); err != nil {
			t.Fatalf("%s: %v\nthe page:\n%s\nits console:\n%s\nthe wallet's requests: %v", what, err, text(), pageLog.String(), w.Methods())
		}
	}

	do("open the page", time.Minute,
		chromedp.EmulateViewport(1280, 900),
		chromedp.ExposeFunc("__testWallet", w.Request),
		injectOnNewDocument(providerJS),
		chromedp.Navigate(url),
		chromedp.WaitVisible("#connect"),
		until(`document.getElementById("gateway").value !== ""`, time.Minute))

	do("connect the wallet", time.Minute,
		chromedp.Click("#connect"),
		until(`document.getElementById("account").textContent.startsWith("0x") || document.getElementById("error").textContent !== ""`, time.Minute))
	failedOn(t, bctx, "connecting the wallet")
	account, _ := chromedp.Run(bctx, chromedp.Text("#account"))
	if !strings.EqualFold(strings.TrimSpace(account), w.Address().Hex()) {
		t.Errorf("the page shows account %q, the wallet's is %s", account, w.Address().Hex())
	}

	do("deploy the contract", 3*time.Minute,
		chromedp.Click("#deploy"),
		until(`/^0x[0-9a-f]{64}$/i.test(document.getElementById("contract").value) || document.getElementById("error").textContent !== ""`, 3*time.Minute))
	failedOn(t, bctx, "the deploy")
	contract, _ := chromedp.Run(bctx, chromedp.Evaluate[string](`document.getElementById("contract").value`))

	do("submit the applicant's data", 3*time.Minute,
		chromedp.SetValue("#income", income), chromedp.SetValue("#debt", debt),
		chromedp.SetValue("#late", late), chromedp.SetValue("#years", years),
		chromedp.Click("#submit"),
		until(`/^\d+$/.test(document.getElementById("score").textContent) || document.getElementById("error").textContent !== ""`, 3*time.Minute))
	failedOn(t, bctx, "the submission")
	score, _ := chromedp.Run(bctx, chromedp.Text("#score"))
	proof, _ := chromedp.Run(bctx, chromedp.Text("#proof"))
	if strings.TrimSpace(score) != wantScore {
		t.Errorf("the page shows score %q, want %s", score, wantScore)
	}
	for _, want := range []string{"verified", "batch", "proved against the batch root at block"} {
		if !strings.Contains(proof, want) {
			t.Errorf("the proof line %q does not say %q", proof, want)
		}
	}
	shot(bctx, t, root)

	// The wallet paid for the deploy and the deposit and signed the batched
	// task as a personal message (EIP-191); it was never asked for eth_sign,
	// which wallets refuse, nor for a key.
	methods := w.Methods()
	count := map[string]int{}
	for _, m := range methods {
		count[m]++
	}
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

// failedOn fails the test with the page's error line, if it shows one.
func failedOn(t *testing.T, bctx context.Context, what string) {
	t.Helper()
	msg, err := chromedp.Run(bctx, chromedp.Text("#error"))
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
func serve(t *testing.T, root, bundle, wasm string, config map[string]string) string {
	t.Helper()
	cfgJSON, err := json.Marshal(config)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("GET /web/", http.StripPrefix("/web/", http.FileServer(http.Dir(filepath.Join(root, "clients", "ts", "web")))))
	mux.HandleFunc("GET /web/config.json", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(cfgJSON)
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

// browser starts headless Chromium, 1280×900.
func browser(ctx context.Context, t *testing.T, exe string) (context.Context, func()) {
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.Headless, chromedp.DisableGPU,
		chromedp.WindowSize(1280, 900), chromedp.UserDataDir(t.TempDir()))
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox)
	}
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	bctx, bcancel := chromedp.NewContext(actx, chromedp.WithLogf(t.Logf))
	return bctx, func() { bcancel(); acancel() }
}

// shot saves a full-page screenshot as the test's artefact
// (ENIGMA_ARTIFACTS, default .artifacts/ at the repository's root).
func shot(bctx context.Context, t *testing.T, root string) {
	t.Helper()
	dir := os.Getenv("ENIGMA_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(root, ".artifacts")
	}
	png, err := chromedp.Run(bctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "webapp.png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot of the dapp: %s", path)
}

func repoRoot(t *testing.T) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			t.Fatalf("no go.mod above %s", dir)
		}
	}
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
