// Package testcontract assembles the small eng_wasm contract the enclave
// conformance suite and benchmarks run, so they need no wasm toolchain. It
// imports nothing outside the standard library.
package testcontract

// Contract returns a small eng_wasm contract, assembled here so the suite
// needs no toolchain. Its deploy export stores its arguments under state
// key "k". Its call export dispatches on the first letter of the function
// name:
//
//	s…  store the arguments under "k" and return them
//	g…  return the value under "k" (state unchanged)
//	n…  do nothing (state unchanged, empty output)
//	a…  trap unless the arguments are exactly 32 bytes (a bad-arguments check)
//	l…  loop forever (runs out of gas)
//	r…  return 32 bytes from the task's random generator
//	b…  ask for an Ethereum callback: address = the arguments' first 20 bytes, payload = the rest
//	u…  trap (unreachable)
//	x…  grow memory to 1 MiB and more, then draw 1 MiB from rand for ever (runs out of gas)
//	k…  grow memory, then write a state entry whose key is 1 MiB (over the key limit)
//	o…  grow memory, then return 2 MiB (over the output limit)
//	anything else: trap, as eng_wasm does for an unknown function
func Contract() []byte { return build(false) }

// QueryContract is Contract with a "query" export as well (secret
// queries), which imports enigma.query_caller and WASI's proc_exit. Its
// query export dispatches on the first letter of the function name:
//
//	g…  return the value under "k"
//	c…  return the query's caller (20 bytes)
//	w…  write the arguments under "k" (a query cannot: the query fails)
//	b…  ask for an Ethereum callback (a query cannot: the query fails)
//	l…  loop forever (runs out of gas)
//	anything else: exit with status 3, "not a query function" (CodeUnknownFunction)
//
// Its deploy and call exports are Contract's.
func QueryContract() []byte { return build(true) }

func build(withQuery bool) []byte {
	const (
		fnNameLen, fnName, argsLen, args, writeState, ret, readStateLen, readState, random, ethBridge = 0, 1, 2, 3, 4, 5, 6, 7, 8, 9
		keyPtr, namePtr, argsPtr, readPtr                                                             = 16, 256, 4096, 8192
	)
	// Types: 0 ()→i32, 1 (i32)→(), 2 (i32×4)→(), 3 (i32 i32)→(), 4 ()→(),
	// 5 (i32 i32)→i32, 6 (i32×3)→().
	types := [][2][]byte{
		{nil, {i32}}, {{i32}, nil}, {{i32, i32, i32, i32}, nil}, {{i32, i32}, nil},
		{nil, nil}, {{i32, i32}, {i32}}, {{i32, i32, i32}, nil},
	}
	type imp struct {
		module, name string
		typ          byte
	}
	imports := []imp{
		{"env", "fetch_function_name_length", 0}, {"env", "fetch_function_name", 1}, {"env", "fetch_args_length", 0},
		{"env", "fetch_args", 1}, {"env", "write_state", 2}, {"env", "ret", 3}, {"env", "read_state_len", 5}, {"env", "read_state", 6},
		{"env", "rand", 3}, {"env", "write_eth_bridge", 6},
	}
	const queryCaller, procExit = 10, 11
	if withQuery {
		imports = append(imports, imp{"enigma", "query_caller", 1}, imp{"wasi_snapshot_preview1", "proc_exit", 1})
	}

	var deploy code
	deploy.i32(argsPtr).call(args)
	deploy.i32(keyPtr).i32(1).i32(argsPtr).call(argsLen).call(writeState)

	var call code
	call.i32(namePtr).call(fnName)
	branch := func(letter byte, body func(c *code)) {
		call.i32(namePtr).op(0x2d, 0, 0).i32(int32(letter)).op(0x46).op(0x04, 0x40) // load8_u; i32.eq; if
		body(&call)
		call.op(0x0f, 0x0b) // return; end
	}
	branch('s', func(c *code) {
		c.i32(argsPtr).call(args)
		c.i32(keyPtr).i32(1).i32(argsPtr).call(argsLen).call(writeState)
		c.i32(argsPtr).call(argsLen).call(ret)
	})
	branch('g', func(c *code) {
		c.i32(keyPtr).i32(1).i32(readPtr).call(readState)
		c.i32(readPtr).i32(keyPtr).i32(1).call(readStateLen).call(ret)
	})
	branch('n', func(c *code) {})
	branch('a', func(c *code) {
		c.call(argsLen).i32(32).op(0x47).op(0x04, 0x40, 0x00, 0x0b) // i32.ne; if unreachable end
	})
	branch('r', func(c *code) {
		c.i32(readPtr).i32(32).call(random)
		c.i32(readPtr).i32(32).call(ret)
	})
	branch('b', func(c *code) {
		c.i32(argsPtr).call(args)
		c.i32(argsPtr + 20).call(argsLen).i32(20).op(0x6b).i32(argsPtr).call(ethBridge) // i32.sub
	})
	branch('l', func(c *code) { c.op(0x03, 0x40, 0x0c, 0x00, 0x0b) }) // loop br 0 end

	grow := func(c *code, pages int32) { c.i32(pages).op(0x40, 0x00, 0x1a) } // memory.grow; drop
	branch('x', func(c *code) {
		grow(c, 16)
		c.op(0x03, 0x40).i32(0).i32(1<<20).call(random).op(0x0c, 0x00, 0x0b) // loop rand(0, 1 MiB) br 0 end
	})
	branch('k', func(c *code) {
		grow(c, 16)
		c.i32(0).i32(1 << 20).i32(0).i32(0).call(writeState)
	})
	branch('o', func(c *code) {
		grow(c, 32)
		c.i32(0).i32(2 << 20).call(ret)
	})

	call.op(0x00) // unreachable

	var query code
	query.i32(namePtr).call(fnName)
	qbranch := func(letter byte, body func(c *code)) {
		query.i32(namePtr).op(0x2d, 0, 0).i32(int32(letter)).op(0x46).op(0x04, 0x40) // load8_u; i32.eq; if
		body(&query)
		query.op(0x0f, 0x0b) // return; end
	}
	qbranch('g', func(c *code) {
		c.i32(keyPtr).i32(1).i32(readPtr).call(readState)
		c.i32(readPtr).i32(keyPtr).i32(1).call(readStateLen).call(ret)
	})
	qbranch('c', func(c *code) {
		c.i32(readPtr).call(queryCaller)
		c.i32(readPtr).i32(20).call(ret)
	})
	qbranch('w', func(c *code) {
		c.i32(argsPtr).call(args)
		c.i32(keyPtr).i32(1).i32(argsPtr).call(argsLen).call(writeState)
	})
	qbranch('b', func(c *code) {
		c.i32(argsPtr).call(args)
		c.i32(argsPtr + 20).call(argsLen).i32(20).op(0x6b).i32(argsPtr).call(ethBridge) // i32.sub
	})
	qbranch('l', func(c *code) { c.op(0x03, 0x40, 0x0c, 0x00, 0x0b) }) // loop br 0 end
	query.i32(3).call(procExit)

	bodies := []code{deploy, call}
	if withQuery {
		bodies = append(bodies, query)
	}

	var m []byte
	m = append(m, 0x00, 'a', 's', 'm', 0x01, 0x00, 0x00, 0x00)
	var sec []byte
	sec = uleb(sec, uint32(len(types)))
	for _, t := range types {
		sec = append(sec, 0x60)
		sec = uleb(sec, uint32(len(t[0])))
		sec = append(sec, t[0]...)
		sec = uleb(sec, uint32(len(t[1])))
		sec = append(sec, t[1]...)
	}
	m = section(m, 1, sec)
	sec = uleb(nil, uint32(len(imports)))
	for _, im := range imports {
		sec = name(name(sec, im.module), im.name)
		sec = append(sec, 0x00, im.typ)
	}
	m = section(m, 2, sec)
	sec = uleb(nil, uint32(len(bodies)))
	for range bodies {
		sec = append(sec, 4) // functions of type ()→()
	}
	m = section(m, 3, sec)
	m = section(m, 5, []byte{1, 0x00, 0x02}) // one memory, min 2 pages
	sec = uleb(nil, uint32(1+len(bodies)))
	sec = append(name(sec, "memory"), 0x02, 0)
	sec = append(name(sec, "deploy"), 0x00, byte(len(imports)))
	sec = append(name(sec, "call"), 0x00, byte(len(imports)+1))
	if withQuery {
		sec = append(name(sec, "query"), 0x00, byte(len(imports)+2))
	}
	m = section(m, 7, sec)
	sec = uleb(nil, uint32(len(bodies)))
	for _, body := range bodies {
		b := append([]byte{0}, body...) // no locals
		b = append(b, 0x0b)
		sec = uleb(sec, uint32(len(b)))
		sec = append(sec, b...)
	}
	m = section(m, 10, sec)
	m = section(m, 11, []byte{1, 0x00, 0x41, keyPtr, 0x0b, 1, 'k'})
	return m
}

const i32 = 0x7f

type code []byte

func (c *code) op(b ...byte) *code { *c = append(*c, b...); return c }

func (c *code) i32(v int32) *code {
	*c = append(*c, 0x41)
	*c = sleb(*c, v)
	return c
}

func (c *code) call(f uint32) *code {
	*c = append(*c, 0x10)
	*c = uleb(*c, f)
	return c
}

func uleb(b []byte, v uint32) []byte {
	for {
		x := byte(v & 0x7f)
		v >>= 7
		if v == 0 {
			return append(b, x)
		}
		b = append(b, x|0x80)
	}
}

func sleb(b []byte, v int32) []byte {
	for {
		x := byte(v & 0x7f)
		v >>= 7
		if (v == 0 && x&0x40 == 0) || (v == -1 && x&0x40 != 0) {
			return append(b, x)
		}
		b = append(b, x|0x80)
	}
}

func name(b []byte, s string) []byte { return append(uleb(b, uint32(len(s))), s...) }

func section(m []byte, id byte, body []byte) []byte {
	m = append(m, id)
	m = uleb(m, uint32(len(body)))
	return append(m, body...)
}
