package remote

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/enclave/enclavetest"
	"github.com/enigma-go/enigma/internal/enclave/sim"
	"github.com/enigma-go/enigma/internal/vm"
)

// The test binary doubles as the enclave child process: with childEnv set
// it serves a sim key manager and worker on stdin/stdout and exits.
const childEnv = "ENIGMA_ENCLAVE_REMOTE_TEST_CHILD"

func TestMain(m *testing.M) {
	if dir := os.Getenv(childEnv); dir != "" {
		if err := runChild(dir); err != nil {
			fmt.Fprintln(os.Stderr, "enclave child:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func attestationKey() *ecdsa.PrivateKey {
	d := compat.Keccak256([]byte("remote test attestation key"))
	k, _ := compat.ParsePrivateKey(d[:])
	return k
}

// startRole starts a sim key manager (role "km") or a worker trusting the
// key manager km (role "worker"), from the sealed blob in dir if any.
func startRole(ctx context.Context, dir, role string, km api.EthAddress) (*enclave.Handler, func(), error) {
	c := sim.DefaultConfig()
	c.SealKeyFile = filepath.Join(dir, role+".key")
	c.Sealed, _ = os.ReadFile(filepath.Join(dir, role+".sealed"))
	if role == "km" {
		k, err := sim.NewKeyManager(c)
		if err != nil {
			return nil, nil, err
		}
		return &enclave.Handler{KeyManager: k}, func() {}, nil
	}
	engine, err := vm.NewEngine(ctx, vm.DefaultConfig())
	if err != nil {
		return nil, nil, err
	}
	c.KeyManager, c.Runner = km, sim.NewVMRunner(engine)
	w, err := sim.NewWorker(c)
	if err != nil {
		engine.Close(ctx)
		return nil, nil, err
	}
	return &enclave.Handler{Enclave: w}, func() { engine.Close(ctx) }, nil
}

// runChild serves one role; the environment says which (childEnv =
// "dir|role|key manager address").
func runChild(spec string) error {
	parts := strings.SplitN(spec, "|", 3)
	if len(parts) != 3 {
		return fmt.Errorf("bad child spec %q", spec)
	}
	var km api.EthAddress
	if parts[1] == "worker" {
		var err error
		if km, err = api.ParseEthAddress(parts[2]); err != nil {
			return err
		}
	}
	ctx := context.Background()
	h, stop, err := startRole(ctx, parts[0], parts[1], km)
	if err != nil {
		return err
	}
	defer stop()
	return Serve(ctx, os.Stdin, os.Stdout, h, 4)
}

var attestor = sim.NewAttestor(attestationKey())

func verifyReport(report, sig []byte) (enclavetest.Attested, error) {
	r, err := attestor.Check(report, sig)
	if err != nil {
		return enclavetest.Attested{}, err
	}
	return enclavetest.Attested{Signer: r.Signer, Product: r.ProductID, Binding: r.Binding}, nil
}

func writeSealed(t testing.TB, s enclavetest.Start) {
	for name, b := range map[string][]byte{"worker.sealed": s.Sealed.Worker, "km.sealed": s.Sealed.KeyManager} {
		path := filepath.Join(s.Dir, name)
		if b == nil {
			os.Remove(path)
		} else if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// TestConformanceChildProcess runs the suite against enclaves in child
// processes (one per role), reached only through the stream.
func TestConformanceChildProcess(t *testing.T) {
	if raceEnabled {
		t.Skip("child processes under the race detector are too slow; TestConformancePipe covers the stream")
	}
	enclavetest.Run(t, func(t testing.TB, s enclavetest.Start) enclavetest.Pair {
		writeSealed(t, s)
		child := func(role string, km api.EthAddress) (*Process, api.EthAddress) {
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), childEnv+"="+s.Dir+"|"+role+"|"+km.Hex())
			cmd.Stderr = os.Stderr
			p, err := Start(cmd)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { p.Close() })
			// A child that cannot start (e.g. altered sealed state) exits at once.
			r, err := p.Registration(context.Background(), &enclave.RegistrationRequest{})
			if err != nil {
				t.Fatal(err)
			}
			return p, r.SigningAddress
		}
		km, kmAddr := child("km", api.EthAddress{})
		w, _ := child("worker", kmAddr)
		return enclavetest.Pair{Worker: w, KeyManager: km, Attestor: attestor, VerifyReport: verifyReport}
	})
}

// pipeClient serves h on an in-process stream and returns its client.
func pipeClient(t testing.TB, h *enclave.Handler) *enclave.Client {
	reqR, reqW := io.Pipe()
	respR, respW := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- Serve(context.Background(), reqR, respW, h, 4)
		respW.Close()
	}()
	conn := NewConn(respR, reqW)
	t.Cleanup(func() {
		conn.Close()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	return enclave.NewClient(conn)
}

// TestConformancePipe runs the suite through the stream format in process.
func TestConformancePipe(t *testing.T) {
	enclavetest.Run(t, func(t testing.TB, s enclavetest.Start) enclavetest.Pair {
		writeSealed(t, s)
		kh, _, err := startRole(context.Background(), s.Dir, "km", api.EthAddress{})
		if err != nil {
			t.Fatal(err)
		}
		km := pipeClient(t, kh)
		r, err := km.Registration(context.Background(), &enclave.RegistrationRequest{})
		if err != nil {
			t.Fatal(err)
		}
		wh, stop, err := startRole(context.Background(), s.Dir, "worker", r.SigningAddress)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(stop)
		return enclavetest.Pair{Worker: pipeClient(t, wh), KeyManager: km, Attestor: attestor, VerifyReport: verifyReport}
	})
}

func TestBrokenStream(t *testing.T) {
	r, w := io.Pipe()
	conn := NewConn(r, nopCloser{io.Discard})
	w.CloseWithError(io.ErrUnexpectedEOF)
	_, err := enclave.NewClient(conn).Registration(context.Background(), &enclave.RegistrationRequest{})
	if api.CodeOf(err) != api.CodeUnavailable {
		t.Fatalf("call on a broken stream: %v", err)
	}
	// A message announcing more than the frame limit is refused before any allocation.
	bad := []byte{0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 1}
	if _, _, err := readMessage(bytesReader(bad)); err == nil {
		t.Fatal("oversized message accepted")
	}
}

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

func bytesReader(b []byte) io.Reader { return bytes.NewReader(b) }
