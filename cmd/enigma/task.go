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
		summary: "show a task's status on chain and in the network (batched: pending, executed, in batch, committed, failed)",
		run:     func(ctx context.Context, args []string) error { return runTask(ctx, "status", args, os.Stdout) },
	})
	registerCommand(command{
		name:    "task result",
		summary: "show a finished task's result (still encrypted), checked against its receipt or its batch's root on chain",
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
		if st.Batch != "" {
			printBatchedStatus(w, id, st)
			return nil
		}
		if st.Chain == api.ChainUndefined {
			return fmt.Errorf("no task record %s on chain (head block %d), and no worker reachable from the gateway has a batched task of that id: check the id and the network", id, st.Head)
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

// printBatchedStatus prints where a batched task is: pending, executed,
// in batch N, committed in block B, or failed with its reason.
func printBatchedStatus(w io.Writer, id api.TaskID, st client.Status) {
	var where string
	switch st.Batch {
	case client.BatchPending:
		where = "pending (accepted, not run yet)"
	case client.BatchExecuted:
		where = "executed (waiting for its batch)"
	case client.BatchInBatch:
		where = fmt.Sprintf("in batch %d (sent to the chain, not mined yet)", st.BatchIndex)
	case client.BatchCommitted:
		where = fmt.Sprintf("committed in block %d (batch %d)", st.BatchBlock, st.BatchIndex)
		if st.Chain == api.ChainReceiptFailed {
			where += "; the contract failed the task (charged for its gas)"
		}
	case client.BatchFailed:
		where = fmt.Sprintf("failed: %s (not charged)", st.Error)
	default:
		where = string(st.Batch)
	}
	fmt.Fprintf(w, "task     %s\npath     batched (no task record; head block %d)\nstatus   %s\n", id, st.Head, where)
}

func printResult(w io.Writer, id api.TaskID, r *client.Result) {
	fmt.Fprintf(w, "task              %s\nstatus            %s\ngas used          %d\n", id, r.Status, r.UsedGas)
	if r.Batched {
		fmt.Fprintf(w, "batch             %d (block %d), position %d\nfee               %s ENG\n", r.BatchIndex, r.BatchBlock, r.Position, eng(r.Fee))
		fmt.Fprintf(w, "output hash       %s (in the batch's Merkle tree: inclusion proved against block %d)\n", r.OutputHash, r.ProvedAt)
		if !r.DeltaHash.IsZero() {
			fmt.Fprintf(w, "state delta hash  %s\n", r.DeltaHash)
		}
		fmt.Fprintf(w, "encrypted output  0x%x\n", r.EncryptedOutput)
		fmt.Fprintln(w, "(only the client that sent the task holds the key to decrypt its output)")
		return
	}
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
