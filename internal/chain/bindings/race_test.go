//go:build race

package bindings_test

// raceEnabled skips the slow compiler round trip under the race detector:
// it runs no Go concurrency of interest and the plain test run covers it.
const raceEnabled = true
