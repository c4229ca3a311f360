package main

import (
	"context"
	"errors"
	"testing"
)

func TestDevnetRejectsBadFlags(t *testing.T) {
	for _, args := range [][]string{{"--no-such-flag"}, {"--workers", "0"}} {
		if err := runDevnet(context.Background(), args); !errors.Is(err, errUsage) {
			t.Errorf("%v: got %v, want a usage error", args, err)
		}
	}
}
