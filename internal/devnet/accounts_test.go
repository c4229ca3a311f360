package devnet

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/internal/chain/chaintest"
	"github.com/enigma-go/enigma/internal/chain/devchain"
)

// The network sends nothing from a client's account once it is up: the key
// manager's epochs and the workers' stakes come from role accounts that
// Accounts (eth_accounts) does not list. Before, the key manager sent from
// accounts[0], the account every web3 user takes first, so every epoch
// raced the user's nonce ("nonce too low"). Every dev account holds ENG.
func TestRoleAccountsAreNotClientAccounts(t *testing.T) {
	cfg := asked(TestConfig())
	cfg.EpochSize = 5
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	d, err := Start(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()

	clients := map[common.Address]bool{}
	for _, a := range d.Accounts() {
		clients[a] = true
	}
	roles := append([]common.Address{d.KeyManagerAccount()}, d.Custodians()...)
	seen := map[common.Address]bool{}
	for _, r := range roles {
		if clients[r] || seen[r] {
			t.Fatalf("role account %s is a client account or shared between roles", r)
		}
		seen[r] = true
	}
	if want, _ := devchain.RoleAccount(devchain.DefaultMnemonic, devchain.RoleKeyManager); d.KeyManagerAccount() != want.Address {
		t.Fatalf("key manager account %s, want role account %s", d.KeyManagerAccount(), want.Address)
	}
	for i, c := range d.Custodians() {
		w, err := d.enigma.Worker(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		if w.Balance.Cmp(WorkerStakeENG) != 0 || w.Status != 1 {
			t.Fatalf("worker %d (custodian %s): stake %v, status %d; want %v staked and logged in", i, c, w.Balance, w.Status, WorkerStakeENG)
		}
	}
	var share *big.Int
	for i, a := range d.Accounts() {
		bal, err := d.enigma.TokenBalance(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case i == 0:
			if bal.Sign() == 0 {
				t.Fatal("the deployer kept no ENG")
			}
		case share == nil:
			share = bal
		case bal.Cmp(share) != 0:
			t.Fatalf("dev account %d holds %v ENG grains, account 1 %v", i, bal, share)
		}
	}
	if share == nil || share.Sign() == 0 {
		t.Fatal("the dev accounts got no ENG")
	}

	nonces := func() map[common.Address]uint64 {
		out := map[common.Address]uint64{}
		for _, a := range append(d.Accounts(), d.KeyManagerAccount()) {
			n, err := d.client.Eth().PendingNonceAt(ctx, a)
			if err != nil {
				t.Fatal(err)
			}
			out[a] = n
		}
		return out
	}
	before := nonces()
	st, err := d.enigma.EpochState(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for {
		now, err := d.enigma.EpochState(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if now.Count.Cmp(new(big.Int).Add(st.Count, big.NewInt(2))) >= 0 {
			break
		}
		select {
		case <-ctx.Done():
			t.Fatalf("no two new epochs (count %v, was %v)", now.Count, st.Count)
		case <-time.After(50 * time.Millisecond):
		}
	}
	after := nonces()
	for _, a := range d.Accounts() {
		if after[a] != before[a] {
			t.Errorf("dev account %s sent %d transactions while the network ran on its own", a, after[a]-before[a])
		}
	}
	if km := d.KeyManagerAccount(); after[km] < before[km]+2 {
		t.Errorf("the key manager's account sent %d transactions over two epochs", after[km]-before[km])
	}
}

// On an external node (anvil) the role accounts are not in its genesis:
// the deployer (eth_accounts[0]) sends them their ETH as the devnet starts,
// and the network runs on them.
func TestRoleAccountsOnAnvil(t *testing.T) {
	node := chaintest.Anvil(t, chaintest.AnvilOptions{BlockTime: 200 * time.Millisecond})
	cfg := asked(TestConfig())
	cfg.ChainRPC = node.URL
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	d, err := Start(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if len(d.Accounts()) != len(node.Accounts) {
		t.Fatalf("%d dev accounts, anvil has %d", len(d.Accounts()), len(node.Accounts))
	}
	for _, r := range append([]common.Address{d.KeyManagerAccount()}, d.Custodians()...) {
		bal, err := d.client.Balance(ctx, r)
		if err != nil {
			t.Fatal(err)
		}
		if bal.Sign() == 0 || bal.Cmp(roleETH) > 0 {
			t.Fatalf("role account %s holds %v wei; want what the deployer sent (%v) less gas", r, bal, roleETH)
		}
	}
	st, err := d.enigma.EpochState(ctx)
	if err != nil || st.Count.Sign() == 0 {
		t.Fatalf("no epoch on anvil: %v %v", st, err)
	}
}
