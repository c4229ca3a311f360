package devchain

import (
	"encoding/json"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
)

// Role accounts are derived far above the dev accounts: none of them is a
// dev account, and each is where RoleAccount says.
func TestRoleAccountsDerivation(t *testing.T) {
	devs, err := DeriveAccounts(DefaultMnemonic, 10)
	if err != nil {
		t.Fatal(err)
	}
	from, err := DeriveAccountsFrom(DefaultMnemonic, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	for i := range devs {
		if devs[i].Address != from[i].Address {
			t.Fatalf("DeriveAccountsFrom(0) account %d is %s, DeriveAccounts says %s", i, from[i].Address, devs[i].Address)
		}
	}
	roles, err := RoleAccounts(DefaultMnemonic, 4)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[common.Address]bool{}
	for _, d := range devs {
		seen[d.Address] = true
	}
	for i, r := range roles {
		if seen[r.Address] {
			t.Fatalf("role account %d (%s) is also a dev account", i, r.Address)
		}
		seen[r.Address] = true
		one, err := RoleAccount(DefaultMnemonic, i)
		if err != nil || one.Address != r.Address {
			t.Fatalf("RoleAccount(%d) = %s, %v; RoleAccounts says %s", i, one.Address, err, r.Address)
		}
	}
	if RoleWorker(0) == RoleKeyManager {
		t.Fatal("worker 0 shares the key manager's role account")
	}
	if _, err := RoleAccount(DefaultMnemonic, -1); err == nil {
		t.Fatal("RoleAccount(-1) returned an account")
	}
}

// Genesis funds the role accounts, eth_accounts does not list them and the
// chain does not sign for them: a client taking any of eth_accounts can
// never send as the key manager or a worker.
func TestRoleAccountsFundedNotUnlocked(t *testing.T) {
	c := startChain(t, func(c *Config) { c.RoleAccounts = 3 })
	url := c.HTTPEndpoint()
	roles := c.RoleAccounts()
	if len(roles) != 3 {
		t.Fatalf("%d role accounts, want 3", len(roles))
	}
	var listed []common.Address
	if err := json.Unmarshal(rawCall(t, url, "eth_accounts"), &listed); err != nil {
		t.Fatal(err)
	}
	for _, r := range roles {
		for _, a := range listed {
			if a == r.Address {
				t.Fatalf("eth_accounts lists role account %s", r.Address)
			}
		}
		var bal hexutil.Big
		if err := json.Unmarshal(rawCall(t, url, "eth_getBalance", r.Address, "latest"), &bal); err != nil {
			t.Fatal(err)
		}
		if bal.ToInt().Cmp(c.cfg.AccountBalance) != 0 {
			t.Fatalf("role account %s holds %v wei, want %v", r.Address, bal.ToInt(), c.cfg.AccountBalance)
		}
	}
	var h common.Hash
	err := c.RPC().CallContext(testCtx(t), &h, "eth_sendTransaction", map[string]any{"from": roles[0].Address, "to": listed[0], "value": (*hexutil.Big)(big.NewInt(1))})
	if err == nil || !strings.Contains(err.Error(), "unknown account") {
		t.Fatalf("eth_sendTransaction from a role account: %v, want unknown account", err)
	}
}
