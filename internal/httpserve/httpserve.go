// Package httpserve runs an http.Server until a context ends, the one way
// the gateway and the node roles' HTTP services stop: on cancellation the
// server stops accepting and gives calls in flight a few seconds to finish.
// It imports only the standard library.
package httpserve

import (
	"context"
	"errors"
	"net"
	"net/http"
	"time"
)

// ShutdownGrace is how long calls in flight may take once ctx ends.
const ShutdownGrace = 5 * time.Second

// Serve serves hs on ln until ctx ends, then shuts it down. It returns nil
// after a shutdown and the server's error otherwise.
func Serve(ctx context.Context, ln net.Listener, hs *http.Server) error {
	done := make(chan struct{})
	go func() {
		defer close(done)
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), ShutdownGrace)
		defer cancel()
		_ = hs.Shutdown(sctx)
	}()
	err := hs.Serve(ln)
	<-done
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}
