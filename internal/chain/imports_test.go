package chain

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The package comments' import rules, checked: the client may import api,
// the bindings, go-ethereum and, for its metrics, internal/telemetry and
// Prometheus's client; the dev chain and the bindings only
// go-ethereum; none of them a node role, the enclave, the VM or the dev
// chain (for the client).
func TestImportRules(t *testing.T) {
	const mod = "github.com/enigma-go/enigma/"
	rules := map[string][]string{
		".":         {mod + "api", mod + "internal/chain/bindings", mod + "internal/telemetry", "github.com/prometheus/client_golang/prometheus"},
		"devchain":  nil,
		"chaintest": {mod + "internal/chain/devchain"},
	}
	for dir, allowedOwn := range rules {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			parsed, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range parsed.Imports {
				p, _ := strconv.Unquote(imp.Path.Value)
				if !strings.Contains(p, ".") || strings.HasPrefix(p, "github.com/ethereum/go-ethereum") {
					continue // standard library or go-ethereum
				}
				ok := false
				for _, a := range allowedOwn {
					ok = ok || p == a
				}
				if !ok {
					t.Errorf("%s imports %s, which its package's rule forbids", f, p)
				}
			}
		}
	}
}
