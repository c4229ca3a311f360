package vm

import (
	"context"
	"encoding/binary"
	"fmt"
	"slices"

	"github.com/tetratelabs/wazero"
	wapi "github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"

	"github.com/enigma-go/enigma/api"
)

// wasiCost names the arguments that make a WASI function do work in
// proportion to them, by their names in wazero's definitions. Every WASI
// call also pays HostCallBase.
type wasiCost struct {
	bytes  []string // byte lengths the call may copy or scan: CopyBytes
	iovecs string   // an iovec count: IOVec each
	writes bool     // the iovecs' bytes are written out: CopyBytes
	events string   // a poll_oneoff subscription count: PollEvent each
	random string   // bytes of randomness: CryptoPerByte
}

// wasiCosts lists the WASI functions whose work depends on an argument.
// With no files, arguments or environment most of them fail at once; they
// are priced for what they could read all the same.
var wasiCosts = map[string]wasiCost{
	"random_get":              {random: "buf_len"},
	"fd_write":                {iovecs: "iovs_len", writes: true},
	"fd_pwrite":               {iovecs: "iovs_len", writes: true},
	"fd_read":                 {iovecs: "iovs_len"},
	"fd_pread":                {iovecs: "iovs_len"},
	"sock_recv":               {iovecs: "ri_data_len"},
	"sock_send":               {iovecs: "si_data_len"},
	"poll_oneoff":             {events: "nsubscriptions"},
	"fd_prestat_dir_name":     {bytes: []string{"result.path_len"}},
	"fd_readdir":              {bytes: []string{"buf_len"}},
	"path_create_directory":   {bytes: []string{"path_len"}},
	"path_filestat_get":       {bytes: []string{"path_len"}},
	"path_filestat_set_times": {bytes: []string{"path_len"}},
	"path_link":               {bytes: []string{"old_path_len", "new_path_len"}},
	"path_open":               {bytes: []string{"path_len"}},
	"path_readlink":           {bytes: []string{"path_len", "buf_len"}},
	"path_remove_directory":   {bytes: []string{"path_len"}},
	"path_rename":             {bytes: []string{"old_path_len", "new_path_len"}},
	"path_symlink":            {bytes: []string{"old_path_len", "new_path_len"}},
	"path_unlink_file":        {bytes: []string{"path_len"}},
}

// wasiPrice is a wasiCost resolved to argument positions (-1: none).
type wasiPrice struct {
	bytes                  []int
	iovecs, events, random int
	writes                 bool
}

func resolveWASICost(name string, def wapi.FunctionDefinition) (wasiPrice, error) {
	c := wasiCosts[name]
	names := def.ParamNames()
	var errs []string
	at := func(param string) int {
		if param == "" {
			return -1
		}
		i := slices.Index(names, param)
		if i < 0 {
			errs = append(errs, param)
		}
		return i
	}
	p := wasiPrice{iovecs: at(c.iovecs), events: at(c.events), random: at(c.random), writes: c.writes}
	for _, b := range c.bytes {
		p.bytes = append(p.bytes, at(b))
	}
	if len(errs) > 0 {
		return p, fmt.Errorf("WASI function %s has no parameter %v to price it by", name, errs)
	}
	return p, nil
}

// instantiateWASI provides wazero's WASI preview 1 with every function
// metered: each call is charged to the task in its context, before wazero's
// implementation runs.
func instantiateWASI(ctx context.Context, rt wazero.Runtime) error {
	plain := rt.NewHostModuleBuilder(wasiModule)
	wasi_snapshot_preview1.NewFunctionExporter().ExportFunctions(plain)
	compiled, err := plain.Compile(ctx)
	if err != nil {
		return err
	}
	defer compiled.Close(ctx)
	b := rt.NewHostModuleBuilder(wasiModule)
	for name, def := range compiled.ExportedFunctions() {
		var impl wapi.GoModuleFunction
		switch f := def.GoFunction().(type) {
		case wapi.GoModuleFunction:
			impl = f
		case wapi.GoFunction:
			impl = wapi.GoModuleFunc(func(ctx context.Context, _ wapi.Module, stack []uint64) { f.Call(ctx, stack) })
		default:
			return fmt.Errorf("WASI function %s is not a Go function (%T)", name, f)
		}
		price, err := resolveWASICost(name, def)
		if err != nil {
			return err
		}
		b.NewFunctionBuilder().WithGoModuleFunction(wapi.GoModuleFunc(func(ctx context.Context, mod wapi.Module, stack []uint64) {
			t, _ := ctx.Value(taskKey{}).(*task)
			if t == nil {
				panic(api.Errorf(api.CodeHostCall, "WASI function called outside a task"))
			}
			t.chargeWASI(&price, mod, stack)
			impl.Call(ctx, mod, stack)
		}), def.ParamTypes(), def.ResultTypes()).WithParameterNames(def.ParamNames()...).Export(name)
	}
	_, err = b.Instantiate(ctx)
	return err
}

// chargeWASI takes the price of a WASI call before wazero does the work.
func (t *task) chargeWASI(p *wasiPrice, mod wapi.Module, stack []uint64) {
	s := t.sched
	cost := s.HostCallBase
	for _, i := range p.bytes {
		cost = satAdd(cost, t.copyCost(uint64(u32(stack[i]))))
	}
	if p.iovecs >= 0 {
		cost = satAdd(cost, satMul(uint64(u32(stack[p.iovecs])), s.IOVec))
	}
	if p.events >= 0 {
		cost = satAdd(cost, satMul(uint64(u32(stack[p.events])), s.PollEvent))
	}
	if p.random >= 0 {
		cost = satAdd(cost, satMul(uint64(u32(stack[p.random])), s.CryptoPerByte))
	}
	t.charge(cost)
	if p.writes {
		t.charge(t.copyCost(iovecBytes(mod.Memory(), u32(stack[1]), u32(stack[p.iovecs]))))
	}
}

// iovecBytes is how many bytes the count iovecs at iovs hand to a write,
// up to the first that wazero would refuse as outside memory. It reads the
// iovecs as wazero does (count*8 bytes in 32 bits).
func iovecBytes(mem wapi.Memory, iovs, count uint32) uint64 {
	buf, ok := mem.Read(iovs, count<<3)
	if !ok {
		return 0
	}
	var n uint64
	for i := 0; i+8 <= len(buf); i += 8 {
		off, l := binary.LittleEndian.Uint32(buf[i:]), binary.LittleEndian.Uint32(buf[i+4:])
		if uint64(off)+uint64(l) > uint64(mem.Size()) {
			break
		}
		n += uint64(l)
	}
	return n
}
