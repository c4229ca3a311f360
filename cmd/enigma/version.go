package main

import (
	"context"
	"fmt"
	"runtime/debug"
)

func init() {
	registerCommand(command{
		name:    "version",
		summary: "print the version of this binary",
		run: func(ctx context.Context, args []string) error {
			v := "devel"
			if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
				v = bi.Main.Version
			}
			fmt.Println("enigma", v)
			return nil
		},
	})
}
