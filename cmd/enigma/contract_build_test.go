package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/enigma-go/enigma/sdk/contract/build"
)

func TestContractBuild(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command on PATH")
	}
	out := filepath.Join(t.TempDir(), "calc.wasm")
	var stdout bytes.Buffer
	if err := contractBuild(context.Background(), []string{"../../examples/calculator", "-o", out}, &stdout); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if len(lines) != 3 || lines[0] != out || !strings.HasPrefix(lines[2], "code hash: 0x") {
		t.Fatalf("output:\n%s", stdout.String())
	}
	code, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(code, []byte("\x00asm")) {
		t.Fatalf("module: %v", err)
	}

	stdout.Reset()
	if err := contractBuild(context.Background(), []string{"-json", "-o", out, "../../examples/calculator"}, &stdout); err != nil {
		t.Fatal(err)
	}
	var j struct {
		Path     string `json:"path"`
		Size     int64  `json:"size"`
		CodeHash string `json:"code_hash"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &j); err != nil || j.Path != out || j.Size != int64(len(code)) || !strings.HasSuffix(lines[2], j.CodeHash) {
		t.Fatalf("json output %s: %v", stdout.String(), err)
	}

	err = contractBuild(context.Background(), []string{"../../examples/bench"}, &stdout)
	if !errors.Is(err, build.ErrNotContract) || !strings.Contains(err.Error(), "sdk/contract") {
		t.Fatalf("building a library package: %v", err)
	}
	if err := contractBuild(context.Background(), nil, &stdout); !errors.Is(err, errUsage) {
		t.Fatalf("no folder: %v", err)
	}
}
