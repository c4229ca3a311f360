package devchain

import (
	"testing"
	"time"
)

// BenchmarkStart measures starting an in-memory dev chain and closing it.
func BenchmarkStart(b *testing.B) {
	cfg := TestConfig()
	cfg.BlockPeriod = time.Second
	for b.Loop() {
		c, err := Start(cfg)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		c.Close()
		b.StartTimer()
	}
}
