// Package contract is the Go SDK for writing secret contracts: WebAssembly
// programs built for GOOS=wasip1 that run on the network's VM against the
// eng_wasm host interface of the original Enigma network (module "env").
//
// A contract is a main package that registers its public functions by their
// Ethereum signature in init and has an empty main:
//
//	func init() {
//		contract.Constructor("construct(address)", construct)
//		contract.Register("add(uint256,uint256)", add)
//	}
//
//	func add(c *contract.Call) error {
//		var a, b contract.Uint256
//		if err := c.Args(&a, &b); err != nil {
//			return err
//		}
//		sum, ok := a.Add(b)
//		if !ok {
//			return errors.New("addition overflow")
//		}
//		return c.Return(sum)
//	}
//
//	func main() {}
//
// The package exports the module's "deploy", "call" and "query" functions
// itself: deploy runs the constructor, call dispatches on the function
// signature the host passes, and query does the same among the query
// functions registered with [Query] (secret queries: read-only, answered to
// the caller who signed them, whose address [Call.Caller] returns; the
// caller comes through the host import "enigma" "query_caller"). Arguments and return values are Ethereum ABI encoded, state values
// are stored as JSON like the original eng_wasm does, and a handler that
// returns an error or panics fails the task (the host sees the module exit
// with a non-zero status after the reason was printed with eprint).
//
// Built for any other GOOS the host functions are served by [TestHost], an
// in-process stand-in, so contract logic can be unit tested with go test.
//
// This package imports only the standard library and golang.org/x/crypto/sha3:
// it is linked into every contract, so it must stay small and must never
// import the node (internal/...) or anything that needs IO.
package contract
