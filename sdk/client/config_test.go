package client

import (
	"os"
	"path/filepath"
	"testing"
)

func TestResolveFromAddressesFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "addresses.json")
	js := `{"contract":"0x1111111111111111111111111111111111111111","token":"0x2222222222222222222222222222222222222222","eth_node":"http://127.0.0.1:8545","proxy":"http://127.0.0.1:3346"}`
	if err := os.WriteFile(p, []byte(js), 0o600); err != nil {
		t.Fatal(err)
	}
	c := DefaultConfig()
	c.ChainRPC, c.Gateway, c.AddressesFile = "", "", p
	c, err := c.Resolve()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Validate(); err != nil {
		t.Fatalf("resolved config invalid: %v", err)
	}
	if c.Gateway != "http://127.0.0.1:3346" || c.Enigma[:4] != "0x11" {
		t.Fatalf("unexpected config %+v", c)
	}
	if err := (Config{}).Validate(); err == nil {
		t.Fatal("empty config validated")
	}
	if _, err := (Config{AddressesFile: filepath.Join(dir, "missing.json")}).Resolve(); err == nil {
		t.Fatal("missing file resolved")
	}
}

func TestConfigFromFileTakesTheFilesEndpoints(t *testing.T) {
	path := filepath.Join(t.TempDir(), "addresses.json")
	body := `{"contract":"0x1111111111111111111111111111111111111111","token":"0x2222222222222222222222222222222222222222","eth_node":"http://127.0.0.1:9","proxy":"http://127.0.0.1:10"}`
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := ConfigFromFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if c.ChainRPC != "http://127.0.0.1:9" || c.Gateway != "http://127.0.0.1:10" || c.Enigma != "0x1111111111111111111111111111111111111111" || c.DeployGasLimit == 0 {
		t.Fatalf("%+v", c)
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if _, err := ConfigFromFile(filepath.Join(t.TempDir(), "missing.json")); err == nil {
		t.Fatal("a missing file was accepted")
	}
}
