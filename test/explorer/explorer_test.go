// Package explorer_test drives the explorer page (internal/explorer) in
// headless Chromium against a devnet running real tasks: the page shows
// the epoch, the workers, the tasks with their outcome, a task found by
// its id and a contract's page, while neither the page nor any API answer
// holds a byte of the tasks' plaintext inputs, outputs or state.
package explorer_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/devnet"
	"github.com/enigma-go/enigma/internal/enclave/testcontract"
	"github.com/enigma-go/enigma/internal/testbin"
	"github.com/enigma-go/enigma/sdk/client"
)

var updateScreenshot = flag.Bool("update-screenshot", false, "write the explorer's screenshot to docs/img/explorer.png")

// canary is in every task's plaintext inputs; the test contract stores
// them as its state and returns them as its output, so a leak of any of
// them would show it.
const canary = "CANARY-explorer-2f9d61b7e4"

func TestExplorerInBrowser(t *testing.T) {
	exe := testbin.Chromium(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()

	cfg := devnet.TestConfig()
	cfg.DataDir, cfg.EpochSize = t.TempDir(), 1000
	d, err := devnet.Start(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()

	perTask := newClient(ctx, t, d, cfg.DataDir, 1, true)
	batched := newClient(ctx, t, d, cfg.DataDir, 2, false)
	dep, err := perTask.Deploy(ctx, testcontract.Contract(), "construct(bytes)", client.RawArgs(canary+"-init"))
	if st := wait(ctx, t, dep, err, "deploy"); st != api.ChainReceiptVerified {
		t.Fatalf("the deploy ended with %s", st)
	}
	sc := dep.Contract
	var computes []*client.Task
	for i := range 2 {
		task, err := perTask.Compute(ctx, sc, "store(bytes)", client.RawArgs(fmt.Sprintf("%s-%d", canary, i)))
		if st := wait(ctx, t, task, err, "compute"); st != api.ChainReceiptVerified {
			t.Fatalf("the compute ended with %s", st)
		}
		if out, err := task.Output(ctx); err != nil || !bytes.Contains(out, []byte(canary)) {
			t.Fatalf("the task's output %q (err %v) does not hold the canary: the test would not see a leak", out, err)
		}
		computes = append(computes, task)
	}
	failed, err := perTask.Compute(ctx, sc, "unreachable()", client.RawArgs(canary+"-trap"))
	if st := wait(ctx, t, failed, err, "failing compute"); st != api.ChainReceiptFailed {
		t.Fatalf("the failing compute ended with %s, want %s", st, api.ChainReceiptFailed)
	}
	bt, err := batched.Compute(ctx, sc, "store(bytes)", client.RawArgs(canary+"-batched"))
	wait(ctx, t, bt, err, "batched compute")

	url := d.ExplorerURL()
	t.Logf("explorer at %s", url)
	bctx, stop := testbin.Browser(ctx, t, exe)
	defer stop()

	var pages []string // every page's text and HTML, checked for the canary
	page := func(what string) {
		t.Helper()
		html, err := chromedp.Run(bctx, chromedp.OuterHTML("html"))
		if err != nil {
			t.Fatalf("%s: read the page: %v", what, err)
		}
		text, err := chromedp.Run(bctx, chromedp.Evaluate[string]("document.body.innerText"))
		if err != nil {
			t.Fatalf("%s: read the page's text: %v", what, err)
		}
		pages = append(pages, what+" html:\n"+html, what+" text:\n"+text)
	}

	// Home: the epoch, the workers by name, every task with its outcome,
	// the batch.
	if err := chromedp.Do(bctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(url)); err != nil {
		t.Fatalf("open %s: %v", url, err)
	}
	steps := []chromedp.Action[chromedp.Void]{chromedp.WaitVisible("#epoch-number"),
		chromedp.WaitVisible(`#worker-table tr[data-id]`), chromedp.WaitVisible(`#batch-table tr`)}
	for _, task := range append([]*client.Task{dep}, computes...) {
		steps = append(steps, chromedp.WaitVisible(fmt.Sprintf(`#task-table tr[data-id="%s"][data-status="verified"]`, task.ID.String())))
	}
	steps = append(steps, chromedp.WaitVisible(fmt.Sprintf(`#task-table tr[data-id="%s"][data-status="failed"]`, failed.ID.String())))
	wctx, wcancel := context.WithTimeout(bctx, time.Minute)
	err = chromedp.Do(wctx, steps...)
	wcancel()
	if err != nil {
		text, _ := chromedp.Run(bctx, chromedp.Evaluate[string]("document.body.innerText"))
		t.Fatalf("the explorer's home page never showed the epoch, workers, batch and the verified tasks: %v\npage:\n%s\napi/summary:\n%s", err, text, get(t, url+"api/summary"))
	}
	home, err := chromedp.Run(bctx, chromedp.Evaluate[string]("document.body.innerText"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Epoch 1", "worker 0", "worker 1", "logged in", "verified", "failed", "deploy", "compute", "Batches", "Secret contracts"} {
		if !strings.Contains(home, want) {
			t.Errorf("the home page does not show %q:\n%s", want, home)
		}
	}
	page("home")
	shot(bctx, t)

	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		wctx, wcancel := context.WithTimeout(bctx, 45*time.Second)
		defer wcancel()
		if err := chromedp.Do(wctx, steps...); err != nil {
			text, _ := chromedp.Run(bctx, chromedp.Evaluate[string]("document.body.innerText"))
			t.Fatalf("%s: %v; the page:\n%s", what, err, text)
		}
	}

	// A task found through the search box.
	id := computes[0].ID.String()
	do("search for task "+id, chromedp.SetValue("#q", id), chromedp.Click("#search button"), chromedp.WaitVisible("#task-id"))
	text, err := chromedp.Run(bctx, chromedp.Text("#task-fields"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{id, "compute", "verified", sc.String(), "worker ", "gas used", "fee", "output hash", "record transaction", "outcome transaction"} {
		if !strings.Contains(strings.ToLower(text), strings.ToLower(want)) {
			t.Errorf("the task page does not show %q:\n%s", want, text)
		}
	}
	page("task")

	// The contract's page, from the task's link.
	do("the contract page", chromedp.Click(`#task-fields a[href^="#/contract/"]`), chromedp.WaitVisible("#contract-address"),
		chromedp.WaitVisible(fmt.Sprintf(`#task-table tr[data-id="%s"]`, id)))
	text, err = chromedp.Run(bctx, chromedp.Text("#view"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{sc.String(), "code hash", "state deltas", "Batches"} {
		if !strings.Contains(text, want) {
			t.Errorf("the contract page does not show %q:\n%s", want, text)
		}
	}
	page("contract")

	// The sender's page.
	sender := perTask.Address().Hex()
	do("the sender's page", chromedp.SetValue("#q", sender), chromedp.Click("#search button"),
		chromedp.WaitVisible("#address"), chromedp.WaitVisible(fmt.Sprintf(`#task-table tr[data-id="%s"]`, id)))
	page("address")

	// Hostile input is shown as text, never run.
	do("a hostile search", chromedp.SetValue("#q", `<img src=x onerror="window.pwned=1">`), chromedp.Click("#search button"),
		chromedp.WaitVisible("#notice"))
	notice, err := chromedp.Run(bctx, chromedp.Text("#notice"))
	if err != nil || !strings.Contains(notice, "<img src=x") {
		t.Errorf("the notice %q (err %v) does not show the hostile search as text", notice, err)
	}
	if pwned, err := chromedp.Run(bctx, chromedp.Evaluate[bool]("window.pwned === 1 || document.querySelector('#notice img') !== null")); err != nil || pwned {
		t.Errorf("the hostile search became markup (err %v)", err)
	}

	// What the page read, and more: every API answer.
	apiPaths := []string{"summary", "summary?limit=200", "tasks?limit=200", "contracts", "batches", "workers", "epoch",
		"contract/" + sc.String(), "address/" + sender, "search?q=" + id}
	for _, task := range append([]*client.Task{dep, failed}, computes...) {
		apiPaths = append(apiPaths, "task/"+task.ID.String())
	}
	for _, p := range apiPaths {
		pages = append(pages, "GET api/"+p+":\n"+get(t, url+"api/"+p))
	}
	for _, p := range pages {
		if form, leaked := leaks(p); leaked {
			t.Errorf("the canary's %s form is in %s", form, p)
		}
	}
}

// newClient is a Go client of dev account i, per task or batched.
func newClient(ctx context.Context, t *testing.T, d *devnet.Devnet, dir string, i int, perTask bool) *client.Client {
	t.Helper()
	cfg, err := client.ConfigFromFile(filepath.Join(dir, "addresses.json"))
	if err != nil {
		t.Fatal(err)
	}
	cfg.PollInterval, cfg.Account, cfg.PerTask = client.TestConfig().PollInterval, d.Accounts()[i].Hex(), perTask
	c, err := client.New(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c
}

// wait waits for a task's end and returns its status on chain (undefined
// for a batched task, which has no record).
func wait(ctx context.Context, t *testing.T, task *client.Task, err error, what string) api.ChainStatus {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	st, err := task.Wait(ctx, nil)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return st.Chain
}

// shot saves the page: a full-page screenshot as the test's artefact and,
// with -update-screenshot, the window's (1280×900) as docs/img/explorer.png.
func shot(bctx context.Context, t *testing.T) {
	t.Helper()
	t.Logf("screenshot of the explorer: %s", testbin.SaveScreenshot(bctx, t, "explorer.png"))
	if *updateScreenshot {
		win, err := chromedp.Run(bctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		doc := filepath.Join(testbin.RepoRoot(t), "docs", "img", "explorer.png")
		if err := os.MkdirAll(filepath.Dir(doc), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(doc, win, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", doc)
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
	if csp := r.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("GET %s: Content-Security-Policy %q", url, csp)
	}
	return string(b)
}

// leaks reports whether s holds the canary plainly, in hex or in base64
// (at each of the three alignments a longer blob could put it at).
func leaks(s string) (string, bool) {
	forms := map[string]string{"plain": canary, "hex": hex.EncodeToString([]byte(canary))}
	forms["HEX"] = strings.ToUpper(forms["hex"])
	for off := range 3 {
		b := append(bytes.Repeat([]byte{0}, off), canary...)
		for name, enc := range map[string]*base64.Encoding{"base64": base64.StdEncoding, "base64url": base64.URLEncoding} {
			e := strings.TrimRight(enc.EncodeToString(b), "=")
			if off > 0 {
				e = e[4:] // the first quantum holds bytes before the canary
			}
			e = e[:len(e)-4] // the last may hold bytes after it
			forms[fmt.Sprintf("%s+%d", name, off)] = e
		}
	}
	low := strings.ToLower(s)
	for name, f := range forms {
		if strings.Contains(s, f) || (name == "hex" && strings.Contains(low, f)) {
			return name, true
		}
	}
	return "", false
}

// The leak check finds the canary in each form, inside longer data.
func TestLeaksFindsEveryForm(t *testing.T) {
	for off := range 3 {
		data := append(bytes.Repeat([]byte("z"), off), []byte(canary+"-and-more")...)
		for _, s := range []string{string(data), hex.EncodeToString(data), strings.ToUpper(hex.EncodeToString(data)),
			base64.StdEncoding.EncodeToString(data), base64.URLEncoding.EncodeToString(data)} {
			if _, ok := leaks(`{"x":"` + s + `"}`); !ok {
				t.Errorf("leaks misses %s", s)
			}
		}
	}
	if form, ok := leaks(`{"id":"0x3f68e79174daf15b50e15833babc8eb7743e730bb9606f922c48e95314c3905c"}`); ok {
		t.Errorf("a task id matched the %s form", form)
	}
}
