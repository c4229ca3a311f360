package node

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/enigma-go/enigma/internal/chain/chaintest"
	"github.com/enigma-go/enigma/internal/chain/devchain"
)

// A key manager restarted with its data dir resumes its contracts instead
// of deploying again, and a restarted worker keeps its signing address and
// joins again without error.
func TestRestartsResume(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	node := chaintest.DevChain(t, nil)
	dir := t.TempDir()
	km := DefaultConfig()
	km.Role, km.DataDir, km.P2PListen, km.ChainRPC, km.LogLevel = RoleKM, filepath.Join(dir, "km"), loopback, node.URL, "warn"
	km.ChainPoll, km.EpochPoll = Duration(25*time.Millisecond), Duration(100*time.Millisecond)

	first, err := Start(ctx, km)
	if err != nil {
		t.Fatal(err)
	}
	a := first.Info()
	if !a.Deployed || a.Enigma == nil || a.Signer == nil {
		t.Fatalf("first start: %+v", a)
	}
	// On a dev chain the key manager sends from its role account, which no
	// client lists, not from the node's first account.
	kmRole, err := devchain.RoleAccount(devchain.DefaultMnemonic, devchain.RoleKeyManager)
	if err != nil {
		t.Fatal(err)
	}
	if a.Account == nil || *a.Account != kmRole.Address {
		t.Fatalf("the key manager sends from %v, want role account %s", a.Account, kmRole.Address)
	}
	for _, f := range []string{"addresses.json", "attestation.key", "km.sealed"} {
		if _, err := os.Stat(filepath.Join(km.DataDir, f)); err != nil {
			t.Errorf("the key manager did not write %s: %v", f, err)
		}
	}
	w := DefaultConfig()
	w.Role, w.DataDir, w.P2PListen, w.LogLevel = RoleWorker, filepath.Join(dir, "w0"), loopback, "warn"
	w.AddressesFile = filepath.Join(km.DataDir, "addresses.json")
	workerRole := devchain.RoleWorker(0)
	// It finds the key manager through the addresses file's bootstrap.
	w.RoleAccount, w.ChainPoll = &workerRole, Duration(25*time.Millisecond)
	wn, err := Start(ctx, w)
	if err != nil {
		t.Fatal(err)
	}
	signer := *wn.Info().Signer
	if err := wn.Close(); err != nil {
		t.Fatal(err)
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}

	second, err := Start(ctx, km)
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	b := second.Info()
	if b.Deployed || *b.Enigma != *a.Enigma || *b.Signer != *a.Signer {
		t.Fatalf("restart: %+v, want the contracts %s of the first run", b, *a.Enigma)
	}
	// The key manager is back on another port with the same peer id; the
	// addresses file names its new address.
	if b.PeerID != a.PeerID {
		t.Fatalf("the key manager's peer id changed across a restart: %s, then %s", a.PeerID, b.PeerID)
	}
	wn, err = Start(ctx, w)
	if err != nil {
		t.Fatal(err)
	}
	defer wn.Close()
	if *wn.Info().Signer != signer {
		t.Fatalf("the restarted worker signs as %s, before as %s", *wn.Info().Signer, signer)
	}
}

// A simulated enclave protects nothing: off a development chain the node
// refuses to run one unless its configuration says it knows (attack 7 of
// docs/security.md, the configuration side).
func TestSimulatedEnclaveRefusedOffDevChains(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	node := chaintest.Anvil(t, chaintest.AnvilOptions{ChainID: 5})
	km := DefaultConfig()
	km.Role, km.DataDir, km.P2PListen, km.ChainRPC, km.LogLevel = RoleKM, t.TempDir(), loopback, node.URL, "warn"
	km.Account = node.Accounts[0].Address.Hex()
	_, err := Start(ctx, km)
	if err == nil || !strings.Contains(err.Error(), "insecure_simulated_enclave") {
		t.Fatalf("a simulated key manager on chain 5 started: %v", err)
	}
	km.InsecureSimulatedEnclave = true
	n, err := Start(ctx, km)
	if err != nil {
		t.Fatalf("with insecure_simulated_enclave: %v", err)
	}
	n.Close()
}

// loopback is where the tests' nodes listen on the network.
var loopback = []string{"/ip4/127.0.0.1/tcp/0"}
