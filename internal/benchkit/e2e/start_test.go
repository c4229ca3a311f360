package e2e

import (
	"context"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fakeDevnetEnv makes the test binary act as `enigma devnet`: it serves
// getInfo, writes addresses.json, and on SIGINT exits with the code the
// variable holds.
const fakeDevnetEnv = "E2E_FAKE_DEVNET_EXIT"

func TestMain(m *testing.M) {
	if code := os.Getenv(fakeDevnetEnv); code != "" {
		os.Exit(fakeDevnet(code))
	}
	os.Exit(m.Run())
}

func fakeDevnet(code string) int {
	fs := flag.NewFlagSet("devnet", flag.ContinueOnError)
	dir := fs.String("data", "", "")
	fs.String("chain-addr", "", "")
	gw := fs.String("gateway-addr", "", "")
	if len(os.Args) < 2 || os.Args[1] != "devnet" || fs.Parse(os.Args[2:]) != nil {
		return 2
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	ln, err := net.Listen("tcp", *gw)
	if err != nil {
		return 1
	}
	go http.Serve(ln, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"jsonrpc":"2.0","id":1,"result":{"peerId":"fake","status":"running"}}`)
	}))
	time.Sleep(50 * time.Millisecond)
	body := fmt.Sprintf(`{"contract":"0x01","token":"0x02","eth_node":"http://x","proxy":"http://%s"}`, ln.Addr())
	// Written whole and renamed into place, as the devnet does: the
	// reader polls for the file and must never see half of it.
	tmp := filepath.Join(*dir, "addresses.json.tmp")
	if os.WriteFile(tmp, []byte(body), 0o644) != nil || os.Rename(tmp, filepath.Join(*dir, "addresses.json")) != nil {
		return 1
	}
	<-sig
	var n int
	fmt.Sscan(code, &n)
	return n
}

func fakeStartConfig(t *testing.T, exitCode int) StartConfig {
	bin, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cfg := DefaultStartConfig(bin)
	cfg.Idle, cfg.Timeout = 100*time.Millisecond, 10*time.Second
	cfg.Env = append(os.Environ(), fmt.Sprintf("%s=%d", fakeDevnetEnv, exitCode))
	return cfg
}

func TestMeasureStart(t *testing.T) {
	r, err := MeasureStart(context.Background(), fakeStartConfig(t, 0))
	if err != nil {
		t.Fatal(err)
	}
	if r.Ready < 50*time.Millisecond || r.RSSReady == 0 || r.RSSIdle == 0 || r.RSSPeak < r.RSSIdle || r.Stop <= 0 {
		t.Errorf("result %+v", r)
	}
}

func TestMeasureStartReportsUncleanExit(t *testing.T) {
	_, err := MeasureStart(context.Background(), fakeStartConfig(t, 3))
	if err == nil || !strings.Contains(err.Error(), "did not exit cleanly") {
		t.Errorf("got %v, want an unclean exit reported", err)
	}
}

func TestMeasureStartReportsEarlyExit(t *testing.T) {
	cfg := fakeStartConfig(t, 0)
	cfg.Args = []string{"--no-such-flag"} // the fake refuses it and exits 2
	_, err := MeasureStart(context.Background(), cfg)
	if err == nil || !strings.Contains(err.Error(), "exited") {
		t.Errorf("got %v, want the early exit reported", err)
	}
}
