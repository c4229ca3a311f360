package enclave

import (
	"os/exec"
	"strings"
	"testing"
)

// TestImports enforces the boundary's rule: nothing under internal/enclave
// may depend on the state store, the chain client, the node roles or the
// network code, directly or through another package.
func TestImports(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "./...").Output()
	if err != nil {
		t.Skipf("go list unavailable: %v", err)
	}
	forbidden := []string{"/internal/state", "/internal/chain", "/internal/worker", "/internal/km",
		"/internal/gateway", "/internal/p2p", "/internal/devnet", "/sdk/client"}
	for _, dep := range strings.Fields(string(out)) {
		for _, f := range forbidden {
			if strings.Contains(dep, "github.com/enigma-go/enigma"+f) {
				t.Errorf("internal/enclave depends on %s", dep)
			}
		}
	}
}
