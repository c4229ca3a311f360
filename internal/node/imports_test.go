package node

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The package comments' import rules, checked: the wire packages carry a
// role's interface and types only, never another role or the chain; the
// node package never imports the devnet.
func TestImportRules(t *testing.T) {
	const mod = "github.com/enigma-go/enigma/"
	forbidden := map[string][]string{
		"../p2p": {mod + "internal/km", mod + "internal/state", mod + "internal/devnet", mod + "internal/node", mod + "internal/gateway"},
		".":      {mod + "internal/devnet"},
		// The gateway depends on the worker's API, never the reverse.
		"../worker":    {mod + "internal/gateway"},
		"../gateway":   {mod + "internal/worker", mod + "internal/km", mod + "internal/chain"},
		"../workerapi": {mod + "internal/"},
		// The explorer reads the chain only: no secret can reach it.
		"../explorer": {mod + "internal/worker", mod + "internal/enclave", mod + "internal/state", mod + "internal/km",
			mod + "internal/gateway", mod + "internal/devnet", mod + "internal/node"},
	}
	for dir, banned := range forbidden {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		if len(files) == 0 {
			t.Fatalf("no Go files in %s", dir)
		}
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
				for _, b := range banned {
					if p == b || strings.HasPrefix(p, b+"/") {
						t.Errorf("%s imports %s, which its package's rule forbids", f, p)
					}
				}
			}
		}
	}
}
