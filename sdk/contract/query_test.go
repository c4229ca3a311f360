//go:build !wasip1

package contract

import (
	"errors"
	"strings"
	"testing"
)

func init() {
	Register("deposit(uint256)", func(c *Call) error {
		var n Uint256
		if err := c.Args(&n); err != nil {
			return err
		}
		_, ok := c.Caller() // a task has no verified caller
		Write("deposited", n)
		return c.Return(ok)
	})
	Query("deposited()", func(c *Call) error {
		return c.Return(ReadOr("deposited", Uint256{}))
	})
	Query("whoami()", func(c *Call) error {
		a, ok := c.Caller()
		Require(ok, "no caller in a query")
		return c.Return(a, c.IsQuery())
	})
	Query("qwrite()", func(c *Call) error { Write("deposited", 0); return nil })
	Query("qremove()", func(c *Call) error { Remove("deposited"); return nil })
	Query("qcallback()", func(c *Call) error {
		return CallEthereum(Address{1}, "validateCastVote(uint256)", 1)
	})
	Query("qfails()", func(c *Call) error { return errors.New("secret reason") })
}

func TestQuery(t *testing.T) {
	h := NewTestHost()
	res, err := h.Call("deposit(uint256)", 7)
	if err != nil {
		t.Fatal(err)
	}
	var hadCaller bool
	if err := DecodeArgs("(bool)", res.Output, &hadCaller); err != nil || hadCaller {
		t.Fatalf("a task saw a caller: %v %v", hadCaller, err)
	}
	res, err = h.Query(Address{19: 0xcc}, "deposited()")
	var n Uint256
	if err != nil || DecodeArgs("(uint256)", res.Output, &n) != nil || n != NewUint256(7) {
		t.Fatalf("deposited = %v, %v", n, err)
	}
	caller := Address{0: 0xab, 19: 0xcd}
	res, err = h.Query(caller, "whoami()")
	var got Address
	var isQuery bool
	if err != nil || DecodeArgs("(address,bool)", res.Output, &got, &isQuery) != nil || got != caller || !isQuery {
		t.Fatalf("whoami = %v %v, %v", got, isQuery, err)
	}
	// After a query, the next task is a task again.
	if res, err := h.Call("deposit(uint256)", 8); err != nil || res.Output[31] != 0 {
		t.Fatalf("task after a query: %v", err)
	}
}

func TestQueryCannotWrite(t *testing.T) {
	h := NewTestHost()
	if _, err := h.Call("deposit(uint256)", 9); err != nil {
		t.Fatal(err)
	}
	before := string(h.State["deposited"])
	for _, fn := range []string{"qwrite()", "qremove()", "qcallback()"} {
		res, err := h.Query(Address{1}, fn)
		if !errors.Is(err, ErrReadOnly) || err.Error() != "a query cannot write state" {
			t.Errorf("%s: err = %v, want ErrReadOnly", fn, err)
			continue
		}
		if res.Output != nil || res.Bridge != nil {
			t.Errorf("%s: result %+v", fn, res)
		}
	}
	if got := string(h.State["deposited"]); got != before {
		t.Fatalf("a query changed the state: %s -> %s", before, got)
	}
	if _, err := h.Query(Address{1}, "qfails()"); err == nil || !strings.Contains(err.Error(), "secret reason") {
		t.Fatalf("qfails: %v", err)
	}
}

func TestQueryRegistryIsApart(t *testing.T) {
	h := NewTestHost()
	// A registered function is not a query function, and the message says so.
	_, err := h.Query(Address{1}, "deposit(uint256)", 1)
	if !errors.Is(err, ErrUnknownFunction) || !strings.Contains(err.Error(), "deposit is not a query function of this contract") {
		t.Fatalf("task function as a query: %v", err)
	}
	if !strings.Contains(err.Error(), "whoami()") {
		t.Fatalf("the message does not list the query functions: %v", err)
	}
	// A query function cannot be called by a task.
	if _, err := h.Call("whoami()"); !errors.Is(err, ErrUnknownFunction) {
		t.Fatalf("query function as a task: %v", err)
	}
	// Query panics on what Register panics on.
	for _, sig := range []string{"whoami()", "bad(", "(uint256)"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Query(%q) did not panic", sig)
				}
			}()
			Query(sig, func(*Call) error { return nil })
		}()
	}
}
