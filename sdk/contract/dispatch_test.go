//go:build !wasip1

package contract

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// The package's registry is filled once for the whole test binary, as a
// contract's init functions would.
func init() {
	Constructor("construct(address)", func(c *Call) error {
		var owner Address
		if err := c.Args(&owner); err != nil {
			return err
		}
		Write("owner", owner)
		return nil
	})
	Register("add(uint256,uint256)", func(c *Call) error {
		var a, b Uint256
		if err := c.Args(&a, &b); err != nil {
			return err
		}
		sum, ok := a.Add(b)
		if !ok {
			return errors.New("addition overflow")
		}
		return c.Return(sum)
	})
	Register("echo(string,bytes)", func(c *Call) error {
		var s string
		var b []byte
		if err := c.Args(&s, &b); err != nil {
			return err
		}
		return c.Return(s, b)
	})
	Register("panics()", func(c *Call) error {
		Write("dirty", 1)
		var m map[string]int
		m["x"] = 1 // a real runtime panic
		return nil
	})
	Register("fails()", func(c *Call) error {
		Write("dirty", 1)
		Require(false, "not allowed: %d", 42)
		return nil
	})
	Register("over(uint256)", func(c *Call) error { return c.Return(true) })
	Register("over(bool)", func(c *Call) error { return c.Return(false) })
	Register("callback(uint256)", func(c *Call) error {
		var n Uint256
		if err := c.Args(&n); err != nil {
			return err
		}
		owner, _ := Read[Address]("owner")
		Print("calling back with %s", n)
		return CallEthereum(owner, "validateCastVote(uint256)", n)
	})
}

func TestDispatch(t *testing.T) {
	h := NewTestHost()
	owner := Address{19: 0xaa}
	if _, err := h.Deploy("construct(address)", owner); err != nil {
		t.Fatal(err)
	}
	if got := string(h.State["owner"]); got != `"0x00000000000000000000000000000000000000aa"` {
		t.Fatalf("owner state %s", got)
	}
	res, err := h.Call("add(uint256,uint256)", 76, 17)
	if err != nil {
		t.Fatal(err)
	}
	var sum Uint256
	if err := DecodeArgs("(uint256)", res.Output, &sum); err != nil || sum != NewUint256(93) {
		t.Fatalf("add = %v %v", sum, err)
	}
	// The original host passed the name only; an alias spelling works too.
	args, _ := EncodeArgs("(uint256,uint256)", 1, 2)
	for _, name := range []string{"add", "add(uint,uint)", "add(uint256, uint256)"} {
		if res, err := h.Run(false, name, args); err != nil || len(res.Output) != 32 || res.Output[31] != 3 {
			t.Fatalf("%s: %v %x", name, err, res.Output)
		}
	}
	res, err = h.Call("echo(string,bytes)", "hi", []byte{1, 2, 3})
	want, _ := EncodeValues("hi", []byte{1, 2, 3})
	if err != nil || !bytes.Equal(res.Output, want) {
		t.Fatalf("echo: %v", err)
	}
	for _, sig := range []string{"add(uint,uint)", "add(uint256, uint256)", "add"} {
		if e, err := reg.lookup(sig); err != nil || e.sig.canonical() != "add(uint256,uint256)" {
			t.Fatalf("lookup(%q): %v", sig, err)
		}
	}
	// Overloads are reachable only by a host that passes whole signatures.
	if e, err := reg.lookup("over(bool)"); err != nil || e.sig.canonical() != "over(bool)" {
		t.Fatalf("lookup by signature: %v", err)
	}
	if _, err := h.Call("over(bool)", true); err == nil || !strings.Contains(err.Error(), "ambiguous") {
		t.Fatalf("overload by name: %v", err)
	}
	res, err = h.Call("callback(uint256)", 5)
	if err != nil || res.Bridge == nil || res.Bridge.Address != owner || len(res.Bridge.Payload) != 36 || len(res.Log) != 1 {
		t.Fatalf("callback: %v %+v", err, res)
	}
	sel := Selector("validateCastVote(uint256)")
	if !bytes.Equal(res.Bridge.Payload[:4], sel[:]) || res.Bridge.Payload[35] != 5 {
		t.Fatalf("payload %x", res.Bridge.Payload)
	}
}

func TestDispatchFailures(t *testing.T) {
	h := NewTestHost()
	if _, err := h.Deploy("construct(address)", Address{1}); err != nil {
		t.Fatal(err)
	}
	before := len(h.State)
	for _, c := range []struct {
		deploy    bool
		fn        string
		args      []byte
		wantInErr string
	}{
		{false, "nope()", nil, "unknown function"},
		{false, "over", nil, "ambiguous"},
		{false, "add(uint256,uint256)", make([]byte, 32), "data too short"},
		{false, "add(uint256,uint256)", bytes.Repeat([]byte{0xff}, 64), "addition overflow"},
		{false, "panics()", nil, "panic: assignment to entry in nil map"},
		{false, "fails()", nil, "not allowed: 42"},
		{true, "not a valid construct()", nil, "unknown function"},
		{true, "construct()", nil, "data too short"}, // the voting deploy without its address
	} {
		res, err := h.Run(c.deploy, c.fn, c.args)
		if err == nil || !strings.Contains(err.Error(), c.wantInErr) {
			t.Errorf("%s: err = %v, want %q", c.fn, err, c.wantInErr)
			continue
		}
		if res.Output != nil || !strings.Contains(res.Log[len(res.Log)-1], c.wantInErr) {
			t.Errorf("%s: result %+v", c.fn, res)
		}
	}
	if len(h.State) != before || h.State["dirty"] != nil {
		t.Fatalf("failed tasks changed the state: %v", h.State)
	}
	if _, err := h.Run(false, "nope()", nil); !errors.Is(err, ErrUnknownFunction) {
		t.Fatalf("err %v is not ErrUnknownFunction", err)
	}
}

func TestRegisterRejectsBadSignatures(t *testing.T) {
	for _, sig := range []string{"add(uint256,uint256)", "bad(", "(uint256)"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Register(%q) did not panic", sig)
				}
			}()
			Register(sig, func(*Call) error { return nil })
		}()
	}
}
