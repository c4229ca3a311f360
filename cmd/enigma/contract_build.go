package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/enigma-go/enigma/sdk/contract/build"
)

func init() {
	registerCommand(command{
		name:    "contract build",
		summary: "compile a Go secret contract folder to a WebAssembly module",
		run: func(ctx context.Context, args []string) error {
			return contractBuild(ctx, args, os.Stdout)
		},
	})
}

// contractBuild is `enigma contract build DIR [-o out.wasm]`. Flags may come
// before or after DIR.
func contractBuild(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("contract build", flag.ContinueOnError)
	out := fs.String("o", "", "output `file` (default: <folder name>.wasm in the current directory)")
	asJSON := fs.Bool("json", false, "print {path, size, code_hash} as JSON")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: enigma contract build DIR [-o out.wasm] [-json]\n\n"+
			"Builds the secret contract in DIR (a main package using sdk/contract) for\n"+
			"GOOS=wasip1 GOARCH=wasm and prints the module's path, size and code hash.")
		fs.PrintDefaults()
	}
	var dirs []string
	for {
		if err := fs.Parse(args); err != nil {
			if err == flag.ErrHelp {
				return err
			}
			return fmt.Errorf("%w: %w", errUsage, err)
		}
		if fs.NArg() == 0 {
			break
		}
		dirs = append(dirs, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(dirs) != 1 {
		fs.Usage()
		return fmt.Errorf("%w: give exactly one contract folder, got %d", errUsage, len(dirs))
	}
	res, err := build.Contract(ctx, build.Options{Dir: dirs[0], Out: *out})
	if err != nil {
		return err
	}
	if *asJSON {
		return json.NewEncoder(stdout).Encode(map[string]any{"path": res.Path, "size": res.Size, "code_hash": res.CodeHash.String()})
	}
	fmt.Fprintf(stdout, "%s\nsize:      %d bytes\ncode hash: %s\n", res.Path, res.Size, res.CodeHash)
	return nil
}
