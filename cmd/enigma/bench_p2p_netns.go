//go:build linux

package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain/devchain"
	"github.com/enigma-go/enigma/internal/enclave/testcontract"
	"github.com/enigma-go/enigma/internal/netns"
	"github.com/enigma-go/enigma/internal/node"
	"github.com/enigma-go/enigma/sdk/client"
)

// p2pNetns is the bench's two-host LAN of network namespaces: host gw
// (namespace A) runs a gateway and host worker (namespace B) a worker,
// each an `enigma node` process of this binary. The bridge has an address
// in the bench's own namespace, where the in-process chain and key
// manager are reached: the chain through a relay listening on that
// address (a dev chain listens on loopback only), the key manager's
// libp2p host listening on it as well.
type p2pNetns struct {
	lan    *netns.LAN
	gw, wk *netns.Host
	dir    string
	procs  []*exec.Cmd
	relay  *netns.Relay
}

// p2pNetnsConfig names the bench's namespaces ebp<id>-gw and
// ebp<id>-worker; a marker per run lets the next run remove what a killed
// one left.
var p2pNetnsConfig = netns.Config{Prefix: "ebp", MarkerDir: filepath.Join(os.TempDir(), "enigma-bench-p2p"), BridgeAddress: true}

// p2pNetnsPrepare creates the LAN, or says why it cannot (netns.Available).
func p2pNetnsPrepare() (*p2pNetns, error) {
	if err := netns.Available(); err != nil {
		return nil, err
	}
	netns.SweepStale(p2pNetnsConfig)
	l, err := netns.New(p2pNetnsConfig)
	if err != nil {
		return nil, err
	}
	s := &p2pNetns{lan: l}
	if s.gw, err = l.AddHost("gw"); err == nil {
		s.wk, err = l.AddHost("worker")
	}
	if err == nil {
		s.dir, err = os.MkdirTemp("", "enigma-bench-p2p-netns-")
	}
	if err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// kmListen is where the key manager's libp2p host also listens: the
// bridge's address, so the namespaces' nodes join through it.
func (s *p2pNetns) kmListen() []string {
	return []string{"/ip4/" + s.lan.BridgeIP() + "/tcp/0"}
}

// Close stops the node processes and removes the LAN.
func (s *p2pNetns) Close() {
	for _, c := range s.procs {
		c.Process.Signal(syscall.SIGTERM)
	}
	for _, c := range s.procs {
		done := make(chan struct{})
		go func() { c.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			syscall.Kill(-c.Process.Pid, syscall.SIGKILL)
			<-done
		}
	}
	if s.relay != nil {
		s.relay.Close()
	}
	if s.lan != nil {
		s.lan.Close()
	}
	if s.dir != "" {
		os.RemoveAll(s.dir)
	}
}

// measure times the submission round trip of compute tasks through the
// gateway process in namespace A to the worker process in namespace B,
// against the same through n's in-process gateway to an in-process worker
// on loopback, alternating, tasks of each. The Go client sends both series
// through a timing relay on loopback (rpcTimer).
func (s *p2pNetns) measure(ctx context.Context, opt benchOptions, n *p2pNet, tasks int) (p2pNetnsHandoff, error) {
	var r p2pNetnsHandoff
	bin, err := os.Executable()
	if err != nil {
		return r, err
	}
	if s.relay, err = p2pRelay(s.lan.BridgeIP()+":0", strings.TrimPrefix(n.dev.HTTPEndpoint(), "http://")); err != nil {
		return r, err
	}
	a := node.Addresses{Contract: n.e.Addresses().Enigma, Token: n.e.Addresses().Token, EthNode: "http://" + s.relay.Addr().String()}
	for _, addr := range n.kmP2P.Addrs() {
		if strings.HasPrefix(addr, "/ip4/"+s.lan.BridgeIP()+"/") {
			a.Bootstrap = append(a.Bootstrap, addr)
		}
	}
	addresses := filepath.Join(s.dir, "addresses.json")
	if err := node.WriteAddresses(addresses, a); err != nil {
		return r, err
	}
	// The worker's custodian: the role account after the bench's own
	// workers' (the dev chain funds it with ETH in genesis); it stakes the
	// default 1,000 ENG.
	account := devchain.RoleWorker(len(n.workers) + 1)
	roles, err := devchain.RoleAccounts(devchain.DefaultMnemonic, account+1)
	if err != nil {
		return r, err
	}
	if err := n.e.FundENG(ctx, n.deployer, []common.Address{roles[account].Address}, p2pStake); err != nil {
		return r, fmt.Errorf("fund the namespace worker's stake: %w", err)
	}
	cfg := node.DefaultConfig()
	cfg.Role, cfg.DataDir, cfg.AddressesFile, cfg.RoleAccount = node.RoleWorker, filepath.Join(s.dir, "worker"), addresses, &account
	cfg.P2PListen, cfg.ChainPoll, cfg.LogLevel = []string{"/ip4/" + s.wk.IP + "/tcp/4001"}, node.Duration(20*time.Millisecond), "warn"
	t0 := time.Now()
	wk, err := s.startNode(ctx, s.wk, bin, "worker", cfg)
	if err != nil {
		return r, err
	}
	cfg = node.DefaultConfig()
	cfg.Role, cfg.AddressesFile, cfg.Listen = node.RoleGateway, addresses, net.JoinHostPort(s.gw.IP, "3346")
	cfg.P2PListen, cfg.ChainPoll, cfg.LogLevel = []string{"/ip4/" + s.gw.IP + "/tcp/4001"}, node.Duration(20*time.Millisecond), "warn"
	gw, err := s.startNode(ctx, s.gw, bin, "gateway", cfg)
	if err != nil {
		return r, err
	}
	fmt.Fprintf(opt.Out, "p2p: netns worker %s (%s) and gateway (%s) up in %.1fs\n", wk.Signer, s.wk.IP, s.gw.IP, time.Since(t0).Seconds())
	if err := n.newEpoch(ctx); err != nil {
		return r, err
	}
	if err := p2pWaitFor(ctx, 30*time.Second, func() bool { _, ok := n.gateways[0].Node(*wk.Signer); return ok }); err != nil {
		return r, fmt.Errorf("the in-process gateway did not find the namespace worker: %w", err)
	}

	loop, err := newRPCTimer(n.gwURL)
	if err != nil {
		return r, err
	}
	defer loop.Close()
	nsGW, err := newRPCTimer(gw.URL)
	if err != nil {
		return r, err
	}
	defer nsGW.Close()
	loopUser, err := n.newUserAt(ctx, loop.URL())
	if err != nil {
		return r, err
	}
	defer loopUser.Close()
	nsUser, err := n.newUserAt(ctx, nsGW.URL())
	if err != nil {
		return r, err
	}
	defer nsUser.Close()

	// A contract selected for the namespace worker and one for an
	// in-process worker, deployed through the in-process gateway (which
	// reaches both; the namespace gateway reaches only the namespace's).
	var toNS, toLoop api.ContractAddress
	for i := 0; toNS == (api.ContractAddress{}) || toLoop == (api.ContractAddress{}); i++ {
		if i == 16*(len(n.workers)+1) {
			return r, fmt.Errorf("no deploy selected the namespace worker in %d", i)
		}
		t, err := loopUser.Deploy(ctx, testcontract.Contract(), "construct()")
		if err != nil {
			return r, fmt.Errorf("deploy: %w", err)
		}
		if _, err := t.Wait(ctx, nil); err != nil {
			return r, fmt.Errorf("deploy %s: %w", t.ID, err)
		}
		if api.EthAddress(t.Worker) == *wk.Signer {
			toNS = t.Contract
		} else {
			toLoop = t.Contract
		}
	}
	loop.reset()
	nsGW.reset()
	var lastLoop, lastNS *client.Task
	for i := range tasks {
		if lastLoop, err = loopUser.Compute(ctx, toLoop, "store(uint256)", big.NewInt(int64(i))); err != nil {
			return r, fmt.Errorf("compute through the in-process gateway: %w", err)
		}
		if lastNS, err = nsUser.Compute(ctx, toNS, "store(uint256)", big.NewInt(int64(i))); err != nil {
			return r, fmt.Errorf("compute through the namespace gateway: %w", err)
		}
	}
	for _, t := range []*client.Task{lastLoop, lastNS} {
		if _, err := t.Wait(ctx, nil); err != nil {
			return r, fmt.Errorf("the last compute task: %w", err)
		}
	}
	lt, nt := loop.took(), nsGW.took()
	if len(lt) == 0 || len(nt) == 0 {
		return r, errors.New("no task submission was timed")
	}
	r.Link, r.Tasks, r.Workers = "netns", min(len(lt), len(nt)), len(n.workers)+1
	r.LoopbackP50MS, r.LoopbackP99MS = p2pMS(p2pQuantile(lt, 0.5)), p2pMS(p2pQuantile(lt, 0.99))
	r.NetnsP50MS, r.NetnsP99MS = p2pMS(p2pQuantile(nt, 0.5)), p2pMS(p2pQuantile(nt, 0.99))
	r.RatioP50, r.RatioP99 = r.NetnsP50MS/r.LoopbackP50MS, r.NetnsP99MS/r.LoopbackP99MS
	return r, nil
}

// startNode runs `enigma node` with cfg in h's namespace and returns its
// Info once it serves (its first stdout line), or its log's end.
func (s *p2pNetns) startNode(ctx context.Context, h *netns.Host, bin, name string, cfg node.Config) (*node.Info, error) {
	b, err := json.Marshal(cfg)
	if err != nil {
		return nil, err
	}
	path := filepath.Join(s.dir, name+".json")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		return nil, err
	}
	logPath := filepath.Join(s.dir, name+".log")
	logf, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	defer logf.Close()
	cmd := h.Command(context.Background(), bin, "node", "--config", path)
	cmd.Stderr = logf
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start the %s in namespace %s: %w", name, h.NS, err)
	}
	s.procs = append(s.procs, cmd)
	line := make(chan string, 1)
	go func() {
		rd := bufio.NewReader(out)
		l, _ := rd.ReadString('\n')
		line <- l
		for {
			if _, err := rd.ReadString('\n'); err != nil {
				return
			}
		}
	}()
	var l string
	select {
	case l = <-line:
	case <-time.After(60 * time.Second):
	case <-ctx.Done():
	}
	var info node.Info
	if err := json.Unmarshal([]byte(l), &info); err != nil || (name == "worker" && info.Signer == nil) {
		tail, _ := os.ReadFile(logPath)
		if len(tail) > 2000 {
			tail = tail[len(tail)-2000:]
		}
		return nil, fmt.Errorf("the %s in namespace %s did not start (stdout %q); its log ends:\n%s", name, h.NS, l, tail)
	}
	return &info, nil
}

// p2pRelay relays TCP connections to listen on to target.
func p2pRelay(listen, target string) (*netns.Relay, error) {
	ln, err := net.Listen("tcp", listen)
	if err != nil {
		return nil, err
	}
	return netns.NewRelay(ln, func(ctx context.Context) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, "tcp", target)
	}), nil
}
