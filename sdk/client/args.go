package client

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/sdk/contract"
)

// SignatureTypes returns the argument types of a function signature:
// "add(uint256,uint256)" → [uint256 uint256]; the name may be left out, as
// in "(uint256,bool)". Tuples are not supported.
func SignatureTypes(sig string) ([]string, error) {
	open := strings.IndexByte(sig, '(')
	if open < 0 || !strings.HasSuffix(sig, ")") {
		return nil, api.Errorf(api.CodeInvalidInput, "%q is not a function signature like \"add(uint256,uint256)\"", sig)
	}
	inner := strings.TrimSpace(sig[open+1 : len(sig)-1])
	if inner == "" {
		return nil, nil
	}
	if strings.ContainsAny(inner, "()") {
		return nil, api.Errorf(api.CodeInvalidInput, "signature %q has a tuple argument, which the command line cannot spell; use the Go SDK", sig)
	}
	types := strings.Split(inner, ",")
	for i := range types {
		types[i] = strings.TrimSpace(types[i])
	}
	return types, nil
}

// ParseArgs turns command-line words into values for sig's argument types,
// for Deploy and Compute: integers in decimal or 0x-hex, addresses and
// bytes in hex, bool as true/false, strings as they are, and arrays (T[],
// T[k]) as JSON arrays of those, e.g. '[1,2,3]' or '["0xab","0xcd"]'.
func ParseArgs(sig string, words []string) ([]any, error) {
	types, err := SignatureTypes(sig)
	if err != nil {
		return nil, err
	}
	if len(words) != len(types) {
		return nil, api.Errorf(api.CodeInvalidInput, "%s takes %d arguments (%s), got %d", sig, len(types), strings.Join(types, ", "), len(words))
	}
	out := make([]any, len(types))
	for i, t := range types {
		if out[i], err = parseValue(t, words[i]); err != nil {
			return nil, api.Errorf(api.CodeInvalidInput, "argument %d (%s): %v", i+1, t, err)
		}
	}
	return out, nil
}

func parseValue(typ, s string) (any, error) {
	if strings.HasSuffix(typ, "]") {
		open := strings.LastIndexByte(typ, '[')
		if open < 0 {
			return nil, fmt.Errorf("malformed array type %q", typ)
		}
		var items []json.RawMessage
		if err := json.Unmarshal([]byte(s), &items); err != nil {
			return nil, fmt.Errorf("want a JSON array like [1,2], got %q", s)
		}
		elem := typ[:open]
		if strings.HasSuffix(elem, "]") {
			return nil, fmt.Errorf("nested array %q: the command line cannot spell it; use the Go SDK", typ)
		}
		out := make([]any, len(items))
		for i, it := range items {
			var word string
			if err := json.Unmarshal(it, &word); err != nil {
				word = string(it) // a number or bool literal
			}
			v, err := parseValue(elem, word)
			if err != nil {
				return nil, fmt.Errorf("item %d: %w", i, err)
			}
			out[i] = v
		}
		return anySlice(elem, out), nil
	}
	switch {
	case strings.HasPrefix(typ, "uint") || strings.HasPrefix(typ, "int"):
		n, ok := parseInt(s)
		if !ok {
			return nil, fmt.Errorf("%q is not an integer (decimal or 0x-hex)", s)
		}
		if n.Sign() < 0 && strings.HasPrefix(typ, "uint") {
			return nil, fmt.Errorf("%s cannot be negative, got %s", typ, s)
		}
		return n, nil
	case typ == "address":
		return contract.ParseAddress(s)
	case typ == "bool":
		return strconv.ParseBool(s)
	case typ == "string":
		return s, nil
	case strings.HasPrefix(typ, "bytes"):
		b, err := hex.DecodeString(strings.TrimPrefix(s, "0x"))
		if err != nil {
			return nil, fmt.Errorf("%q is not hex", s)
		}
		if n := strings.TrimPrefix(typ, "bytes"); n != "" {
			if size, _ := strconv.Atoi(n); size != len(b) {
				return nil, fmt.Errorf("%s takes %s bytes, got %d", typ, n, len(b))
			}
		}
		return b, nil
	}
	return nil, fmt.Errorf("unsupported type %q", typ)
}

func parseInt(s string) (*big.Int, bool) {
	if h, ok := strings.CutPrefix(s, "0x"); ok {
		return new(big.Int).SetString(h, 16)
	}
	return new(big.Int).SetString(s, 10)
}

// anySlice gives an array argument a concrete slice type, which the ABI
// encoder needs.
func anySlice(elem string, items []any) any {
	switch {
	case strings.HasPrefix(elem, "uint") || strings.HasPrefix(elem, "int"):
		return typed[*big.Int](items)
	case elem == "address":
		return typed[contract.Address](items)
	case elem == "bool":
		return typed[bool](items)
	case elem == "string":
		return typed[string](items)
	}
	return typed[[]byte](items)
}

func typed[T any](items []any) []T {
	out := make([]T, len(items))
	for i, v := range items {
		out[i] = v.(T)
	}
	return out
}

// FormatValues decodes ABI-encoded data as the types of sig (e.g.
// "(uint256,address)") and prints each value: integers in decimal,
// addresses and bytes in 0x-hex.
func FormatValues(sig string, data []byte) ([]string, error) {
	types, err := SignatureTypes(sig)
	if err != nil {
		return nil, err
	}
	targets := make([]any, len(types))
	ptrs := make([]any, len(types))
	for i := range targets {
		ptrs[i] = &targets[i]
	}
	if err := contract.DecodeArgs(sig, data, ptrs...); err != nil {
		return nil, api.Errorf(api.CodeInvalidInput, "decode the output as %s: %v", sig, err)
	}
	out := make([]string, len(targets))
	for i, v := range targets {
		out[i] = formatValue(v)
	}
	return out, nil
}

func formatValue(v any) string {
	switch x := v.(type) {
	case []byte:
		return "0x" + hex.EncodeToString(x)
	case contract.Bytes32:
		return "0x" + hex.EncodeToString(x[:])
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = formatValue(e)
		}
		return "[" + strings.Join(parts, ",") + "]"
	case fmt.Stringer:
		return x.String()
	}
	return fmt.Sprint(v)
}
