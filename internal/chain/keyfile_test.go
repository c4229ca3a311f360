package chain

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestKeyFileWarning(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permission bits")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "key")
	if err := os.WriteFile(path, []byte("00"), 0o600); err != nil {
		t.Fatal(err)
	}
	if w := KeyFileWarning(path); w != "" {
		t.Fatalf("mode 0600 warned: %s", w)
	}
	for _, mode := range []os.FileMode{0o644, 0o640, 0o604, 0o660} {
		if err := os.Chmod(path, mode); err != nil {
			t.Fatal(err)
		}
		if w := KeyFileWarning(path); !strings.Contains(w, "chmod 600 "+path) {
			t.Fatalf("mode %04o: warning %q", mode, w)
		}
	}
	if w := KeyFileWarning(filepath.Join(dir, "missing")); w != "" {
		t.Fatalf("missing file warned: %s", w)
	}
}
