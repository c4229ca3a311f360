package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/enigma-go/enigma/sdk/client"
	"github.com/enigma-go/enigma/sdk/contract/build"
)

func init() {
	registerCommand(command{
		name:    "deploy",
		summary: "deploy a secret contract (FILE.wasm, or a contract folder to build) and run its constructor",
		run:     func(ctx context.Context, args []string) error { return runDeploy(ctx, args, os.Stdout) },
	})
}

func runDeploy(ctx context.Context, args []string, w io.Writer) error {
	fs := flag.NewFlagSet("deploy", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: enigma deploy FILE.wasm|DIR [--ctor 'construct(types)'] [args...] [flags]")
		fs.PrintDefaults()
	}
	var cf clientFlags
	cf.bind(fs, true)
	ctor := fs.String("ctor", "construct()", "constructor signature; its arguments follow the file")
	noWait := fs.Bool("no-wait", false, "print the task id and return without waiting for the receipt")
	words, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(words) == 0 {
		fs.Usage()
		return fmt.Errorf("%w: name the contract: a .wasm file or a contract folder", errUsage)
	}
	ctorArgs, err := client.ParseArgs(*ctor, words[1:])
	if err != nil {
		return fmt.Errorf("%w: %w", errUsage, err)
	}
	code, err := loadContract(ctx, words[0], w)
	if err != nil {
		return err
	}
	c, err := cf.dial(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	task, err := c.Deploy(ctx, code, *ctor, ctorArgs...)
	if task != nil {
		printSent(w, task)
	}
	if err != nil {
		return hintEnvelope(err)
	}
	if *noWait {
		return nil
	}
	if err := waitAndReport(ctx, w, task); err != nil {
		return err
	}
	if _, err := task.Output(ctx); err != nil {
		return err
	}
	fmt.Fprintf(w, "deployed secret contract %s\n", task.Contract)
	return nil
}

// loadContract reads a .wasm file, or builds the contract folder path.
func loadContract(ctx context.Context, path string, w io.Writer) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", errUsage, err)
	}
	if !fi.IsDir() {
		return os.ReadFile(path)
	}
	tmp, err := os.MkdirTemp("", "enigma-deploy-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	res, err := build.Contract(ctx, build.Options{Dir: path, Out: filepath.Join(tmp, "contract.wasm"), Stderr: os.Stderr})
	if err != nil {
		return nil, fmt.Errorf("build the contract in %s: %w", path, err)
	}
	fmt.Fprintf(w, "built %s: %d bytes, code hash %s\n", path, res.Size, res.CodeHash)
	return os.ReadFile(res.Path)
}

func printSent(w io.Writer, t *client.Task) {
	kind := "compute"
	if t.Deploy {
		kind = "deploy"
	}
	if t.Batched {
		fmt.Fprintf(w, "%s task %s (envelope %s, batched) accepted by worker %s for the epoch of block %d\n", kind, t.ID, t.Envelope, t.Worker, t.Epoch)
		return
	}
	fmt.Fprintf(w, "%s task %s (envelope %s) recorded at block %d for worker %s\n", kind, t.ID, t.Envelope, t.Block, t.Worker)
}

// waitAndReport waits for the task's receipt, or a batched task's batch,
// printing each status change.
func waitAndReport(ctx context.Context, w io.Writer, t *client.Task) error {
	st, err := t.Wait(ctx, func(s client.Status) { fmt.Fprintf(w, "  %s\n", s) })
	if err != nil {
		return err
	}
	r, err := t.Result(ctx)
	if err != nil {
		return err
	}
	if r.Batched {
		fmt.Fprintf(w, "batch %d (block %d), position %d: gas used %d, fee %s ENG; inclusion proved against block %d\n",
			r.BatchIndex, r.BatchBlock, r.Position, r.UsedGas, eng(r.Fee), r.ProvedAt)
		return nil
	}
	fmt.Fprintf(w, "receipt: %s at block %d, gas used %d\n", st.Chain, st.Head, r.UsedGas)
	return nil
}

// hintEnvelope tells the user how to reach a node without envelope v2.
func hintEnvelope(err error) error {
	if errors.Is(err, client.ErrNotSupported) {
		return fmt.Errorf("%w\n(pass --envelope compat to use enigma-js 0.3.0's envelope)", err)
	}
	return err
}
