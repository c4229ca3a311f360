package bindings_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/abigen"
)

const contractsDir = "../../../contracts/ethereum"

// generated maps each committed binding to its contract, as the
// go:generate lines in doc.go produce them.
var generated = map[string]string{
	"enigma.go":                 "Enigma",
	"enigmatoken.go":            "EnigmaToken",
	"callbackforwarder.go":      "CallbackForwarder",
	"simattestationverifier.go": "SimAttestationVerifier",
	"selectionharness.go":       "SelectionHarness",
	"callbacktarget.go":         "CallbackTarget",
	"merkleharness.go":          "MerkleHarness",
}

// needTool skips (or, under CI=true, fails) when a tool the test needs is
// not installed.
func needTool(t *testing.T, ok bool, what string) {
	t.Helper()
	if ok {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is missing; run `make deps`", what)
	}
	t.Skipf("%s is missing; run `make deps` to run this test", what)
}

// TestBindingsUpToDate recompiles the contracts with the pinned solc and
// regenerates the bindings with abigen v2 into a temporary directory, and
// fails if the committed artifacts or bindings differ: edit the Solidity,
// then run `go generate ./internal/chain/bindings`.
func TestBindingsUpToDate(t *testing.T) {
	if raceEnabled {
		t.Skip("recompiling the contracts checks no Go concurrency; covered by the run without -race")
	}
	t.Parallel()
	_, err := exec.LookPath("node")
	needTool(t, err == nil, "node")
	_, err = os.Stat(filepath.Join(contractsDir, "node_modules", "solc"))
	needTool(t, err == nil, "contracts/ethereum/node_modules (solc, OpenZeppelin)")

	out := t.TempDir()
	cmd := exec.Command("node", filepath.Join(contractsDir, "compile.js"), out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("compile.js: %v\n%s", err, msg)
	}
	committed := filepath.Join(contractsDir, "build")
	// VotingETH (the voting example's Ethereum side) has artifacts but no Go
	// binding: only the enigma-js suite deploys it.
	for _, name := range []string{"Enigma", "EnigmaToken", "CallbackForwarder", "SimAttestationVerifier", "SelectionHarness", "CallbackTarget", "MerkleHarness", "VotingETH"} {
		for _, ext := range []string{".abi", ".bin"} {
			fresh := read(t, filepath.Join(out, name+ext))
			if !bytes.Equal(fresh, read(t, filepath.Join(committed, name+ext))) {
				t.Errorf("contracts/ethereum/build/%s%s is stale: run go generate ./internal/chain/bindings", name, ext)
			}
		}
	}
	for file, name := range generated {
		code, err := abigen.BindV2([]string{name}, []string{string(read(t, filepath.Join(out, name+".abi")))},
			[]string{string(read(t, filepath.Join(out, name+".bin")))}, "bindings", map[string]string{}, map[string]string{})
		if err != nil {
			t.Fatalf("abigen %s: %v", name, err)
		}
		if code != string(read(t, file)) {
			t.Errorf("internal/chain/bindings/%s is stale: run go generate ./internal/chain/bindings", file)
		}
	}
}

func read(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
