package bindings_test

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"

	"github.com/enigma-go/enigma/internal/chain/bindings"
)

// canonical renders an ABI type with tuples expanded, e.g. (address,uint8)[].
func canonical(t abi.Type) string {
	switch t.T {
	case abi.TupleTy:
		parts := make([]string, len(t.TupleElems))
		for i, e := range t.TupleElems {
			parts[i] = canonical(*e)
		}
		return "(" + strings.Join(parts, ",") + ")"
	case abi.SliceTy:
		return canonical(*t.Elem) + "[]"
	case abi.ArrayTy:
		return canonical(*t.Elem) + "[" + strconv.Itoa(t.Size) + "]"
	}
	return t.String()
}

func argTypes(args abi.Arguments) string {
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = canonical(a.Type)
	}
	return strings.Join(parts, ",")
}

func describeFunction(m abi.Method) string {
	return "f " + m.RawName + "(" + argTypes(m.Inputs) + ") -> (" + argTypes(m.Outputs) + ") " + m.StateMutability
}

func describeEvent(e abi.Event) string {
	s := "e " + e.RawName + "(" + argTypes(e.Inputs) + ")"
	var indexed []string
	for _, in := range e.Inputs {
		if in.Indexed {
			indexed = append(indexed, in.Name)
		}
	}
	if len(indexed) > 0 {
		s += " indexed=" + strings.Join(indexed, ",")
	}
	return s
}

// TestABIMatchesEnigmaJS checks every function and event enigma-js 0.3.0
// knows against our compiled ABI: same name, argument and return types,
// mutability, and event parameter types and indexing.
func TestABIMatchesEnigmaJS(t *testing.T) {
	f, err := os.Open("testdata/enigma-js-0.3.0.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	abis := map[string]abi.ABI{
		"Enigma":      *must(bindings.EnigmaMetaData.ParseABI()),
		"EnigmaToken": *must(bindings.EnigmaTokenMetaData.ParseABI()),
	}
	var current abi.ABI
	checked := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		case strings.HasPrefix(line, "["):
			current = abis[strings.Trim(line, "[]")]
			continue
		}
		name := line[2:strings.Index(line, "(")]
		var got string
		if line[0] == 'f' {
			m, ok := current.Methods[name]
			if !ok {
				t.Errorf("missing function %s", name)
				continue
			}
			got = describeFunction(m)
		} else {
			e, ok := current.Events[name]
			if !ok {
				t.Errorf("missing event %s", name)
				continue
			}
			got = describeEvent(e)
		}
		if got != line {
			t.Errorf("ABI mismatch:\n got  %s\n want %s", got, line)
		}
		checked++
	}
	if checked != 55 { // 41 Enigma + 14 EnigmaToken entries in the listing
		t.Fatalf("checked only %d entries", checked)
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
