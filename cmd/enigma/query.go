package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/enigma-go/enigma/sdk/client"
)

func init() {
	registerCommand(command{
		name:    "query",
		summary: "ask a query function of a secret contract (read-only: no transaction, no fee) and print its decrypted answer",
		run:     func(ctx context.Context, args []string) error { return runQuery(ctx, args, os.Stdout) },
	})
}

func runQuery(ctx context.Context, args []string, w io.Writer) error {
	fs := flag.NewFlagSet("query", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: enigma query CONTRACT 'fn(types)' [args...] [--returns '(types)'] [--expiry 5m] [flags]")
		fmt.Fprintln(fs.Output(), "The caller is the account of --key or --from (the node signs for --from with eth_signTypedData_v4);")
		fmt.Fprintln(fs.Output(), "--gas caps the query's gas (default: the worker's cap); --timeout bounds the whole query.")
		fs.PrintDefaults()
	}
	var cf clientFlags
	cf.bind(fs, true)
	returns := fs.String("returns", "", "decode the answer as these types, e.g. '(uint256)' (default: print it as hex)")
	expiry := fs.Duration("expiry", client.DefaultQueryExpiry, "how long the signed query stays valid (at most 1h)")
	sc, fn, fnArgs, err := parseCall(fs, args, returns)
	if err != nil {
		return err
	}
	if *expiry < time.Second || *expiry > client.MaxQueryExpiry {
		return fmt.Errorf("%w: --expiry must be between 1s and %s, got %s", errUsage, client.MaxQueryExpiry, *expiry)
	}
	if cf.envelope != string(client.EnvelopeV2) {
		return fmt.Errorf("%w: a query is sealed with envelope v2 only (--envelope %s)", errUsage, cf.envelope)
	}
	c, err := cf.dial(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	if cf.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, cf.timeout)
		defer cancel()
	}
	res, err := c.QueryWith(ctx, client.QueryOptions{Expiry: *expiry, GasLimit: cf.gas}, sc, fn, fnArgs...)
	var failed *client.QueryFailed
	if errors.As(err, &failed) {
		fmt.Fprintf(w, "query failed (gas used %d): %s\n", failed.GasUsed, failed.Text)
		return err
	}
	if err != nil {
		return hintEnvelope(err)
	}
	fmt.Fprintf(w, "answered by worker %s (epoch of block %d) as caller %s, gas used %d\n", res.Worker, res.Epoch, c.Address(), res.GasUsed)
	return printOutput(w, res.Output, *returns)
}
