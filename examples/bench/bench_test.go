package bench

import (
	"context"
	"os/exec"
	"testing"
)

func TestRunQuick(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a contract and runs it on the VM")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command on PATH")
	}
	r, err := Run(context.Background(), Options{Dir: "..", Quick: true, Only: []string{"calculator"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Rows) != 4 {
		t.Fatalf("rows %+v", r.Rows)
	}
	for _, f := range []string{"calculator_code_bytes", "calculator_deploy_gas", "calculator_call_gas", "calculator_call_us"} {
		if r.Fields[f] == nil {
			t.Errorf("field %s missing", f)
		}
	}
	if gas := r.Fields["calculator_call_gas"].(uint64); gas < 10_000 || gas > 100_000 {
		// The original integration tests give a calculator call 100,000 gas.
		t.Errorf("calculator call costs %d gas, more than the 100,000 enigma-js's tests allow", gas)
	}
}
