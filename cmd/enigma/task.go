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
		name:    "task status",
		summary: "show a task's status on chain and in the network",
		run:     func(ctx context.Context, args []string) error { return runTask(ctx, "status", args, os.Stdout) },
	})
	registerCommand(command{
		name:    "task result",
		summary: "show a finished task's result (still encrypted), checked against its receipt on chain",
		run:     func(ctx context.Context, args []string) error { return runTask(ctx, "result", args, os.Stdout) },
	})
}

func runTask(ctx context.Context, what string, args []string, w io.Writer) error {
	fs := flag.NewFlagSet("task "+what, flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: enigma task %s TASKID [flags]\n", what)
		fs.PrintDefaults()
	}
	var cf clientFlags
	cf.bind(fs, false)
	words, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(words) != 1 {
		fs.Usage()
		return fmt.Errorf("%w: name one task id", errUsage)
	}
	id, err := api.ParseHash(words[0])
	if err != nil {
		return fmt.Errorf("%w: task id %q: %w", errUsage, words[0], err)
	}
	c, err := cf.dial(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	t := c.Task(id)
	if what == "status" {
		st, err := t.Status(ctx)
		if err != nil {
			return err
		}
		if st.Chain == api.ChainUndefined {
			return fmt.Errorf("no task record %s on chain (head block %d): check the id and the network", id, st.Head)
		}
		fmt.Fprintf(w, "task     %s\nchain    %s (record at block %d, head %d)\nnetwork  %s\n", id, st.Chain, st.Record, st.Head, st.Gateway)
		return nil
	}
	r, err := t.Result(ctx)
	if err != nil {
		return err
	}
	printResult(w, id, r)
	return nil
}

func printResult(w io.Writer, id api.TaskID, r *client.Result) {
	fmt.Fprintf(w, "task              %s\nstatus            %s\ngas used          %d\n", id, r.Status, r.UsedGas)
	if r.Deployed {
		fmt.Fprintf(w, "contract          %s deployed (its code hash is on chain; a deploy commits no output hash)\n", id)
	} else {
		fmt.Fprintf(w, "output hash       %s (matches the receipt on chain)\n", r.OutputHash)
	}
	if r.DeltaIndex != nil {
		fmt.Fprintf(w, "state delta       %d\n", *r.DeltaIndex)
	}
	fmt.Fprintf(w, "encrypted output  0x%x\n", r.EncryptedOutput)
	fmt.Fprintln(w, "(only the client that sent the task holds the key to decrypt its output)")
}
