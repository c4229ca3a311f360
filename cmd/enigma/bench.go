package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"text/tabwriter"
)

// benchRow is one line of a benchmark table.
type benchRow struct {
	Name  string  `json:"name"`
	Value float64 `json:"value"`
	Unit  string  `json:"unit"`
	Note  string  `json:"note,omitempty"`
}

// benchResult is what one part of a suite measured: rows for the table and
// named fields for the JSON object (the figures other tools read).
type benchResult struct {
	Rows   []benchRow
	Fields map[string]any
}

// benchOptions are the flags every suite shares.
type benchOptions struct {
	Quick bool // fewer iterations: a smoke run, not a measurement
	Out   io.Writer
	// Flags are the parsed flags of `enigma bench <suite>`, the suite's own
	// (registerBenchFlags) included; nil when a test calls a part.
	Flags *flag.FlagSet
}

type benchPart struct {
	order int
	run   func(ctx context.Context, opt benchOptions) (benchResult, error)
}

var benchSuites = map[string][]benchPart{}
var benchSummaries = map[string]string{}

// benchSuiteFlags define the flags a suite adds to the shared ones.
var benchSuiteFlags = map[string]func(fs *flag.FlagSet){}

// registerBenchFlags has `enigma bench <suite>` take the flags define
// adds; the suite's parts read them from benchOptions.Flags.
func registerBenchFlags(suite string, define func(fs *flag.FlagSet)) { benchSuiteFlags[suite] = define }

// registerBenchPart adds a part to `enigma bench <suite>`. Parts of one
// suite run in ascending order and their rows and fields are merged, so
// several packages can contribute to one suite without sharing a file.
func registerBenchPart(suite, summary string, order int, run func(ctx context.Context, opt benchOptions) (benchResult, error)) {
	if _, ok := benchSuites[suite]; !ok {
		registerCommand(command{
			name:    "bench " + suite,
			summary: summary,
			run:     func(ctx context.Context, args []string) error { return runBenchSuite(ctx, suite, args) },
		})
		benchSummaries[suite] = summary
	}
	benchSuites[suite] = append(benchSuites[suite], benchPart{order: order, run: run})
}

func runBenchSuite(ctx context.Context, suite string, args []string) error {
	fs := flag.NewFlagSet("bench "+suite, flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print one JSON object instead of a table")
	quick := fs.Bool("quick", false, "few iterations: checks the suite runs, figures are not meaningful")
	if define := benchSuiteFlags[suite]; define != nil {
		define(fs)
	}
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %w", errUsage, err)
	}
	parts := append([]benchPart(nil), benchSuites[suite]...)
	sort.SliceStable(parts, func(i, j int) bool { return parts[i].order < parts[j].order })

	progress := io.Writer(os.Stderr)
	all := benchResult{Fields: map[string]any{}}
	for _, p := range parts {
		r, err := p.run(ctx, benchOptions{Quick: *quick, Out: progress, Flags: fs})
		if err != nil {
			return err
		}
		all.Rows = append(all.Rows, r.Rows...)
		for k, v := range r.Fields {
			all.Fields[k] = v
		}
	}
	if *asJSON {
		obj := map[string]any{"suite": suite, "rows": all.Rows}
		for k, v := range all.Fields {
			obj[k] = v
		}
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(obj)
	}
	printBenchTable(os.Stdout, suite, all)
	return nil
}

func printBenchTable(w io.Writer, suite string, r benchResult) {
	fmt.Fprintf(w, "enigma bench %s\n\n", suite)
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "measurement\tvalue\tunit\tnote")
	fmt.Fprintln(tw, "-----------\t-----\t----\t----")
	for _, row := range r.Rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", row.Name, formatBenchValue(row.Value), row.Unit, row.Note)
	}
	tw.Flush()
}

func formatBenchValue(v float64) string {
	switch {
	case v == float64(int64(v)) && v < 1e15 && v > -1e15:
		return fmt.Sprintf("%d", int64(v))
	case v >= 100 || v <= -100:
		return fmt.Sprintf("%.1f", v)
	default:
		s := fmt.Sprintf("%.3f", v)
		return strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
}
