package bindings_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common/math"

	"github.com/enigma-go/enigma/internal/chain/bindings/simenv"
)

func TestEnigmaToken(t *testing.T) {
	t.Parallel()
	env, err := simenv.New(simenv.Config{EpochSize: 10, TimeoutEpochs: 2})
	ok(t, err)
	defer env.Close()
	tok := env.TokenABI
	get := func(data []byte) *big.Int {
		v, err := bind.Call(env.Token, nil, data, tok.UnpackTotalSupply)
		ok(t, err)
		return v
	}
	supply := new(big.Int).Mul(big.NewInt(150_000_000), big.NewInt(1e8))
	if get(tok.PackTotalSupply()).Cmp(supply) != 0 || get(tok.PackINITIALSUPPLY()).Cmp(supply) != 0 ||
		env.BalanceOf(env.Owner.Addr).Cmp(supply) != 0 {
		t.Fatal("the deployer does not hold the 150 million ENG supply")
	}
	dec, err := bind.Call(env.Token, nil, tok.PackDecimals(), tok.UnpackDecimals)
	ok(t, err)
	name, err := bind.Call(env.Token, nil, tok.PackName(), tok.UnpackName)
	ok(t, err)
	sym, err := bind.Call(env.Token, nil, tok.PackSymbol(), tok.UnpackSymbol)
	ok(t, err)
	if dec != 8 || name != "Enigma" || sym != "ENG" {
		t.Fatalf("decimals %d name %q symbol %q", dec, name, sym)
	}

	owner, spender := env.Owner, simenv.User(0)
	allowance := func() *big.Int {
		return get(tok.PackAllowance(owner.Addr, spender.Addr))
	}
	send := func(data []byte) error { _, err := env.Send(owner, env.Token, data); return err }
	if allowance().Sign() != 0 {
		t.Fatal("fresh allowance is not zero")
	}
	ok(t, send(tok.PackApprove(spender.Addr, big.NewInt(100))))
	ok(t, send(tok.PackIncreaseAllowance(spender.Addr, big.NewInt(50))))
	ok(t, send(tok.PackDecreaseAllowance(spender.Addr, big.NewInt(30))))
	if allowance().Int64() != 120 {
		t.Fatalf("allowance %v, want 120", allowance())
	}
	mustRevert(t, send(tok.PackDecreaseAllowance(spender.Addr, big.NewInt(121))), "decreased allowance below zero")

	// Spending the whole allowance leaves it at zero (stored as a non-zero word).
	_, err = env.Send(spender, env.Token, tok.PackTransferFrom(owner.Addr, spender.Addr, big.NewInt(120)))
	ok(t, err)
	if allowance().Sign() != 0 || env.BalanceOf(spender.Addr).Int64() != 120 {
		t.Fatalf("after spending: allowance %v balance %v", allowance(), env.BalanceOf(spender.Addr))
	}
	_, err = env.Send(spender, env.Token, tok.PackTransferFrom(owner.Addr, spender.Addr, big.NewInt(1)))
	mustRevert(t, err, "execution reverted")

	// An unlimited allowance is not spent down.
	ok(t, send(tok.PackApprove(spender.Addr, math.MaxBig256)))
	_, err = env.Send(spender, env.Token, tok.PackTransferFrom(owner.Addr, spender.Addr, big.NewInt(5)))
	ok(t, err)
	if allowance().Cmp(math.MaxBig256) != 0 {
		t.Fatalf("unlimited allowance became %v", allowance())
	}
	ok(t, send(tok.PackApprove(spender.Addr, big.NewInt(0))))
	if allowance().Sign() != 0 {
		t.Fatal("approve(0) did not reset the allowance")
	}
}

func TestUserBalance(t *testing.T) {
	t.Parallel()
	env := newEnv(t, simenv.DefaultConfig())
	u := simenv.User(0)
	mustRevert(t, withdrawUser(env, u, 1), "Not enough tokens in user balance")
	ok(t, env.DepositUser(u, big.NewInt(5000)))
	// A deposit locks the balance for batched tasks (balance_test.go); a
	// refund does not lock it.
	mustRevert(t, withdrawUser(env, u, 1), "Locked: requestUserWithdrawal")
	if bal := userBalance(t, env, u); bal.Int64() != 5000 {
		t.Fatalf("balance %v after a deposit of 5000", bal)
	}
}

func TestBeforeFirstEpoch(t *testing.T) {
	t.Parallel()
	env, err := simenv.New(simenv.DefaultConfig())
	ok(t, err)
	defer env.Close()
	head := new(big.Int).SetUint64(env.Head())
	if g := call(t, env, env.EnigmaABI.PackGetWorkerGroup(head, simenv.Hash("sc")), env.EnigmaABI.UnpackGetWorkerGroup); len(g) != 0 {
		t.Fatalf("worker group before any epoch: %v", g)
	}
	p := call(t, env, env.EnigmaABI.PackGetWorkerParams(head), env.EnigmaABI.UnpackGetWorkerParams)
	if p.Arg0.Sign() != 0 || len(p.Arg2) != 0 {
		t.Fatalf("worker params before any epoch: %+v", p)
	}
	_, err = env.Send(simenv.User(0), env.Enigma, env.EnigmaABI.PackCreateTaskRecord(simenv.Hash("in"), 1, 1, big.NewInt(0)))
	mustRevert(t, err, "Wrong epoch for this task")
	// The first epoch may have no workers at all.
	ok(t, env.Register(env.KM))
	_, err = env.NewEpoch(big.NewInt(5))
	ok(t, err)
	if n, first := env.EpochState(); n != 1 || first == 0 {
		t.Fatalf("epoch state %d %d", n, first)
	}
}
