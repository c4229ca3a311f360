package contract

import (
	"errors"
	"fmt"
	"runtime/debug"
	"slices"
	"strings"
)

// Handler runs one public function of a contract. Returning an error fails
// the task with that error's text (so does a panic or a call to Fail).
type Handler func(c *Call) error

// Call is one invocation of a public function: its arguments, and the return
// values the handler sets.
type Call struct {
	sig   *signature
	args  []byte
	out   []byte
	query bool // a query: run read-only, with a verified caller
}

// Signature returns the canonical signature of the function running, as it
// was registered (e.g. "add(uint256,uint256)").
func (c *Call) Signature() string { return c.sig.canonical() }

// RawArgs returns the ABI-encoded arguments as the host passed them.
func (c *Call) RawArgs() []byte { return c.args }

// Args decodes the arguments into targets, one pointer per argument of the
// registered signature (see DecodeArgs for the accepted pointer types).
func (c *Call) Args(targets ...any) error {
	if err := decodeInto(c.sig, c.args, targets); err != nil {
		return fmt.Errorf("decoding the arguments: %w", err)
	}
	return nil
}

// Caller returns the address that signed the query running, as the enclave
// verified it (the signature recovers to it), and true; in a task, which has
// no verified caller (its sender is not passed to contracts), it returns the
// zero address and false. Use it to answer a query with what only its
// caller may read.
func (c *Call) Caller() (Address, bool) {
	if !c.query {
		return Address{}, false
	}
	return currentHost().queryCaller()
}

// IsQuery reports whether the function runs as a query (read-only).
func (c *Call) IsQuery() bool { return c.query }

// Return sets the function's return values, ABI-encoded as the tuple of
// their types inferred from the Go types: Uint256 -> uint256, uintN/intN Go
// integers -> uintN/intN, *big.Int -> int256, Address -> address, bool,
// string, []byte -> bytes, [N]byte and Bytes32 -> bytesN, other slices and
// arrays -> T[] and T[k]. The host receives the bytes when the handler
// returns nil; a later Return replaces an earlier one.
func (c *Call) Return(values ...any) error {
	out, err := EncodeValues(values...)
	if err != nil {
		return fmt.Errorf("contract: return values of %s: %w", c.Signature(), err)
	}
	c.out = out
	return nil
}

// ReturnAs sets the return values encoded as the given types, e.g.
// ReturnAs("(uint8[])", cards): for the cases the inference of Return gets
// wrong, such as []uint8, which Go cannot tell from []byte (bytes).
func (c *Call) ReturnAs(types string, values ...any) error {
	out, err := EncodeArgs(types, values...)
	if err != nil {
		return fmt.Errorf("contract: return values of %s: %w", c.Signature(), err)
	}
	c.out = out
	return nil
}

// ReturnRaw sets already encoded return bytes.
func (c *Call) ReturnRaw(out []byte) { c.out = append([]byte(nil), out...) }

type entry struct {
	sig *signature
	fn  Handler
}

// registry is the contract's public interface. It is filled by init
// functions before the host calls any export and only read afterwards.
type registry struct {
	ctor  *entry
	funcs map[string]*entry // by canonical signature
	names map[string][]*entry
}

// The registries are package state because a wasm module is a single
// instance whose exports are free functions; they are written only from
// init. Query functions have a registry of their own: a task cannot call a
// query function, and a query cannot call a function that may write.
var (
	reg  = newRegistry()
	qreg = newRegistry()
)

func newRegistry() *registry {
	return &registry{funcs: map[string]*entry{}, names: map[string][]*entry{}}
}

// Register makes fn the public function sig, e.g.
// Register("add_millionaire(address,uint256)", addMillionaire). Call it from
// init. It panics on a malformed or duplicate signature: that is a bug in
// the contract that must show up when it is first run. Give each function
// its own name: the VM passes contracts the name only, so overloads cannot
// be told apart (the call fails as ambiguous).
func Register(sig string, fn Handler) { reg.add("Register", sig, fn) }

// Query makes fn the query function sig, e.g.
// Query("balanceOf(address)", balanceOf). A query runs on the contract's
// current state without a chain transaction or fee, signed by its caller
// (Call.Caller) and answered to the caller alone; it cannot write or remove
// state or call Ethereum (the call fails with "a query cannot write
// state"). Query functions are a registry apart from Register's: a task
// cannot call them, nor a query a registered function; register a function
// under both when both should reach it. Call it from init; it panics as
// Register does.
func Query(sig string, fn Handler) { qreg.add("Query", sig, fn) }

func (r *registry) add(by, sig string, fn Handler) {
	s, err := parseSignature(sig)
	if err != nil {
		panic(err)
	}
	if s.name == "" || fn == nil {
		panic(fmt.Sprintf("contract: %s(%q): need a function name and a handler", by, sig))
	}
	c := s.canonical()
	if r.funcs[c] != nil {
		panic("contract: function registered twice: " + c)
	}
	e := &entry{sig: s, fn: fn}
	r.funcs[c] = e
	r.names[s.name] = append(r.names[s.name], e)
}

// Constructor makes fn the constructor, run once by the deploy task with the
// deploy arguments, e.g. Constructor("construct(address)", construct). A
// contract without one deploys with an empty state.
func Constructor(sig string, fn Handler) {
	s, err := parseSignature(sig)
	if err != nil {
		panic(err)
	}
	if s.name == "" || fn == nil || reg.ctor != nil {
		panic(fmt.Sprintf("contract: Constructor(%q): need a name and a handler, and only one constructor", sig))
	}
	reg.ctor = &entry{sig: s, fn: fn}
}

// defaultConstructorName is the name deploy tasks use for a contract
// without a registered constructor (eng_wasm's "construct").
const defaultConstructorName = "construct"

// ErrUnknownFunction is wrapped by the failure of a call naming no public
// function of the contract (no query function, for a query).
var ErrUnknownFunction = errors.New("unknown function")

// ErrReadOnly is the failure of a query that tried to write or remove state
// or call Ethereum (the TestHost's; the VM fails such a query itself, with
// the same text).
var ErrReadOnly = errors.New("a query cannot write state")

// lookup finds the function a task names. An exact signature wins (after
// expanding aliases such as uint); otherwise the name before '(' is enough
// when exactly one function has it, which is how eng_wasm dispatched and
// lets callers that spell a type differently (bytes32 for address, say)
// reach the function, whose registered types then decode the arguments.
func (r *registry) lookup(called string) (*entry, error) {
	if e := r.funcs[called]; e != nil {
		return e, nil
	}
	name := functionName(called)
	if name != called { // a signature, perhaps spelled with aliases or spaces
		if s, err := parseSignature(called); err == nil {
			if e := r.funcs[s.canonical()]; e != nil {
				return e, nil
			}
		}
	}
	switch cands := r.names[name]; len(cands) {
	case 1:
		return cands[0], nil
	case 0:
		return nil, fmt.Errorf("%w %q: this contract has %s", ErrUnknownFunction, called, r.list())
	default:
		return nil, fmt.Errorf("%w %q: ambiguous, call one of %s by its full signature", ErrUnknownFunction, called, r.list())
	}
}

func (r *registry) list() string {
	if len(r.funcs) == 0 {
		return "no public functions"
	}
	names := make([]string, 0, len(r.funcs))
	for c := range r.funcs {
		names = append(names, c)
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}

// lookupQuery finds the query function a query names, as lookup does.
func (r *registry) lookupQuery(called string) (*entry, error) {
	e, err := r.lookup(called)
	if err == nil {
		return e, nil
	}
	if errors.Is(err, ErrUnknownFunction) && !strings.Contains(err.Error(), "ambiguous") {
		list := "has none"
		if len(r.funcs) > 0 {
			list = "are " + r.list()
		}
		return nil, fmt.Errorf("%w: %s is not a query function of this contract (its query functions %s)", ErrUnknownFunction, functionName(called), list)
	}
	return nil, err
}

// lookupConstructor checks the name a deploy task gives. The original ran
// its constructor whatever the name; we refuse names other than the
// constructor's, so a typo fails the deploy instead of deploying silently.
func (r *registry) lookupConstructor(called string) (*entry, error) {
	want := defaultConstructorName
	if r.ctor != nil {
		want = r.ctor.sig.name
	}
	if name := functionName(called); called != "" && name != want {
		return nil, fmt.Errorf("%w %q: the constructor is %s(...)", ErrUnknownFunction, called, want)
	}
	return r.ctor, nil
}

// run executes a task against h and returns the error that failed it, if
// any; on success the return values have been passed to h.ret.
func run(h host, deploy bool) (err error) {
	called := h.functionName()
	var e *entry
	if deploy {
		e, err = reg.lookupConstructor(called)
	} else {
		e, err = reg.lookup(called)
	}
	if err != nil || e == nil {
		return err
	}
	return runEntry(h, e, false)
}

// runQuery executes a query against h: the function is looked up among the
// query functions only.
func runQuery(h host) error {
	e, err := qreg.lookupQuery(h.functionName())
	if err != nil {
		return err
	}
	return runEntry(h, e, true)
}

func runEntry(h host, e *entry, query bool) error {
	c := &Call{sig: e.sig, args: h.args(), query: query}
	if err := invoke(e.fn, c); err != nil {
		return err
	}
	if c.out != nil {
		h.ret(c.out)
	}
	return nil
}

// invoke runs fn and turns a panic into an error, so a contract that panics
// fails its task with a message instead of crashing without one.
func invoke(fn Handler, c *Call) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if f, ok := r.(failure); ok {
				err = errors.New(f.msg)
				if f.err != nil {
					err = f.err
				}
				return
			}
			err = fmt.Errorf("panic: %v\n%s", r, debug.Stack())
		}
	}()
	if err := fn(c); err != nil {
		return fmt.Errorf("%s: %w", c.sig.canonical(), err)
	}
	return nil
}
