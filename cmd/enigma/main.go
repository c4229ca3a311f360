// Command enigma is the single binary of the network: it starts a local
// devnet, runs the node roles, builds and deploys secret contracts, sends
// tasks and runs the benchmarks.
//
// Each subcommand lives in its own file and registers itself with
// registerCommand, so main.go never needs to change when one is added.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
)

// command is one `enigma <name> ...` subcommand.
type command struct {
	name    string // may contain a space for nested commands, e.g. "bench exec"
	summary string
	run     func(ctx context.Context, args []string) error
}

var commands = map[string]command{}

func registerCommand(c command) {
	if _, dup := commands[c.name]; dup {
		panic("enigma: duplicate command " + c.name)
	}
	commands[c.name] = c
}

// errUsage marks an error caused by how the command was called; main prints
// the usage after it and exits with status 2.
var errUsage = errors.New("usage")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:]))
}

func run(ctx context.Context, args []string) int {
	cmd, rest, ok := lookup(args)
	if !ok {
		usage(os.Stderr)
		if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
			return 0
		}
		fmt.Fprintf(os.Stderr, "\nenigma: unknown command %q\n", strings.Join(args, " "))
		return 2
	}
	if err := cmd.run(ctx, rest); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintf(os.Stderr, "enigma %s: %v\n", cmd.name, err)
		if errors.Is(err, errUsage) {
			return 2
		}
		return 1
	}
	return 0
}

// lookup finds the longest registered command name that prefixes args.
func lookup(args []string) (command, []string, bool) {
	for n := min(len(args), 3); n > 0; n-- {
		if c, ok := commands[strings.Join(args[:n], " ")]; ok {
			return c, args[n:], true
		}
	}
	return command{}, nil, false
}

func usage(w *os.File) {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Fprintln(w, "enigma: secret contracts on Ethereum\n\nUsage: enigma <command> [flags]\n\nCommands:")
	for _, n := range names {
		fmt.Fprintf(w, "  %-22s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'enigma <command> -h' for the flags of a command.")
}
