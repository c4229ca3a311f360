package attack_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/enclave/sim"
	"github.com/enigma-go/enigma/internal/p2p"
	"github.com/enigma-go/enigma/internal/workerapi"
)

// Attack: a stranger on the network (anyone can run a gateway, so anyone
// can connect) asks a worker for a contract's encrypted state and the key
// manager for state keys, announces a forged task result to the gateways,
// and another node poses as the key manager. Before, the node-to-node
// HTTP of the roles had no notion of who asked. Now every node proves its
// enclave identity on connect (the key manager: the contract's principal;
// a worker: a registered signer); state sync and state keys are served to
// proved workers only; a result is gossiped only from a proved worker and
// checked against the chain before the gateway reports it; a node whose
// identity proof fails is banned.
func TestAttackP2PStrangers(t *testing.T) {
	t.Parallel()
	n := start(t, 0)
	ctx := n.ctx
	signers := n.d.Workers()
	kmEnclave, kmNode := n.d.KeyManagerHost()
	kmHost := syncHost(t, n, p2p.RoleKM, p2p.EnclaveProver(kmEnclave, netOf(n)), nil)
	kmHost.ServeKeyManager(kmNode, nil)
	boot := kmHost.Addrs()[:1]
	real, _ := n.d.Directory().Node(signers[0])
	workerHost := syncHost(t, n, p2p.RoleWorker, p2p.EnclaveProver(n.d.WorkerHost(0).Enclave, netOf(n)), boot)
	workerHost.ServeWorker(real)
	stranger := syncHost(t, n, p2p.RoleClient, nil, boot)

	// The stranger reaches the worker's public protocol ...
	w, ok := stranger.Node(signers[0])
	for end := time.Now().Add(20 * time.Second); !ok && time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		w, ok = stranger.Node(signers[0])
	}
	if !ok {
		t.Fatal("the stranger does not find the worker")
	}
	if res, err := w.TaskResult(ctx, api.TaskID{1}); err != nil || res != nil {
		t.Fatalf("a task result through the public protocol: %+v, %v", res, err)
	}
	// ... but not its state, nor state keys.
	if _, err := w.ExportState(ctx, api.ContractAddress{1}, 0); api.CodeOf(err) != api.CodeNotSelected {
		t.Fatalf("a stranger asked a worker for state: %v, want CodeNotSelected", err)
	}
	kmc := stranger.KeyManager()
	kmc.RetryFor = 0
	if _, err := kmc.GetStateKeys(ctx, &enclave.StateKeysRequest{}); api.CodeOf(err) != api.CodeNotSelected {
		t.Fatalf("a stranger asked the key manager for state keys: %v, want CodeNotSelected", err)
	}

	// A forged result announced by the stranger reaches no gateway.
	gw := syncHost(t, n, p2p.RoleClient, nil, boot)
	forged := api.TaskID{0xf0}
	for i := 0; i < 20; i++ {
		stranger.AnnounceResult(&workerapi.TaskResult{TaskID: forged, Status: api.StatusSuccess, Output: []byte("forged")})
		time.Sleep(50 * time.Millisecond)
	}
	if gw.AnnouncedResult(forged) != nil || workerHost.AnnouncedResult(forged) != nil {
		t.Fatal("a result announced by a node that is no worker was taken")
	}

	// A node with an enclave of its own poses as the key manager.
	fake, err := sim.NewKeyManager(func() sim.Config {
		c := sim.DefaultConfig()
		c.SealKeyFile = filepath.Join(t.TempDir(), "seal.key")
		return c
	}())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { fake.Close() })
	impostor := syncHost(t, n, p2p.RoleKM, p2p.EnclaveProver(fake, netOf(n)), workerHost.Addrs()[:1])
	for end := time.Now().Add(20 * time.Second); !workerHost.Banned(impostor.ID()) && time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
	}
	if !workerHost.Banned(impostor.ID()) {
		t.Fatal("a node posing as the key manager was not banned")
	}
	// The worker still reaches the real key manager.
	if _, err := workerHost.KeyManager().GetStateKeys(ctx, &enclave.StateKeysRequest{}); api.CodeOf(err) == api.CodeNotSelected || api.CodeOf(err) == api.CodeUnavailable {
		t.Fatalf("the worker cannot reach the real key manager: %v", err)
	}
}

// netOf names the devnet's network.
func netOf(n *network) p2p.Network {
	return p2p.Network{ChainID: n.e.Client().ChainID().Uint64(), Enigma: api.EthAddress(n.e.Addresses().Enigma)}
}
