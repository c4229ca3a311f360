// Command gocontract is a Go secret contract for the VM tests: a WASI
// reactor whose "call" dispatches on the function name and exercises the
// host functions, WASI, the Go runtime and the limits.
package main

import (
	crand "crypto/rand"
	"encoding/binary"
	"fmt"
	"math"
	"os"
	"sort"
	"strings"
	"time"
	"unsafe"
)

//go:wasmimport env write_state
func writeState(k unsafe.Pointer, kl uint32, v unsafe.Pointer, vl uint32)

//go:wasmimport env read_state_len
func readStateLen(k unsafe.Pointer, kl uint32) int32

//go:wasmimport env read_state
func readState(k unsafe.Pointer, kl uint32, out unsafe.Pointer)

//go:wasmimport env remove_from_state
func removeFromState(k unsafe.Pointer, kl uint32)

//go:wasmimport env eprint
func eprint(p unsafe.Pointer, n uint32)

//go:wasmimport env fetch_function_name_length
func fetchFunctionNameLength() int32

//go:wasmimport env fetch_function_name
func fetchFunctionName(p unsafe.Pointer)

//go:wasmimport env fetch_args_length
func fetchArgsLength() int32

//go:wasmimport env fetch_args
func fetchArgs(p unsafe.Pointer)

//go:wasmimport env write_eth_bridge
func writeEthBridge(p unsafe.Pointer, n uint32, addr unsafe.Pointer)

//go:wasmimport env ret
func ret(p unsafe.Pointer, n uint32)

//go:wasmimport env rand
func engRand(p unsafe.Pointer, n uint32)

func ptr(b []byte) unsafe.Pointer {
	if len(b) == 0 {
		return nil
	}
	return unsafe.Pointer(&b[0])
}

func output(b []byte) { ret(ptr(b), uint32(len(b))) }

func read(key string) []byte {
	k := []byte(key)
	n := readStateLen(ptr(k), uint32(len(k)))
	v := make([]byte, n)
	readState(ptr(k), uint32(len(k)), ptr(v))
	return v
}

func write(key string, v []byte) {
	k := []byte(key)
	writeState(ptr(k), uint32(len(k)), ptr(v), uint32(len(v)))
}

// counter is package state: every task must see its initial value.
var counter int

var sink [][]byte

func deep(n int) int {
	var pad [64]byte
	pad[n%64] = byte(n)
	return deep(n+1) + int(pad[0])
}

func main() {}

//go:wasmexport deploy
func deploy() {
	write("owner", []byte(`"go"`))
}

//go:wasmexport call
func call() {
	name := make([]byte, fetchFunctionNameLength())
	fetchFunctionName(ptr(name))
	args := make([]byte, fetchArgsLength())
	fetchArgs(ptr(args))
	counter++
	switch string(name) {
	case "echo":
		output(args)
	case "counter":
		output([]byte(fmt.Sprint(counter)))
	case "state":
		write("k", args)
		v := read("k")
		missing := read("nope")
		k := []byte("k")
		removeFromState(ptr(k), 1)
		output([]byte(string(v) + "|" + string(missing) + "|" + string(read("k")) + "|" + string(read("owner"))))
	case "rand":
		a := make([]byte, 16)
		engRand(ptr(a), 16)
		b := make([]byte, 16)
		crand.Read(b)
		output(append(a, b...))
	case "time":
		t0 := time.Now()
		time.Sleep(time.Hour)
		t1 := time.Now()
		output([]byte(fmt.Sprintf("%d %v", t0.Unix(), t1.Sub(t0) >= time.Hour)))
	case "maps":
		m := map[string]int{}
		for i := 0; i < 50; i++ {
			m[fmt.Sprint(i)] = i
		}
		var order []string
		for k := range m {
			order = append(order, k)
		}
		sorted := append([]string(nil), order...)
		sort.Strings(sorted)
		output([]byte(strings.Join(order, ",")))
	case "print":
		s := []byte("hello from go")
		eprint(ptr(s), uint32(len(s)))
		fmt.Println("stdout line")
		fmt.Print("no newline")
	case "bridge":
		addr := make([]byte, 20)
		addr[19] = 1
		writeEthBridge(ptr(args), uint32(len(args)), ptr(addr))
	case "float":
		z := 0.0
		nan := z / z
		out := binary.LittleEndian.AppendUint64(nil, math.Float64bits(nan*2))
		output(out)
	case "exit0":
		output([]byte("early"))
		os.Exit(0)
	case "missing":
		os.Stderr.WriteString("no such function\n")
		os.Exit(3)
	case "fail":
		os.Stderr.WriteString("something went wrong\nsecond line\n")
		os.Exit(1)
	case "panic":
		panic("boom")
	case "loop":
		for {
			counter++
		}
	case "alloc":
		for {
			sink = append(sink, make([]byte, 1<<20))
		}
	case "deep":
		deep(0)
	case "goroutines":
		ch := make(chan int)
		for i := 0; i < 4; i++ {
			go func(i int) { ch <- i * i }(i)
		}
		sum := 0
		for i := 0; i < 4; i++ {
			sum += <-ch
		}
		output([]byte(fmt.Sprint(sum)))
	default:
		panic("unknown function " + string(name))
	}
}
