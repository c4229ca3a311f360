package chain

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/internal/chain/chaintest"
)

// A node that drops a pending transaction it accepted (anvil does under
// load) does not leave its sender waiting for ever: the receipt wait sends
// exactly that transaction again, from a local key and from an account the
// node holds.
func TestDroppedTransactionIsResentOnAnvil(t *testing.T) {
	t.Parallel()
	n := chaintest.Anvil(t, chaintest.AnvilOptions{})
	c := dial(t, n)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	to := common.HexToAddress("0x000000000000000000000000000000000000d20b")
	key := mustKey(t, "dropped")
	if err := c.FundETH(ctx, NodeAccount(n.Accounts[1].Address), []common.Address{KeyAccount(key).Address}, big.NewInt(1e18)); err != nil {
		t.Fatal(err)
	}
	for _, from := range []Account{NodeAccount(n.Accounts[2].Address), KeyAccount(key)} {
		n.SetAutomine(t, false)
		hash, err := c.Send(ctx, from, Tx{What: "a transfer the node drops", To: &to, Value: big.NewInt(1)})
		if err != nil {
			t.Fatal(err)
		}
		n.Drop(t, hash.Hex())
		n.SetAutomine(t, true)
		before := c.Metrics().Resent
		r, err := c.WaitReceipt(ctx, hash, "a transfer the node drops")
		if err != nil {
			t.Fatalf("from %s: %v", from.Address, err)
		}
		if r.TxHash != hash || c.Metrics().Resent != before+1 {
			t.Fatalf("from %s: receipt of %s (sent %s), %d resent", from.Address, r.TxHash, hash, c.Metrics().Resent-before)
		}
	}
}
