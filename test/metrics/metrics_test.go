package metrics

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/devnet"
	"github.com/enigma-go/enigma/internal/enclave/testcontract"
	"github.com/enigma-go/enigma/internal/p2p"
	"github.com/enigma-go/enigma/internal/testbin"
	"github.com/enigma-go/enigma/sdk/client"
)

// One devnet, which has run a deploy, per-task computes and a batched
// compute, serves every test of the package.
var (
	netOnce sync.Once
	net0    *devnet.Devnet
	netErr  error
	netDir  string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if net0 != nil {
		net0.Close()
	}
	if netDir != "" {
		os.RemoveAll(netDir)
	}
	os.Exit(code)
}

// network starts the devnet and runs its tasks, once.
func network(t *testing.T) *devnet.Devnet {
	t.Helper()
	if testing.Short() {
		t.Skip("starts a devnet; skipped with -short")
	}
	netOnce.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		if netDir, netErr = os.MkdirTemp("", "enigma-metrics-test-"); netErr != nil {
			return
		}
		cfg := devnet.TestConfig()
		cfg.DataDir = netDir
		if net0, netErr = devnet.Start(ctx, cfg); netErr != nil {
			return
		}
		netErr = runTasks(ctx, net0, netDir)
	})
	if netErr != nil {
		t.Fatalf("devnet and its tasks: %v", netErr)
	}
	return net0
}

// runTasks deploys the test contract and runs two per-task computes and
// one batched compute, each to its end.
func runTasks(ctx context.Context, d *devnet.Devnet, dir string) error {
	perTask, err := newClient(ctx, d, dir, 1, true)
	if err != nil {
		return err
	}
	defer perTask.Close()
	batched, err := newClient(ctx, d, dir, 2, false)
	if err != nil {
		return err
	}
	defer batched.Close()
	dep, err := perTask.Deploy(ctx, testcontract.Contract(), "construct(bytes)", client.RawArgs("init"))
	if err := wait(ctx, dep, err, "deploy"); err != nil {
		return err
	}
	for i := range 2 {
		task, err := perTask.Compute(ctx, dep.Contract, "store(bytes)", client.RawArgs(fmt.Sprintf("v%d", i)))
		if err := wait(ctx, task, err, "compute"); err != nil {
			return err
		}
	}
	bt, err := batched.Compute(ctx, dep.Contract, "store(bytes)", client.RawArgs("batched"))
	return wait(ctx, bt, err, "batched compute")
}

func newClient(ctx context.Context, d *devnet.Devnet, dir string, i int, perTask bool) (*client.Client, error) {
	cfg, err := client.ConfigFromFile(filepath.Join(dir, "addresses.json"))
	if err != nil {
		return nil, err
	}
	cfg.PollInterval, cfg.Account, cfg.PerTask = client.TestConfig().PollInterval, d.Accounts()[i].Hex(), perTask
	return client.New(ctx, cfg)
}

func wait(ctx context.Context, task *client.Task, err error, what string) error {
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	st, err := task.Wait(ctx, nil)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if st.Chain != api.ChainReceiptVerified && st.Chain != api.ChainUndefined {
		return fmt.Errorf("%s ended with %s", what, st.Chain)
	}
	return nil
}

// freeAddr is a free 127.0.0.1 port.
func freeAddr(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// startPrometheus runs Prometheus scraping target's /metrics every
// second and returns its HTTP address once it serves. Prometheus cannot
// report a port it chose itself, so the test picks a free one; another
// process may take it before Prometheus binds it, and then Prometheus
// exits and is started again on another port.
func startPrometheus(t *testing.T, bin, target string) string {
	dir := t.TempDir()
	conf := fmt.Sprintf(`global:
  scrape_interval: 1s
  scrape_timeout: 1s
  evaluation_interval: 1s
scrape_configs:
  - job_name: enigma-devnet
    metrics_path: /metrics
    static_configs:
      - targets: [%q]
`, target)
	confPath := filepath.Join(dir, "prometheus.yml")
	if err := os.WriteFile(confPath, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	const attempts = 5
	for i := range attempts {
		addr, logPath := freeAddr(t), filepath.Join(dir, fmt.Sprintf("prometheus-%d.log", i))
		if startPrometheusOn(t, bin, confPath, filepath.Join(dir, "data"), addr, logPath) {
			return addr
		}
		b, _ := os.ReadFile(logPath)
		t.Logf("prometheus exited before serving on %s (attempt %d of %d):\n%s", addr, i+1, attempts, b)
	}
	t.Fatalf("prometheus did not start in %d attempts", attempts)
	return ""
}

// startPrometheusOn starts Prometheus listening on addr and reports
// whether it serves there; a process that exits first (its port taken)
// reports false.
func startPrometheusOn(t *testing.T, bin, confPath, dataDir, addr, logPath string) bool {
	logFile, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "--config.file="+confPath, "--storage.tsdb.path="+dataDir,
		"--web.listen-address="+addr, "--log.level=warn")
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", bin, err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	stop := func() {
		cmd.Process.Kill()
		<-exited
		logFile.Close()
	}
	deadline := time.After(time.Minute)
	for {
		select {
		case <-exited:
			logFile.Close()
			return false
		case <-deadline:
			stop()
			t.Fatalf("prometheus on %s not ready after a minute", addr)
		case <-time.After(100 * time.Millisecond):
		}
		resp, err := http.Get("http://" + addr + "/-/ready")
		if err != nil {
			continue
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			t.Cleanup(func() {
				stop()
				if t.Failed() {
					b, _ := os.ReadFile(logPath)
					t.Logf("prometheus log:\n%s", b)
				}
			})
			return true
		}
	}
}

// query evaluates expr on Prometheus at addr; ok is false while it has no
// result.
func query(addr, expr string) (v float64, ok bool, err error) {
	resp, err := http.Get("http://" + addr + "/api/v1/query?query=" + url.QueryEscape(expr))
	if err != nil {
		return 0, false, err
	}
	defer resp.Body.Close()
	var r struct {
		Status string `json:"status"`
		Error  string `json:"error"`
		Data   struct {
			Result []struct {
				Value [2]any `json:"value"`
			} `json:"result"`
		} `json:"data"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return 0, false, err
	}
	if r.Status != "success" {
		return 0, false, fmt.Errorf("query %s: %s", expr, r.Error)
	}
	if len(r.Data.Result) == 0 {
		return 0, false, nil
	}
	s, _ := r.Data.Result[0].Value[1].(string)
	v, err = strconv.ParseFloat(s, 64)
	return v, err == nil, err
}

func TestPrometheusScrapesTheDevnet(t *testing.T) {
	bin := testbin.Prometheus(t)
	d := network(t)
	u, err := url.Parse(d.MetricsURL())
	if err != nil {
		t.Fatal(err)
	}
	addr := startPrometheus(t, bin, u.Host)

	// Each expression must reach its minimum once Prometheus scraped the
	// devnet after its tasks.
	want := []struct {
		expr string
		min  float64
		what string
	}{
		{`up{job="enigma-devnet"}`, 1, "the devnet's /metrics is scraped"},
		{`sum(enigma_worker_tasks_total{outcome="verified"})`, 3, "the deploy and the two computes verified"},
		{`sum(enigma_worker_tasks_total{protocol="batched",outcome="committed"})`, 1, "the batched compute committed"},
		{`sum(enigma_worker_submissions_total{result="accepted"})`, 4, "the submissions accepted"},
		{`sum(enigma_worker_task_stage_seconds_count{stage="total"})`, 3, "the tasks' total latency observed"},
		{`count(count by (node) (enigma_worker_tasks_total{role="worker"}))`, 2, "each worker labelled by its node"},
		{`count(sum by (method) (enigma_gateway_rpc_calls_total) > 0)`, 3, "gateway calls by method"},
		{`sum(enigma_gateway_rpc_call_seconds_count)`, 4, "gateway call durations"},
		{`sum(enigma_chain_transactions_total)`, 4, "chain transactions"},
		{`count(enigma_chain_tx_gas_used_count > 0)`, 2, "transaction gas by kind"},
		{`max(enigma_chain_head_block)`, 1, "the head block"},
		{`sum(enigma_enclave_call_seconds_count{method="Execute"})`, 4, "enclave executions"},
		{`sum(enigma_vm_gas_used_sum)`, 1, "VM gas"},
		{`sum(enigma_vm_gas_used_count)`, 4, "VM executions"},
		{`max(enigma_km_epochs_set_total)`, 1, "the key manager's epochs"},
		{`max(enigma_km_epoch_block)`, 1, "the key manager's current epoch"},
		{`max(enigma_worker_epoch_block)`, 1, "the workers' epoch"},
		{`sum(enigma_km_state_key_requests_total{result="served"})`, 1, "state keys served"},
		{`max(enigma_state_disk_bytes)`, 1, "the state store's size"},
		{`sum(enigma_worker_batches_total{outcome="landed"})`, 1, "the batch landed"},
		{`max(go_goroutines{role="worker"} or go_goroutines)`, 1, "the Go runtime collector"},
	}
	deadline := time.Now().Add(45 * time.Second)
	for _, w := range want {
		var last float64
		var lastErr error
		for {
			v, ok, err := query(addr, w.expr)
			if ok && v >= w.min {
				break
			}
			last, lastErr = v, err
			if time.Now().After(deadline) {
				t.Fatalf("%s: %s stayed at %v (want at least %v; err %v) for 45s after the tasks ended", w.what, w.expr, last, w.min, lastErr)
			}
			time.Sleep(250 * time.Millisecond)
		}
	}
}

// metricName finds the enigma metrics an expression names.
var metricName = regexp.MustCompile(`\benigma_[a-z0-9_]+`)

func TestDashboardUsesExposedMetrics(t *testing.T) {
	d := network(t)
	exposed := map[string]bool{}
	mfs, err := d.Metrics().Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		exposed[mf.GetName()] = true
	}
	// The devnet joins its roles in process, without libp2p: the p2p
	// host's metrics, which every `enigma node` exposes, are taken from
	// their descriptions.
	var descs describer
	p2p.NewMetrics(&descs)
	// What the devnet serves over HTTP holds the same names.
	resp, err := http.Get(d.MetricsURL())
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for name := range exposed {
		if !strings.Contains(string(body), "\n"+name) && !strings.HasPrefix(string(body), name) {
			t.Errorf("%s is gathered but not served at %s", name, d.MetricsURL())
		}
	}

	for _, n := range descs.names {
		exposed[n] = true
	}
	if !exposed["enigma_p2p_peers"] {
		t.Fatalf("the p2p host's metric names were not found in %v", descs.names)
	}

	b, err := os.ReadFile(filepath.Join("..", "..", "deploy", "grafana", "enigma.json"))
	if err != nil {
		t.Fatal(err)
	}
	var dash struct {
		Panels []struct {
			Title   string `json:"title"`
			Targets []struct {
				Expr string `json:"expr"`
			} `json:"targets"`
		} `json:"panels"`
	}
	if err := json.Unmarshal(b, &dash); err != nil {
		t.Fatalf("deploy/grafana/enigma.json is not a dashboard: %v", err)
	}
	used := 0
	for _, p := range dash.Panels {
		for _, tg := range p.Targets {
			for _, name := range metricName.FindAllString(tg.Expr, -1) {
				used++
				base := name
				for _, suffix := range []string{"_bucket", "_count", "_sum"} {
					if trimmed, ok := strings.CutSuffix(name, suffix); ok && exposed[trimmed] {
						base = trimmed
					}
				}
				if !exposed[base] {
					t.Errorf("panel %q uses %s, which the devnet does not expose (it exposes %v)", p.Title, name, names(exposed))
				}
			}
		}
	}
	if used == 0 {
		t.Fatal("the dashboard names no enigma metric")
	}
}

// describer is a Registerer that keeps the names of what is registered.
type describer struct{ names []string }

var fqName = regexp.MustCompile(`fqName: "([^"]+)"`)

func (d *describer) Register(c prometheus.Collector) error {
	ch := make(chan *prometheus.Desc, 16)
	go func() { c.Describe(ch); close(ch) }()
	for desc := range ch {
		if m := fqName.FindStringSubmatch(desc.String()); m != nil {
			d.names = append(d.names, m[1])
		}
	}
	return nil
}

func (d *describer) MustRegister(cs ...prometheus.Collector) {
	for _, c := range cs {
		d.Register(c)
	}
}

func (d *describer) Unregister(prometheus.Collector) bool { return false }

func names(m map[string]bool) []string {
	var out []string
	for n := range m {
		if strings.HasPrefix(n, "enigma_") {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out
}
