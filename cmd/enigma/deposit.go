package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math/big"
	"os"
	"strings"
	"time"

	"github.com/enigma-go/enigma/sdk/client"
)

func init() {
	registerCommand(command{
		name:    "deposit",
		summary: "deposit ENG for batched tasks (the balance in the Enigma contract that pays them)",
		run:     func(ctx context.Context, args []string) error { return runDeposit(ctx, args, os.Stdout) },
	})
	registerCommand(command{
		name:    "withdraw",
		summary: "take the batched tasks' balance out: --request first, then withdraw after the task timeout",
		run:     func(ctx context.Context, args []string) error { return runWithdraw(ctx, args, os.Stdout) },
	})
	registerCommand(command{
		name:    "balance",
		summary: "show the account's ENG and its balance for batched tasks",
		run:     func(ctx context.Context, args []string) error { return runBalance(ctx, args, os.Stdout) },
	})
}

// grainsPerENG is 10^8: ENG has 8 decimals.
var grainsPerENG = big.NewInt(100_000_000)

// parseENG reads an amount of ENG ("10", "0.5"), or of grains with
// --grains, into grains.
func parseENG(s string, grains bool) (*big.Int, error) {
	r, ok := new(big.Rat).SetString(strings.ReplaceAll(s, "_", ""))
	if !ok {
		return nil, fmt.Errorf("%w: %q is not an amount", errUsage, s)
	}
	if !grains {
		r.Mul(r, new(big.Rat).SetInt(grainsPerENG))
	}
	if !r.IsInt() {
		return nil, fmt.Errorf("%w: %s is not a whole number of grains (ENG has 8 decimals)", errUsage, s)
	}
	if r.Sign() <= 0 {
		return nil, fmt.Errorf("%w: the amount must be positive, got %s", errUsage, s)
	}
	return new(big.Int).Set(r.Num()), nil
}

// accountCommand parses the flags of the commands that act on the
// account's balance, has check (when not nil) check the positional words
// before anything is dialled, and dials the client.
func accountCommand(ctx context.Context, name, usage string, args []string, extra func(*flag.FlagSet), check func([]string) error) (*client.Client, *clientFlags, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: enigma "+usage)
		fs.PrintDefaults()
	}
	cf := &clientFlags{}
	cf.bind(fs, true)
	if extra != nil {
		extra(fs)
	}
	words, err := parseInterleaved(fs, args)
	if err != nil {
		return nil, nil, err
	}
	if check == nil {
		check = func(words []string) error {
			if len(words) != 0 {
				return fmt.Errorf("%w: %s takes no arguments", errUsage, name)
			}
			return nil
		}
	}
	if err := check(words); err != nil {
		fs.Usage()
		return nil, nil, err
	}
	c, err := cf.dial(ctx)
	if err != nil {
		return nil, nil, err
	}
	return c, cf, nil
}

func runDeposit(ctx context.Context, args []string, w io.Writer) error {
	var (
		grains bool
		amount *big.Int
	)
	c, _, err := accountCommand(ctx, "deposit", "deposit AMOUNT [--grains] [flags]", args, func(fs *flag.FlagSet) {
		fs.BoolVar(&grains, "grains", false, "the amount is in grains (10^-8 ENG), not ENG")
	}, func(words []string) (err error) {
		if len(words) != 1 {
			return fmt.Errorf("%w: name the amount to deposit, in ENG (e.g. `enigma deposit 10`), or in grains with --grains", errUsage)
		}
		amount, err = parseENG(words[0], grains)
		return err
	})
	if err != nil {
		return err
	}
	defer c.Close()
	if err := c.Deposit(ctx, amount); err != nil {
		return err
	}
	fmt.Fprintf(w, "deposited %s ENG from %s for batched tasks\n", eng(amount), c.Address())
	return printBalance(ctx, w, c)
}

func runWithdraw(ctx context.Context, args []string, w io.Writer) error {
	var (
		request, wait, grains bool
		amountFlag            string
	)
	var amount *big.Int
	c, cf, err := accountCommand(ctx, "withdraw", "withdraw [--request] [--wait] [--amount ENG] [flags]", args, func(fs *flag.FlagSet) {
		fs.BoolVar(&request, "request", false, "request the withdrawal (the balance stops paying new batched tasks and unlocks after the chain's task timeout)")
		fs.BoolVar(&wait, "wait", false, "wait for the unlock block (within --timeout), then withdraw")
		fs.StringVar(&amountFlag, "amount", "", "withdraw this much ENG (default: the whole balance)")
		fs.BoolVar(&grains, "grains", false, "--amount is in grains (10^-8 ENG), not ENG")
	}, func(words []string) (err error) {
		if len(words) != 0 {
			return fmt.Errorf("%w: withdraw takes no arguments (the amount is --amount)", errUsage)
		}
		if amountFlag != "" {
			amount, err = parseENG(amountFlag, grains)
		}
		return err
	})
	if err != nil {
		return err
	}
	defer c.Close()
	if request {
		unlock, err := c.RequestWithdrawal(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "withdrawal requested: the balance of %s can be withdrawn from block %d (`enigma withdraw`)\n", c.Address(), unlock)
		if !wait {
			return printBalance(ctx, w, c)
		}
	}
	if wait {
		if err := waitUnlocked(ctx, w, c, cf.timeout); err != nil {
			return err
		}
	}
	sent, err := c.Withdraw(ctx, amount)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "withdrew %s ENG to %s\n", eng(sent), c.Address())
	return printBalance(ctx, w, c)
}

// waitUnlocked waits until the balance can be withdrawn, within timeout.
func waitUnlocked(ctx context.Context, w io.Writer, c *client.Client, timeout time.Duration) error {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	var shown uint64
	for {
		b, err := c.Balance(ctx)
		if err != nil {
			return err
		}
		switch {
		case b.Locked:
			return fmt.Errorf("the balance of %s is locked for batched tasks: request its withdrawal first (--request)", c.Address())
		case b.Withdrawable() || b.Deposited.Sign() == 0:
			return nil
		}
		if b.Head != shown && (shown == 0 || b.Head >= shown+10) {
			fmt.Fprintf(w, "  waiting for block %d (now %d)\n", b.UnlockBlock, b.Head)
			shown = b.Head
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("the balance unlocks at block %d, the chain is at block %d: run `enigma withdraw` then (%w)", b.UnlockBlock, b.Head, ctx.Err())
		case <-time.After(time.Second):
		}
	}
}

func runBalance(ctx context.Context, args []string, w io.Writer) error {
	c, _, err := accountCommand(ctx, "balance", "balance [flags]", args, nil, nil)
	if err != nil {
		return err
	}
	defer c.Close()
	return printBalance(ctx, w, c)
}

func printBalance(ctx context.Context, w io.Writer, c *client.Client) error {
	b, err := c.Balance(ctx)
	if err != nil {
		return err
	}
	state := "locked for batched tasks"
	switch {
	case b.Locked:
	case b.Deposited.Sign() == 0:
		state = "empty"
	case b.UnlockBlock == 0:
		state = "not locked (refunds): a deposit locks it for batched tasks"
	case b.Withdrawable():
		state = fmt.Sprintf("withdrawal requested; withdrawable since block %d", b.UnlockBlock)
	default:
		state = fmt.Sprintf("withdrawal requested; withdrawable from block %d (now %d)", b.UnlockBlock, b.Head)
	}
	fmt.Fprintf(w, "account    %s\ntokens     %s ENG\ndeposited  %s ENG (%s)\nbatchable  %s ENG\n",
		c.Address(), eng(b.Tokens), eng(b.Deposited), state, eng(b.Batchable))
	return nil
}
