package main

import (
	"context"
	"testing"
)

func TestLookupNestedCommands(t *testing.T) {
	registerBenchPart("selftest", "benchmark framework self test", 1, func(ctx context.Context, opt benchOptions) (benchResult, error) {
		return benchResult{Rows: []benchRow{{Name: "x", Value: 1.5, Unit: "ms"}}, Fields: map[string]any{"x_ms": 1.5}}, nil
	})
	c, rest, ok := lookup([]string{"bench", "selftest", "--json"})
	if !ok || c.name != "bench selftest" || len(rest) != 1 || rest[0] != "--json" {
		t.Fatalf("lookup = %q %v %v", c.name, rest, ok)
	}
	if _, _, ok := lookup([]string{"nope"}); ok {
		t.Fatal("unknown command found")
	}
	for v, want := range map[float64]string{3: "3", 1234.56: "1234.6", 1.25: "1.25", 0.5: "0.5"} {
		if got := formatBenchValue(v); got != want {
			t.Errorf("formatBenchValue(%v) = %q, want %q", v, got, want)
		}
	}
}
