package meter

import (
	"bytes"
	"strings"
	"testing"

	"github.com/tetratelabs/wabin/binary"
	"github.com/tetratelabs/wabin/wasm"

	"github.com/enigma-go/enigma/internal/vm/kernels/smallwasm"
)

func testOptions() Options {
	return Options{
		Schedule: DefaultSchedule(), Meter: true, MaxCallDepth: 100, MaxMemoryPages: 16,
		MaxModuleBytes: 1 << 20, MaxFunctions: 1000, CanonicalNaN: true,
		Imports: map[string]map[string]Signature{"env": {
			"fetch_args_length": {Results: []byte{wasm.ValueTypeI32}},
			"fetch_args":        {Params: []byte{wasm.ValueTypeI32}},
			"ret":               {Params: []byte{wasm.ValueTypeI32, wasm.ValueTypeI32}},
		}},
	}
}

func TestInstrumentSmall(t *testing.T) {
	out, info, err := Instrument(smallwasm.Contract(), testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if info.Reactor || info.MemoryMax != 16 {
		t.Fatalf("info %+v", info)
	}
	m, err := binary.DecodeModule(out, wasm.CoreFeaturesV2)
	if err != nil {
		t.Fatalf("rewritten module does not decode: %v", err)
	}
	names := map[string]bool{}
	for _, ex := range m.ExportSection {
		names[ex.Name] = true
	}
	for _, want := range []string{ExportGas, ExportDepth, ExportOOM, ExportStop, ExportMemory, "deploy", "call"} {
		if !names[want] {
			t.Errorf("export %s missing", want)
		}
	}
	// Deterministic output: the same input rewrites to the same bytes.
	again, _, _ := Instrument(smallwasm.Contract(), testOptions())
	if !bytes.Equal(out, again) {
		t.Fatal("rewriting is not deterministic")
	}
}

func TestLocalsBomb(t *testing.T) {
	// A code section with one function declaring 2^32-1 locals in 7 bytes.
	mod := append([]byte("\x00asm\x01\x00\x00\x00"),
		10, 9, 1, 7, 1, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x7f)
	_, _, err := Instrument(mod, testOptions())
	if e, ok := err.(*Error); !ok || !e.Limit {
		t.Fatalf("err = %v, want a limit error", err)
	}
}

func FuzzInstrument(f *testing.F) {
	f.Add(smallwasm.Contract())
	f.Add([]byte("\x00asm\x01\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, code []byte) {
		out, _, err := Instrument(code, testOptions())
		if err != nil {
			if _, ok := err.(*Error); !ok || strings.Contains(err.Error(), "rewriter panic") {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		if _, err := binary.DecodeModule(out, wasm.CoreFeaturesV2); err != nil {
			t.Fatalf("rewritten module does not decode: %v", err)
		}
	})
}
