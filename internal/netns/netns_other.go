//go:build !linux

package netns

import (
	"errors"
	"fmt"
	"runtime"
)

// ErrUnavailable is wrapped by Available's error: network namespaces
// cannot be created here.
var ErrUnavailable = errors.New("network namespaces unavailable")

// Available says that network namespaces are a Linux feature.
func Available() error {
	return fmt.Errorf("%w: they are a Linux feature and this is %s", ErrUnavailable, runtime.GOOS)
}
