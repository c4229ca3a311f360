package devchain

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
)

// reverter is runtime code that reverts every call with Error("no").
func reverter() []byte {
	data := crypto.Keccak256([]byte("Error(string)"))[:4]
	data = append(data, common.LeftPadBytes([]byte{0x20}, 32)...)
	data = append(data, common.LeftPadBytes([]byte{2}, 32)...)
	data = append(data, common.RightPadBytes([]byte("no"), 32)...)
	// CODECOPY(0, 12, 100); REVERT(0, 100); then the data.
	code := []byte{0x60, byte(len(data)), 0x60, 12, 0x60, 0x00, 0x39, 0x60, byte(len(data)), 0x60, 0x00, 0xfd}
	return append(code, data...)
}

// sendError posts eth_sendTransaction and returns its error message ("" on
// success).
func sendError(t *testing.T, url string, req map[string]any) string {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": 1, "method": "eth_sendTransaction", "params": []any{req}})
	resp, err := http.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var out struct {
		Error *struct{ Message string } `json:"error"`
	}
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatal(err)
	}
	if out.Error == nil {
		return ""
	}
	return out.Error.Message
}

func TestRejectRevertsAnswersAsGanache(t *testing.T) {
	target := common.HexToAddress("0x00000000000000000000000000000000000000bb")
	alloc := types.GenesisAlloc{target: {Code: reverter(), Balance: common.Big0}}
	for _, reject := range []bool{true, false} {
		c := startChain(t, func(c *Config) { c.Alloc, c.RejectReverts = alloc, reject })
		from := c.Accounts()[0].Address
		msg := sendError(t, c.HTTPEndpoint(), map[string]any{"from": from, "to": target, "gas": "0x30000", "gasPrice": "0x3b9aca00"})
		want := ""
		if reject {
			want = "VM Exception while processing transaction: revert no"
		}
		if msg != want {
			t.Errorf("RejectReverts %v: error %q, want %q", reject, msg, want)
		}
		// Without a gas limit the node's estimate refuses it either way.
		if msg := sendError(t, c.HTTPEndpoint(), map[string]any{"from": from, "to": target}); !strings.Contains(msg, "revert") {
			t.Errorf("RejectReverts %v, no gas limit: error %q", reject, msg)
		}
		// A call that does not revert goes through.
		if msg := sendError(t, c.HTTPEndpoint(), map[string]any{"from": from, "to": from, "gas": "0x5208", "gasPrice": "0x3b9aca00"}); msg != "" {
			t.Errorf("RejectReverts %v: a plain transfer was refused: %s", reject, msg)
		}
	}
}
