package kernels

import (
	"bytes"
	"context"
	"embed"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
)

// The kernels' own source, so the enigma binary can build the contract
// anywhere a Go toolchain is installed, without the repository.
//
//go:embed kernels.go wasm/main.go
var sources embed.FS

// modulePath makes the embedded contract's import of this package resolve
// inside the temporary module.
const modulePath = "github.com/enigma-go/enigma/internal/vm/kernels"

// BuildContract builds the Go contract package pkg (a path the go command
// understands from the current directory) for GOOS=wasip1 as a reactor
// (-buildmode=c-shared) into out.
func BuildContract(ctx context.Context, pkg, out string) error {
	return goBuild(ctx, "", pkg, out, nil)
}

// BuildKernelContract writes the kernels' source into dir and builds the
// kernel contract into dir/kernels.wasm, returning its path.
func BuildKernelContract(ctx context.Context, dir string) (string, error) {
	for _, name := range []string{"kernels.go", "wasm/main.go"} {
		b, err := sources.ReadFile(name)
		if err != nil {
			return "", err
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return "", err
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return "", err
		}
	}
	mod := fmt.Sprintf("module %s\n\ngo 1.24\n", modulePath)
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(mod), 0o644); err != nil {
		return "", err
	}
	out := filepath.Join(dir, "kernels.wasm")
	// The temporary module has no requirements; GOWORK=off keeps a
	// workspace of the caller's from applying to it.
	return out, goBuild(ctx, dir, "./wasm", out, []string{"GOWORK=off", "GOFLAGS=-mod=mod"})
}

func goTool() string {
	if p := filepath.Join(runtime.GOROOT(), "bin", "go"); runtime.GOROOT() != "" {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return "go"
}

func goBuild(ctx context.Context, dir, pkg, out string, env []string) error {
	abs, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, goTool(), "build", "-buildmode=c-shared", "-trimpath", "-o", abs, pkg)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "GOOS=wasip1", "GOARCH=wasm", "CGO_ENABLED=0"), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go build %s for wasip1: %w: %s", pkg, err, stderr.String())
	}
	return nil
}
