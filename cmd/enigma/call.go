package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/sdk/client"
)

func init() {
	registerCommand(command{
		name:    "call",
		summary: "run a function of a secret contract with encrypted arguments and print its decrypted output (batched by default)",
		run:     func(ctx context.Context, args []string) error { return runCall(ctx, args, os.Stdout) },
	})
}

func runCall(ctx context.Context, args []string, w io.Writer) error {
	fs := flag.NewFlagSet("call", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: enigma call CONTRACT 'fn(types)' [args...] [--returns '(types)'] [flags]")
		fs.PrintDefaults()
	}
	var cf clientFlags
	cf.bind(fs, true)
	returns := fs.String("returns", "", "decode the output as these types, e.g. '(uint256)' (default: print it as hex)")
	batched := fs.Bool("batched", true, "v2: send the task on the batched path (no transaction per task: paid from a deposited balance, proved against its batch's root on chain; needs --key); --batched=false sends it with a task record")
	sc, fn, fnArgs, err := parseCall(fs, args, returns)
	if err != nil {
		return err
	}
	c, err := cf.dial(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	c = c.WithBatched(*batched)
	task, err := c.Compute(ctx, sc, fn, fnArgs...)
	if task != nil {
		printSent(w, task)
		if *batched && task.Envelope == client.EnvelopeV2 && !task.Batched {
			fmt.Fprintln(w, "(sent with a task record: a batched task is signed with the sender's key, which an account of the node does not give; pass --key FILE)")
		}
	}
	if err != nil {
		return hintEnvelope(err)
	}
	if err := waitAndReport(ctx, w, task); err != nil {
		return err
	}
	out, err := task.Output(ctx)
	if err != nil {
		return err
	}
	return printOutput(w, out, *returns)
}

// parseCall parses what a call and a query take after their flags,
// CONTRACT 'fn(types)' [args...], and checks --returns (returns, set once
// the flags are parsed).
func parseCall(fs *flag.FlagSet, args []string, returns *string) (api.Hash, string, []any, error) {
	words, err := parseInterleaved(fs, args)
	if err != nil {
		return api.Hash{}, "", nil, err
	}
	if len(words) < 2 {
		fs.Usage()
		return api.Hash{}, "", nil, fmt.Errorf("%w: name the contract and the function", errUsage)
	}
	sc, err := api.ParseHash(words[0])
	if err != nil {
		return api.Hash{}, "", nil, fmt.Errorf("%w: contract address %q: %w", errUsage, words[0], err)
	}
	fn := words[1]
	fnArgs, err := client.ParseArgs(fn, words[2:])
	if err != nil {
		return api.Hash{}, "", nil, fmt.Errorf("%w: %w", errUsage, err)
	}
	if *returns != "" {
		if _, err := client.SignatureTypes(*returns); err != nil {
			return api.Hash{}, "", nil, fmt.Errorf("%w: --returns: %w", errUsage, err)
		}
	}
	return sc, fn, fnArgs, nil
}

// printOutput prints a call's or a query's output as hex and, with
// returns, decoded one value per line.
func printOutput(w io.Writer, out []byte, returns string) error {
	fmt.Fprintf(w, "output 0x%x\n", out)
	if returns == "" {
		return nil
	}
	vals, err := client.FormatValues(returns, out)
	if err != nil {
		return err
	}
	for _, v := range vals {
		fmt.Fprintln(w, v)
	}
	return nil
}
