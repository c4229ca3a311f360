package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/enigma-go/enigma/sdk/client"
)

func init() {
	registerCommand(command{
		name:    "epoch",
		summary: "show the network's current epoch: number, blocks, seed and worker count",
		run:     func(ctx context.Context, args []string) error { return runEpoch(ctx, args, os.Stdout) },
	})
}

func runEpoch(ctx context.Context, args []string, w io.Writer) error {
	e, err := readEpoch(ctx, "epoch", args)
	if err != nil {
		return err
	}
	if e.Number == 0 {
		fmt.Fprintf(w, "no epoch yet (head block %d): the key manager sets the first one when the network starts\n", e.Head)
		return nil
	}
	fmt.Fprintf(w, "epoch         %d\nfirst block   %d\nsize          %d blocks (next epoch from block %d)\nhead          %d\ntask timeout  %d blocks\nseed          %d\nworkers       %d\n",
		e.Number, e.FirstBlock, e.Size, e.FirstBlock+e.Size, e.Head, e.TaskTimeout, e.Seed, len(e.Workers))
	return nil
}

// readEpoch parses the client flags of a command that takes no arguments
// and reads the network's current epoch.
func readEpoch(ctx context.Context, name string, args []string) (*client.EpochInfo, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	var cf clientFlags
	cf.bind(fs, false)
	words, err := parseInterleaved(fs, args)
	if err != nil {
		return nil, err
	}
	if len(words) != 0 {
		return nil, fmt.Errorf("%w: %s takes no arguments", errUsage, name)
	}
	c, err := cf.dial(ctx)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	return c.Epoch(ctx)
}
