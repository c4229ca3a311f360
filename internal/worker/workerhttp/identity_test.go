package workerhttp

import (
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"net"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain/bindings"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/worker"
)

const testChainID = 1337

var testEnigma = api.EthAddress{0xe1}

// keyedNode is a worker whose "enclave" key signs identity challenges; it
// may claim another signer than its key's.
type keyedNode struct {
	fakeNode
	key *ecdsa.PrivateKey
}

func newKeyedNode(t *testing.T) *keyedNode {
	t.Helper()
	k, err := compat.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return &keyedNode{fakeNode: fakeNode{signer: api.EthAddress(compat.Address(&k.PublicKey))}, key: k}
}

func (n *keyedNode) ProveIdentity(_ context.Context, nonce [32]byte, transport []byte) ([65]byte, error) {
	return compat.Sign(n.key, enclave.PeerIdentityHash(testChainID, testEnigma, nonce, transport))
}

// registry is the chain's worker list.
type registry map[api.EthAddress]bool

func (r registry) WorkerFromSigningAddress(_ context.Context, signer common.Address) (bindings.GetWorkerFromSigningAddressOutput, error) {
	var out bindings.GetWorkerFromSigningAddressOutput
	if r[api.EthAddress(signer)] {
		out.Arg0, out.Arg1.Signer, out.Arg1.Status = common.Address{0xc0}, signer, 1
	}
	return out, nil
}

// serveAt serves n on a loopback port, as a node does (Serve names the
// server's URL), and returns that URL.
func serveAt(t *testing.T, n worker.Node) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s, err := NewServer(n, TestConfig())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { s.Serve(ctx, ln); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	return "http://" + ln.Addr().String()
}

// Peers lists a worker only once its enclave answered a challenge for the
// signer it claims and the URL it is listed by, and the chain has that
// signer registered: an impostor claiming a registered worker's signer, an
// unregistered worker and a relay of a registered worker are left out.
func TestPeersListOnlyVerifiedWorkers(t *testing.T) {
	honest, unregistered := newKeyedNode(t), newKeyedNode(t)
	impostor := newKeyedNode(t)
	impostor.signer = honest.signer // claims the honest worker's identity
	reg := registry{honest.signer: true}
	urlHonest := serveAt(t, honest)
	honestClient, err := Dial(context.Background(), urlHonest, TestConfig())
	if err != nil {
		t.Fatal(err)
	}
	relay := serveAt(t, honestClient) // passes every call on to the honest worker
	urls := []string{serveAt(t, impostor), serveAt(t, unregistered), relay, urlHonest}

	v := worker.NewPeerVerifierFor(testChainID, testEnigma, reg)
	for i, u := range urls[:3] {
		c, err := Dial(context.Background(), u, TestConfig())
		if err != nil {
			t.Fatal(err)
		}
		want := []api.Code{api.CodeBadSignature, api.CodeNotFound, api.CodeInvalidInput}[i]
		if err := v.Verify(context.Background(), c, []byte(u)); api.CodeOf(err) != want {
			t.Errorf("peer %d: %v, want code %d", i, err, want)
		}
	}

	cfg := TestConfig()
	cfg.ResolveEvery = 1
	p, err := NewPeers(urls, v, cfg)
	if err != nil {
		t.Fatal(err)
	}
	p.Refresh(context.Background())
	got := p.Nodes()
	if len(got) != 1 || got[0].Signer() != honest.signer || got[0].(*Client).URL() != urlHonest {
		t.Fatalf("Nodes = %v, want only the honest worker at %s", got, urlHonest)
	}
	if n, ok := p.Node(unregistered.signer); ok {
		t.Fatalf("the unregistered worker was found: %v", n)
	}
}

// A server answers challenges only for its own URL, so its answer cannot
// be relayed as another node's.
func TestServerAnswersChallengesForItsOwnURLOnly(t *testing.T) {
	n := newKeyedNode(t)
	u := serveAt(t, n)
	c, err := Dial(context.Background(), u, TestConfig())
	if err != nil {
		t.Fatal(err)
	}
	var nonce [32]byte
	rand.Read(nonce[:])
	sig, err := c.ProveIdentity(context.Background(), nonce, []byte(u))
	if err != nil {
		t.Fatal(err)
	}
	if !compat.Verify([20]byte(n.signer), enclave.PeerIdentityHash(testChainID, testEnigma, nonce, []byte(u)), sig[:]) {
		t.Fatal("the answer is not the node's signature over its URL")
	}
	if _, err := c.ProveIdentity(context.Background(), nonce, []byte("http://127.0.0.1:1")); api.CodeOf(err) != api.CodeInvalidInput {
		t.Fatalf("a challenge for another URL: %v", err)
	}
	_, plain := serve(t, n) // served without a known URL
	if _, err := plain.ProveIdentity(context.Background(), nonce, []byte(plain.URL())); api.CodeOf(err) != api.CodeUnavailable {
		t.Fatalf("a server that does not know its URL: %v", err)
	}
}
