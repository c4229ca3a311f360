package client

import (
	"go/build"
	"strings"
	"testing"
)

// The package comment's rule, checked on everything the package links: a
// client talks to the network over its endpoints, so no enclave, VM,
// state store or node role may come in, not even through a dependency.
func TestImportRules(t *testing.T) {
	const mod = "github.com/enigma-go/enigma/"
	forbidden := []string{"internal/enclave", "internal/vm", "internal/state", "internal/km", "internal/worker", "internal/devnet", "internal/gateway", "internal/chain/devchain"}
	seen := map[string]bool{}
	var walk func(path string)
	walk = func(path string) {
		if seen[path] || !strings.HasPrefix(path, mod) {
			return
		}
		seen[path] = true
		for _, f := range forbidden {
			if path == mod+f || strings.HasPrefix(path, mod+f+"/") {
				t.Errorf("sdk/client links %s", path)
			}
		}
		pkg, err := build.Import(path, ".", 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range pkg.Imports {
			walk(imp)
		}
	}
	walk(mod + "sdk/client")
	if !seen[mod+"internal/crypto/envelope"] || !seen[mod+"internal/selection"] {
		t.Fatalf("the walk missed the package's own imports: %v", seen)
	}
}
