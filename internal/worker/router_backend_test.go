package worker_test

import (
	"github.com/enigma-go/enigma/internal/gateway"
	"github.com/enigma-go/enigma/internal/worker"
)

// The Router is the gateway's backend; the worker does not import the
// gateway, so the check lives here.
var (
	_ gateway.Backend      = (*worker.Router)(nil)
	_ gateway.V2Backend    = (*worker.Router)(nil)
	_ gateway.QueryBackend = (*worker.Router)(nil)
)
