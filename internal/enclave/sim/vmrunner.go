package sim

import (
	"context"

	"github.com/enigma-go/enigma/internal/vm"
)

// NewVMRunner runs contracts on a VM engine. The engine caches compiled
// modules by code hash, so a contract is validated and compiled once.
func NewVMRunner(e *vm.Engine) Runner { return vmRunner{e} }

type vmRunner struct{ e *vm.Engine }

func (r vmRunner) Run(ctx context.Context, code []byte, req vm.Request) (vm.Result, error) {
	m, err := r.e.Compile(ctx, code)
	if err != nil {
		return vm.Result{}, err
	}
	res, err := r.e.Run(ctx, m, req)
	if res == nil {
		return vm.Result{}, err
	}
	return *res, err
}
