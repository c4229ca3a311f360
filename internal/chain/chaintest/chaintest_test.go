package chaintest

import (
	"context"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/rpc"
)

// Both nodes unlock the same accounts, which the shared client suite
// relies on.
func TestNodesShareTheDevAccounts(t *testing.T) {
	for _, start := range []func(testing.TB) *Node{
		func(t testing.TB) *Node { return DevChain(t, nil) },
		func(t testing.TB) *Node { return Anvil(t, AnvilOptions{BlockTime: 250 * time.Millisecond}) },
	} {
		n := start(t)
		t.Run(n.Kind, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			c, err := rpc.DialContext(ctx, n.URL)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			var accs []common.Address
			if err := c.CallContext(ctx, &accs, "eth_accounts"); err != nil {
				t.Fatal(err)
			}
			if len(accs) < 10 {
				t.Fatalf("eth_accounts = %v", accs)
			}
			for i, a := range n.Accounts {
				if accs[i] != a.Address {
					t.Fatalf("account %d: node has %s, derived %s", i, accs[i], a.Address)
				}
			}
		})
	}
}
