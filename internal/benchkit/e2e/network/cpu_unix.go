//go:build unix

package network

import (
	"syscall"
	"time"
)

// processCPU is the CPU time (user and system) this process has used: the
// devnet, the clients and the watcher together.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
