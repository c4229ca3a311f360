// Package testbin finds the system programs some tests drive (a headless
// browser, the Prometheus server). `make deps` installs them as root
// (scripts/system-deps.sh). A test that lacks one is skipped, except under
// CI=true, where it fails with the command that installs it: CI must run
// every test, as chaintest.Anvil does for anvil.
package testbin

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Chromium is the path of a Chromium-compatible browser.
func Chromium(t testing.TB) string {
	return find(t, "chromium", []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"})
}

// Prometheus is the path of the Prometheus server.
func Prometheus(t testing.TB) string {
	return find(t, "prometheus", []string{"/usr/bin/prometheus", "prometheus"})
}

func find(t testing.TB, pkg string, names []string) string {
	t.Helper()
	for _, name := range names {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := pkg + " is not installed; install it with `make deps` (as root: scripts/system-deps.sh) or `apt-get install " + pkg + "`"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// RepoRoot is the repository's root: the nearest folder above the test's
// working directory that holds go.mod.
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			t.Fatalf("no go.mod above %s", dir)
		}
	}
}
