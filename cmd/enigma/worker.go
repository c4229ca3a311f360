package main

import (
	"context"
	"fmt"
	"io"
	"math/big"
	"os"
	"text/tabwriter"
)

func init() {
	registerCommand(command{
		name:    "worker list",
		summary: "list the current epoch's workers: signing address, custodian, stake, status",
		run:     func(ctx context.Context, args []string) error { return runWorkerList(ctx, args, os.Stdout) },
	})
}

func runWorkerList(ctx context.Context, args []string, w io.Writer) error {
	e, err := readEpoch(ctx, "worker list", args)
	if err != nil {
		return err
	}
	if len(e.Workers) == 0 {
		fmt.Fprintln(w, "no workers: the key manager has not set an epoch with logged-in workers yet")
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SIGNER\tCUSTODIAN\tSTAKE (ENG)\tBALANCE (ENG)\tSTATUS")
	for _, wk := range e.Workers {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", wk.Signer, wk.Custodian, eng(wk.Stake), eng(wk.Balance), wk.Status)
	}
	return tw.Flush()
}

// eng formats ENG grains (8 decimals) as ENG.
func eng(grains *big.Int) string {
	if grains == nil {
		return "?"
	}
	return new(big.Rat).SetFrac(grains, big.NewInt(100_000_000)).FloatString(8)
}
