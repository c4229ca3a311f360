package client

import (
	"context"
	"fmt"
	"math/big"
	"sync"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain"
)

// Balance is an account's ENG as the batched path sees it, in grains (1
// ENG = 10^8 grains).
type Balance struct {
	Tokens    *big.Int // the account's ENG tokens
	Deposited *big.Int // its balance in the Enigma contract (deposits and refunds)
	// Batchable is what batched tasks accepted now may charge: the whole
	// deposited balance while it is locked and no withdrawal was
	// requested, else nothing.
	Batchable *big.Int
	Locked    bool // locked for batched tasks, no withdrawal requested
	// UnlockBlock is, after RequestWithdrawal, the first block from which
	// Withdraw can take the balance out; 0 when the balance is locked or
	// was never locked.
	UnlockBlock uint64
	Head        uint64 // the chain's head when read
}

// Withdrawable reports whether Withdraw can take the balance out now: it
// is unlocked at the head block (a transaction is checked against the
// head's state before it is sent).
func (b *Balance) Withdrawable() bool {
	return !b.Locked && b.Deposited.Sign() > 0 && b.Head >= b.UnlockBlock
}

// Balance reads the account's tokens and its balance in the Enigma
// contract.
func (c *Client) Balance(ctx context.Context) (*Balance, error) {
	head, err := c.chain.BlockNumber(ctx)
	if err != nil {
		return nil, fmt.Errorf("client: read the head block: %w", err)
	}
	tokens, err := c.enigma.TokenBalance(ctx, c.account.Address)
	if err != nil {
		return nil, fmt.Errorf("client: read the ENG balance of %s: %w", c.account.Address, err)
	}
	ub, err := c.enigma.UserBalance(ctx, c.account.Address)
	if err != nil {
		return nil, fmt.Errorf("client: read the balance of %s in the Enigma contract: %w", c.account.Address, err)
	}
	b := &Balance{Tokens: tokens, Deposited: ub.Balance, Batchable: ub.Batchable(), Head: head,
		Locked: ub.UnlockBlock == chain.UserBalanceLocked}
	if !b.Locked {
		b.UnlockBlock = ub.UnlockBlock
	}
	return b, nil
}

// Deposit moves amount grains of the account's tokens to its balance in
// the Enigma contract, which pays its batched tasks (two transactions:
// approve, depositUserBalance). A deposit locks the whole balance for
// batched tasks again, ending a withdrawal request.
func (c *Client) Deposit(ctx context.Context, amount *big.Int) error {
	if amount == nil || amount.Sign() <= 0 {
		return api.Errorf(api.CodeInvalidInput, "client: deposit a positive amount of ENG grains")
	}
	c.funds.mu.Lock()
	defer c.funds.mu.Unlock()
	return c.deposit(ctx, amount)
}

// deposit is Deposit with c.funds.mu held.
func (c *Client) deposit(ctx context.Context, amount *big.Int) error {
	defer c.forgetBalance()
	tokens, err := c.enigma.TokenBalance(ctx, c.account.Address)
	if err != nil {
		return fmt.Errorf("client: read the ENG balance of %s: %w", c.account.Address, err)
	}
	if tokens.Cmp(amount) < 0 {
		return api.Errorf(api.CodeInvalidInput, "client: %s holds %v ENG grains in tokens, less than the deposit of %v: fund it, or deposit less", c.account.Address, tokens, amount)
	}
	// Approvals set the allowance: the per-task path's must not overwrite
	// this one before the deposit takes it.
	c.submit.Lock()
	defer c.submit.Unlock()
	if _, err := c.enigma.ApproveEnigma(ctx, c.account, amount); err != nil {
		return fmt.Errorf("client: approve the deposit of %v ENG grains: %w", amount, err)
	}
	if _, err := c.enigma.DepositUserBalance(ctx, c.account, amount); err != nil {
		return fmt.Errorf("client: deposit %v ENG grains: %w", amount, err)
	}
	c.log.Info("deposited for batched tasks", "account", c.account.Address, "grains", amount)
	return nil
}

// RequestWithdrawal starts unlocking the account's balance: batches may
// still charge it for the chain's task timeout, then Withdraw can take it
// out. It returns the first block Withdraw can be mined in.
func (c *Client) RequestWithdrawal(ctx context.Context) (uint64, error) {
	defer c.forgetBalance()
	b, err := c.Balance(ctx)
	if err != nil {
		return 0, err
	}
	if !b.Locked {
		return b.UnlockBlock, nil // nothing locked, or already requested
	}
	if _, err := c.enigma.RequestUserWithdrawal(ctx, c.account); err != nil {
		return 0, fmt.Errorf("client: request the withdrawal of the balance of %s: %w", c.account.Address, err)
	}
	ub, err := c.enigma.UserBalance(ctx, c.account.Address)
	if err != nil {
		return 0, fmt.Errorf("client: read the balance of %s: %w", c.account.Address, err)
	}
	return ub.UnlockBlock, nil
}

// Withdraw sends amount grains of the account's balance in the Enigma
// contract back to its tokens (nil: all of it) and returns what it sent.
// A locked balance needs RequestWithdrawal first and the chain's task
// timeout after it.
func (c *Client) Withdraw(ctx context.Context, amount *big.Int) (*big.Int, error) {
	defer c.forgetBalance()
	b, err := c.Balance(ctx)
	if err != nil {
		return nil, err
	}
	if amount == nil {
		amount = b.Deposited
	}
	switch {
	case amount.Sign() <= 0 || b.Deposited.Sign() == 0:
		return nil, api.Errorf(api.CodeInvalidInput, "client: %s has %v ENG grains in the Enigma contract: nothing to withdraw", c.account.Address, b.Deposited)
	case amount.Cmp(b.Deposited) > 0:
		return nil, api.Errorf(api.CodeInvalidInput, "client: %s has %v ENG grains in the Enigma contract, less than the %v asked for", c.account.Address, b.Deposited, amount)
	case b.Locked:
		return nil, api.Errorf(api.CodeInvalidInput, "client: the balance of %s is locked for batched tasks: request its withdrawal first (RequestWithdrawal, `enigma withdraw --request`), then withdraw it after the chain's task timeout", c.account.Address)
	case !b.Withdrawable():
		return nil, api.Errorf(api.CodeInvalidInput, "client: the balance of %s can be withdrawn from block %d (now %d): batches may charge it until then", c.account.Address, b.UnlockBlock, b.Head)
	}
	if _, err := c.enigma.WithdrawUserBalance(ctx, c.account, amount); err != nil {
		return nil, fmt.Errorf("client: withdraw %v ENG grains: %w", amount, err)
	}
	return amount, nil
}

// funds tracks the maximum fees of the account's batched tasks this client
// sent and has not seen end, so that a deposit covers them together with
// the next task: a worker accepts a task only while the batchable balance
// covers it and every task of the sender it has not committed yet.
type funds struct {
	mu   sync.Mutex // held while checking the balance and depositing
	omu  sync.Mutex // guards open
	open map[*reservation]struct{}
	// released sums the fees of every reservation ended before its
	// timeout: a cached balance read before a release may have been
	// charged that much since.
	released *big.Int
	timeout  uint64 // the chain's task timeout, read once
}

// reservation is one task's maximum fee, counted until the task ends or
// the chain's task timeout passes (by then its worker committed or failed
// it).
type reservation struct {
	fee   *big.Int
	until uint64 // the last block it counts in
}

// outstanding sums the reservations that still count at head and drops
// the others.
func (f *funds) outstanding(head uint64) *big.Int {
	f.omu.Lock()
	defer f.omu.Unlock()
	sum := new(big.Int)
	for r := range f.open {
		if r.until < head {
			delete(f.open, r)
			continue
		}
		sum.Add(sum, r.fee)
	}
	return sum
}

func (f *funds) add(r *reservation) {
	f.omu.Lock()
	defer f.omu.Unlock()
	if f.open == nil {
		f.open = map[*reservation]struct{}{}
	}
	f.open[r] = struct{}{}
}

// release ends a reservation (nil is a no-op).
func (f *funds) release(r *reservation) {
	if r == nil {
		return
	}
	f.omu.Lock()
	defer f.omu.Unlock()
	if _, ok := f.open[r]; ok {
		if f.released == nil {
			f.released = new(big.Int)
		}
		f.released.Add(f.released, r.fee)
	}
	delete(f.open, r)
}

// releasedSoFar is the sum of the fees released so far.
func (f *funds) releasedSoFar() *big.Int {
	f.omu.Lock()
	defer f.omu.Unlock()
	if f.released == nil {
		return new(big.Int)
	}
	return new(big.Int).Set(f.released)
}

// reserve makes sure the account's batchable balance covers fee on top of
// its other open batched tasks, depositing Config.DepositTasks times fee
// (or what is missing, if more) when it does not, and counts fee until
// the task ends.
func (c *Client) reserve(ctx context.Context, fee *big.Int) (*reservation, error) {
	f := c.funds
	f.mu.Lock()
	defer f.mu.Unlock()
	head, err := c.headBlock(ctx)
	if err != nil {
		return nil, err
	}
	if f.timeout == 0 {
		if f.timeout, err = c.enigma.TaskTimeoutSize(ctx); err != nil {
			return nil, fmt.Errorf("client: read the task timeout: %w", err)
		}
	}
	// A cached balance is counted less what was released since it was
	// read (those tasks may have been charged since); a balance that looks
	// short is read again before anything is deposited.
	ub, rel, err := c.userBalance(ctx, false)
	if err != nil {
		return nil, err
	}
	open := f.outstanding(head)
	need := new(big.Int).Add(fee, open)
	have := new(big.Int).Sub(ub.Batchable(), new(big.Int).Sub(f.releasedSoFar(), rel))
	if new(big.Int).Sub(need, have).Sign() > 0 {
		if ub, _, err = c.userBalance(ctx, true); err != nil {
			return nil, err
		}
		have = ub.Batchable()
	}
	if lack := new(big.Int).Sub(need, have); lack.Sign() > 0 {
		requested := ub.UnlockBlock != chain.UserBalanceLocked && ub.UnlockBlock != 0 && ub.Balance.Sign() > 0
		switch {
		case requested:
			return nil, api.Errorf(api.CodeInvalidInput, "client: the withdrawal of the %v ENG grains of %s in the Enigma contract was requested, so batched tasks cannot draw on them: Withdraw them after block %d, or Deposit to lock the balance again, or send the task per task (Config.PerTask)",
				ub.Balance, c.account.Address, ub.UnlockBlock)
		case c.cfg.DepositTasks == 0:
			return nil, api.Errorf(api.CodeInvalidInput, "client: the batchable balance of %s is %v ENG grains, less than the %v its open batched tasks and this one may charge (gas limit × gas price each): Deposit at least %v, or set Config.DepositTasks to deposit on its own",
				c.account.Address, have, need, lack)
		}
		amount := new(big.Int).Mul(fee, new(big.Int).SetUint64(c.cfg.DepositTasks))
		if amount.Cmp(lack) < 0 {
			amount = lack
		}
		tokens, err := c.enigma.TokenBalance(ctx, c.account.Address)
		if err != nil {
			return nil, fmt.Errorf("client: read the ENG balance of %s: %w", c.account.Address, err)
		}
		if tokens.Cmp(amount) < 0 {
			if tokens.Cmp(lack) < 0 {
				return nil, api.Errorf(api.CodeInvalidInput, "client: the batched task needs %v more ENG grains in the balance of %s (batchable %v, open tasks and this one %v) but the account holds %v in tokens: fund it, or lower the gas limit",
					lack, c.account.Address, have, need, tokens)
			}
			// Not every token the account holds: a locked balance leaves
			// only after a withdrawal request and the task timeout, and
			// the account's tokens also pay its per-task path. Half of
			// them, or what is missing if that is more.
			amount = new(big.Int).Rsh(tokens, 1)
			if amount.Cmp(lack) < 0 {
				amount = lack
			}
		}
		c.log.Info("the batchable balance falls short; depositing", "account", c.account.Address, "batchable", have, "needed", need, "deposit", amount)
		if err := c.deposit(ctx, amount); err != nil {
			return nil, err
		}
	}
	r := &reservation{fee: fee, until: head + f.timeout}
	f.add(r)
	return r, nil
}
