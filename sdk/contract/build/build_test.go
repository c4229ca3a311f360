package build

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

func needGo(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command on PATH")
	}
}

func TestBuildIsReproducible(t *testing.T) {
	needGo(t)
	ctx := context.Background()
	tmp := t.TempDir()
	var hashes []string
	for _, name := range []string{"a.wasm", "b.wasm"} {
		res, err := Contract(ctx, Options{Dir: "../../../examples/calculator", Out: filepath.Join(tmp, name)})
		if err != nil {
			t.Fatal(err)
		}
		code, err := os.ReadFile(res.Path)
		if err != nil || int64(len(code)) != res.Size || string(code[:4]) != "\x00asm" {
			t.Fatalf("output %s: %v", res.Path, err)
		}
		hashes = append(hashes, res.CodeHash.String())
	}
	if hashes[0] != hashes[1] {
		t.Fatalf("two builds differ: %v", hashes)
	}
}

func TestBuildRefusesNonContracts(t *testing.T) {
	needGo(t)
	ctx := context.Background()
	tmp := t.TempDir()
	lib := filepath.Join(tmp, "lib")
	plain := filepath.Join(tmp, "plain")
	for dir, src := range map[string]string{
		lib:   "package lib\n",
		plain: "package main\n\nfunc main() {}\n",
	} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "x.go"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module x\n\ngo 1.24\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, dir := range []string{filepath.Join(tmp, "missing"), tmp, lib, plain, "build.go"} {
		if _, err := Contract(ctx, Options{Dir: dir, Out: filepath.Join(tmp, "x.wasm")}); !errors.Is(err, ErrNotContract) {
			t.Errorf("%s: err = %v, want ErrNotContract", dir, err)
		}
	}
}

func TestExportNames(t *testing.T) {
	for _, bad := range [][]byte{nil, []byte("\x00asm"), []byte("\x00asm\x01\x00\x00\x00\x07\x05\x01"), []byte("\x7fELF\x01\x00\x00\x00")} {
		if _, err := exportNames(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	// export section: one export "call", func 0
	mod := []byte("\x00asm\x01\x00\x00\x00\x07\x08\x01\x04call\x00\x00")
	names, err := exportNames(mod)
	if err != nil || !names["call"] {
		t.Fatalf("%v %v", names, err)
	}
	if err := checkExports(mod); err == nil {
		t.Fatal("module without deploy accepted")
	}
}
