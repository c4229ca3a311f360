// Package build compiles a secret contract written with sdk/contract into
// the WebAssembly module the network deploys: GOOS=wasip1 GOARCH=wasm,
// -buildmode=c-shared (a reactor whose _initialize runs the contract's init
// functions), stripped and with reproducible flags, so the same source and
// toolchain give the same code hash on every machine.
//
// It runs the go command found on PATH and imports only the standard library
// and the contract SDK (for Keccak-256); the node must not depend on it.
package build

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/enigma-go/enigma/sdk/contract"
)

// SDKImportPath is the package every contract imports; it provides the
// module's deploy and call exports.
const SDKImportPath = "github.com/enigma-go/enigma/sdk/contract"

// Options says what to build.
type Options struct {
	Dir string // the contract's folder: a main package importing sdk/contract
	// Out is the module's path; empty means <folder name>.wasm in the
	// current directory.
	Out string
	// Go is the go command; empty means "go" from PATH.
	Go string
	// Stderr receives the compiler's output on failure as well as in the
	// returned error; nil discards it.
	Stderr io.Writer
}

// Result describes a built module.
type Result struct {
	Path     string           // where the module was written
	Size     int64            // bytes
	CodeHash contract.Bytes32 // Keccak-256 of the module, as the network hashes deployed code
}

// ErrNotContract is wrapped when Dir is not a buildable contract folder.
var ErrNotContract = errors.New("not a secret contract")

// buildEnv is the environment a contract is built in, on top of the caller's.
var buildEnv = []string{"GOOS=wasip1", "GOARCH=wasm", "CGO_ENABLED=0", "GOFLAGS=-mod=readonly"}

// buildFlags are the go build flags: a reactor module, no local paths, no
// symbol tables, no build id or VCS stamp, so builds are small and
// reproducible.
var buildFlags = []string{"-buildmode=c-shared", "-trimpath", "-buildvcs=false", "-ldflags=-s -w -buildid="}

// Contract builds the contract in opt.Dir.
func Contract(ctx context.Context, opt Options) (*Result, error) {
	goCmd := opt.Go
	if goCmd == "" {
		goCmd = "go"
	}
	dir, err := filepath.Abs(opt.Dir)
	if err != nil {
		return nil, err
	}
	if err := checkFolder(ctx, goCmd, dir); err != nil {
		return nil, err
	}
	out := opt.Out
	if out == "" {
		out = filepath.Base(dir) + ".wasm"
	}
	if out, err = filepath.Abs(out); err != nil {
		return nil, err
	}
	args := append([]string{"build"}, buildFlags...)
	args = append(args, "-o", out, ".")
	if _, err := goRun(ctx, goCmd, dir, opt.Stderr, args...); err != nil {
		return nil, fmt.Errorf("build: compiling %s: %w", opt.Dir, err)
	}
	code, err := os.ReadFile(out)
	if err != nil {
		return nil, fmt.Errorf("build: %w", err)
	}
	if err := checkExports(code); err != nil {
		return nil, fmt.Errorf("build: %s: %w", out, err)
	}
	return &Result{Path: out, Size: int64(len(code)), CodeHash: contract.Keccak256(code)}, nil
}

// checkFolder refuses, with a message saying what to do, folders that are
// not a main package using the SDK.
func checkFolder(ctx context.Context, goCmd, dir string) error {
	st, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("build: %w: %w", ErrNotContract, err)
	}
	if !st.IsDir() {
		return fmt.Errorf("build: %s is a file; give the contract's folder: %w", dir, ErrNotContract)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "*.go")); len(m) == 0 {
		return fmt.Errorf("build: %s holds no Go files: %w", dir, ErrNotContract)
	}
	info, err := goRun(ctx, goCmd, dir, nil, "list", "-f", "{{.Name}}\n{{join .Imports \" \"}}", ".")
	if err != nil {
		return fmt.Errorf("build: %s: %w (%w)", dir, ErrNotContract, err)
	}
	name, deps, _ := strings.Cut(strings.TrimSpace(info), "\n")
	if name != "main" {
		return fmt.Errorf("build: %s is package %s; a contract is a main package that registers its functions with %s: %w",
			dir, name, SDKImportPath, ErrNotContract)
	}
	if !contains(strings.Fields(deps), SDKImportPath) {
		return fmt.Errorf("build: %s does not import %s directly; a contract imports it to get the deploy and call exports: %w",
			dir, SDKImportPath, ErrNotContract)
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func goRun(ctx context.Context, goCmd, dir string, stderr io.Writer, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, goCmd, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), buildEnv...)
	var stdout, errb bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &errb
	if stderr != nil {
		cmd.Stderr = io.MultiWriter(&errb, stderr)
	}
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(errb.String())
		if msg == "" {
			return "", fmt.Errorf("go %s: %w", args[0], err)
		}
		return "", fmt.Errorf("go %s: %w:\n%s", args[0], err, msg)
	}
	return stdout.String(), nil
}
