package chain

import (
	"fmt"
	"os"
	"runtime"
)

// KeyFileWarning returns a warning when the file at path, which holds a
// private key or a seal key, is open to users other than its owner (any
// group or other permission bit), and "" otherwise. A file that cannot be
// read yields "" too: reading it reports that. Windows has no such bits.
func KeyFileWarning(path string) string {
	if runtime.GOOS == "windows" || path == "" {
		return ""
	}
	st, err := os.Stat(path)
	if err != nil || !st.Mode().IsRegular() {
		return ""
	}
	if perm := st.Mode().Perm(); perm&0o077 != 0 {
		return fmt.Sprintf("key file %s is open to other users (mode %04o): anyone who can read it holds the key; run chmod 600 %s", path, perm, path)
	}
	return ""
}
