package chain

import (
	"flag"
	"strings"
	"testing"
	"time"
)

func TestConfigValidateAndFlags(t *testing.T) {
	if err := DefaultConfig().Validate(); err != nil {
		t.Fatal(err)
	}
	if err := TestConfig().Validate(); err != nil {
		t.Fatal(err)
	}
	bad := DefaultConfig()
	bad.RPCURL, bad.SendAttempts, bad.PollInterval = "", 0, 0
	err := bad.Validate()
	for _, want := range []string{"RPCURL", "SendAttempts", "PollInterval"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Validate() = %v, want it to mention %s", err, want)
		}
	}
	cfg := DefaultConfig()
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	cfg.BindFlags(fs)
	if err := fs.Parse([]string{"--chain-rpc", "http://127.0.0.1:9", "--chain-id", "31337", "--confirmations", "3", "--receipt-timeout", "5s"}); err != nil {
		t.Fatal(err)
	}
	if cfg.RPCURL != "http://127.0.0.1:9" || cfg.ChainID != 31337 || cfg.Confirmations != 3 || cfg.ReceiptTimeout != 5*time.Second {
		t.Fatalf("flags gave %+v", cfg)
	}
}

func TestRevertDecoding(t *testing.T) {
	// Error(string) "Worker not logged in".
	data := "0x08c379a0" +
		"0000000000000000000000000000000000000000000000000000000000000020" +
		"0000000000000000000000000000000000000000000000000000000000000014" +
		"576f726b6572206e6f74206c6f6767656420696e000000000000000000000000"
	err := asRevert(dataErr{msg: "execution reverted", data: data})
	if !strings.Contains(err.Error(), "Worker not logged in") {
		t.Fatalf("got %v", err)
	}
	// ERC20InsufficientBalance(address,uint256,uint256) of the token.
	custom := "0xe450d38c" +
		"0000000000000000000000000000000000000000000000000000000000000001" +
		"0000000000000000000000000000000000000000000000000000000000000002" +
		"0000000000000000000000000000000000000000000000000000000000000003"
	if err := asRevert(dataErr{msg: "execution reverted", data: custom}); !strings.Contains(err.Error(), "ERC20InsufficientBalance") {
		t.Fatalf("got %v", err)
	}
	if err := asRevert(dataErr{msg: "connection refused"}); strings.Contains(err.Error(), "reverted") {
		t.Fatalf("a network error became a revert: %v", err)
	}
}

type dataErr struct{ msg, data string }

func (e dataErr) Error() string  { return e.msg }
func (e dataErr) ErrorCode() int { return 3 }
func (e dataErr) ErrorData() interface{} {
	if e.data == "" {
		return nil
	}
	return e.data
}
