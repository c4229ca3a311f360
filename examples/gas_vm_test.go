package examples_test

import (
	"testing"

	"github.com/enigma-go/enigma/internal/vm"
)

// TestGasReport logs what tasks of the examples cost on the VM's default
// schedule (run with -v to see it). It asserts nothing about the figures:
// they are measurements, tracked by the benchmarks.
func TestGasReport(t *testing.T) {
	c := deploy(t, "calculator", "construct()")
	res, err := c.run(vm.Deploy, "construct()")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("calculator: deploy %d gas for %d bytes of code", res.GasUsed, c.mod.CodeSize())
	res = c.call("add(uint256,uint256)", 76, 17)
	t.Logf("calculator: add %d gas", res.GasUsed)
}
